// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baobab.suppliers.NewCompanies.company;
import static org.baobab.suppliers.NewCompanies.register;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The supplier's dashboard: open notices under the company's fields only, the notices its member follows, the
 * company's own questions with their state, and its documents at a glance, in French and Arabic.
 */
@IntegrationTest
class SupplierDashboardTests {

    private final SupplierCategories categories;
    private final Accounts accounts;
    private final Tendering tendering;
    private final TenderingFixtures fixtures;
    private final MockMvc mvc;

    SupplierDashboardTests(
            SupplierCategories categories,
            Accounts accounts,
            Tendering tendering,
            TenderingFixtures fixtures,
            MockMvc mvc) {
        this.categories = categories;
        this.accounts = accounts;
        this.tendering = tendering;
        this.fixtures = fixtures;
        this.mvc = mvc;
    }

    private String publish(String title, String cpv) {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID id = tendering.createOutsidePlan(
                buyer,
                fixtures.organisationOf(TenderingFixtures.BUYER),
                "motif",
                fixtures.notice("SN", title).withClassification(List.of(cpv)));
        tendering.publish(fixtures.user(TenderingFixtures.PRM), id);
        return tendering.forStaff(buyer, id).ocid();
    }

    private String dashboard(CurrentUser user, String language) throws Exception {
        return mvc.perform(
                        MockMvcRequestBuilders.get("/supplier?lang=" + language).with(SignedIn.as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aNewCompanyIsToldWhatToDoFirst() throws Exception {
        CurrentUser admin = register(accounts, "SN");
        assertThat(dashboard(admin, "fr"))
                .contains(
                        "Le profil de l&#39;entreprise n&#39;est pas encore rempli",
                        "href=\"/supplier/categories\"",
                        "Vous ne suivez aucun avis",
                        "Pas encore déposé")
                .doesNotContain("??");
    }

    @Test
    void theDashboardShowsTheCompanysFieldsFollowedNoticesQuestionsAndDocuments() throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        CurrentUser admin = register(accounts, "SN");
        categories.add(admin, company(admin), "45000000");
        String works = publish("Pistes rurales " + marker, "45233120");
        String software = publish("Logiciel comptable " + marker, "48000000");
        tendering.follow(admin, software);
        tendering.ask(admin, software, "Licences perpétuelles " + marker + " ?");

        String page = dashboard(admin, "fr");
        assertThat(page)
                .contains("Avis ouverts dans vos domaines", "Pistes rurales " + marker, "/notices/" + works)
                .contains("Avis que vous suivez", "Logiciel comptable " + marker)
                .contains("Licences perpétuelles " + marker, "en attente")
                .contains("Documents administratifs", "Attestation")
                .contains("cpv=45000000");
        int fields = page.indexOf("Avis ouverts dans vos domaines");
        int followed = page.indexOf("Avis que vous suivez");
        assertThat(page.substring(fields, followed)).doesNotContain("Logiciel comptable " + marker);

        assertThat(dashboard(admin, "ar"))
                .contains("dir=\"rtl\"", "الإعلانات المفتوحة في مجالاتك", "Pistes rurales " + marker)
                .doesNotContain("??");

        CurrentUser preparer = fixtures.user(TenderingFixtures.SUPPLIER);
        assertThat(dashboard(preparer, "fr")).doesNotContain("Membres et invitations");
    }
}
