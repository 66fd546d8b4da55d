// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.baobab.FormPage;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.CurrentUser;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The plans through the web: the public list, a plan with its revision history and changes, the AGPM, and a buyer's
 * import whose row errors come back translated, nothing imported.
 */
@IntegrationTest
class PlanningWebTests {

    private final MockMvc mvc;
    private final Plans plans;
    private final TenderingFixtures fixtures;

    PlanningWebTests(MockMvc mvc, Plans plans, TenderingFixtures fixtures) {
        this.mvc = mvc;
        this.plans = plans;
        this.fixtures = fixtures;
    }

    private String page(String url, String language) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anyoneReadsThePublishedPlansTheirRevisionsAndTheGeneralNotice() throws Exception {
        List<PlanView> senegal = plans.latestPublished("SN", 2026, null);
        assertThat(senegal).as("the demo plans").isNotEmpty();
        PlanView revised =
                senegal.stream().filter(p -> p.revision() == 2).findFirst().orElseThrow();

        String list = page("/plans?country=SN&year=2026", "fr");
        assertThat(list).contains("Ministère de la Santé").contains("/plans/" + revised.id());

        String plan = page("/plans/" + revised.id(), "fr");
        assertThat(plan)
                .contains("MSAS-2026-AOO-045")
                .contains(revised.revisionReason())
                .contains("Ajout : MSAS-2026-AOO-045")
                .contains("Modification : MSAS-2026-AOO-011");
        UUID first = plans.history(revised.id()).get(1).id();
        assertThat(plan).contains("/plans/" + first);
        assertThat(page("/plans/" + first, "fr")).doesNotContain("MSAS-2026-AOO-045");

        String agpm = page("/plans/" + revised.id() + "/agpm", "en");
        assertThat(agpm).contains("moustiquaires imprégnées").contains("General procurement notice 2026");
        assertThat(page("/plans/" + revised.id(), "ar")).contains("dir=\"rtl\"");

        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID draft = plans.create(buyer, fixtures.organisationOf(TenderingFixtures.BUYER), 2090);
        mvc.perform(MockMvcRequestBuilders.get("/plans/" + draft)).andExpect(status().isNotFound());
        // an address whose identifier cannot be one names no plan: 404, in words (RequestErrorsTests)
        mvc.perform(MockMvcRequestBuilders.get("/plans/not-a-plan")).andExpect(status().isNotFound());
    }

    @Test
    void aBuyerImportingABadSpreadsheetSeesEachRowErrorInItsLanguageAndNothingIsImported() throws Exception {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID plan = plans.create(buyer, fixtures.organisationOf(TenderingFixtures.BUYER), 2091);
        String csv = "reference,object,nature,procedure,amount,currency,funding\n"
                + "W-1,Fournitures,goods,AOO,1000000,XOF,BN\n"
                + "W-2,Travaux,works,AOO,-5,XOF,BN\n";
        for (String language : new String[] {"fr", "en"}) {
            FormPage page = FormPage.of(mvc.perform(MockMvcRequestBuilders.multipart("/buyer/plans/" + plan + "/import")
                            .file(new MockMultipartFile(
                                    "file", "ppm.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                            .with(csrf())
                            .with(SignedIn.as(buyer))
                            .header("Accept-Language", language))
                    .andExpect(status().isOk()));
            if (language.equals("fr")) {
                page.assertErrors("file", "Fichier CSV ou XLSX");
                assertThat(page.besideField("file"))
                        .isEqualTo("Rien n'a été importé : 1 erreur à corriger dans le fichier.");
                assertThat(page.html())
                        .contains("<li>Ligne 3, colonne Montant estimé : " + "Montant non valable : « -5 ».</li>");
            } else {
                page.assertErrors("file", "CSV or XLSX file");
                assertThat(page.html()).contains("id=\"file-rows\"").doesNotContain("??");
            }
        }
        assertThat(plans.forStaff(buyer, plan).lines()).isEmpty();

        mvc.perform(MockMvcRequestBuilders.get("/buyer/plans/template.csv").with(SignedIn.as(buyer)))
                .andExpect(status().isOk());
    }
}
