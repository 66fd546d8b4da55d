// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.baobab.FormPage;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.CurrentUser;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The plan's line form through the form mechanism: every error at once, beside its field, by its label. */
@IntegrationTest
class PlanFormsTests {

    private final MockMvc mvc;
    private final Plans plans;
    private final TenderingFixtures fixtures;

    PlanFormsTests(MockMvc mvc, Plans plans, TenderingFixtures fixtures) {
        this.mvc = mvc;
        this.plans = plans;
        this.fixtures = fixtures;
    }

    @Test
    void aLineWithSeveralInvalidFieldsShowsEachErrorBesideItsFieldByItsLabelAndNothingIsAdded() throws Exception {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID plan = plans.create(buyer, fixtures.organisationOf(TenderingFixtures.BUYER), 2092);
        for (String language : new String[] {"fr", "en"}) {
            FormPage page = FormPage.of(mvc.perform(MockMvcRequestBuilders.post("/buyer/plans/" + plan + "/lines")
                            .with(csrf())
                            .with(SignedIn.as(buyer))
                            .header("Accept-Language", language)
                            .param("reference", "")
                            .param("title", " ")
                            .param("nature", "GOODS")
                            .param("procedureCode", "AOO")
                            .param("amount", "beaucoup")
                            .param("currency", "FCFA"))
                    .andExpect(status().isOk()));
            var items = language.equals("fr")
                    ? page.assertErrors(
                            "reference", "Référence",
                            "title", "Objet",
                            "amount", "Montant estimé",
                            "currency", "Devise")
                    : page.assertErrors(
                            "reference", "Reference",
                            "title", "Subject",
                            "amount", "Estimated amount",
                            "currency", "Currency");
            assertThat(items).hasSize(4);
            assertThat(page.html()).contains("value=\"beaucoup\"").contains("value=\"FCFA\"");
        }
        assertThat(plans.forStaff(buyer, plan).lines()).as("nothing was added").isEmpty();
    }

    @Test
    void aRefusalOfTheServiceLandsBesideTheFieldItNamesByItsLabel() throws Exception {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID plan = plans.create(buyer, fixtures.organisationOf(TenderingFixtures.BUYER), 2093);
        FormPage page = FormPage.of(mvc.perform(MockMvcRequestBuilders.post("/buyer/plans/" + plan + "/lines")
                        .with(csrf())
                        .with(SignedIn.as(buyer))
                        .header("Accept-Language", "ar")
                        .param("reference", "P-1")
                        .param("title", "Fournitures")
                        .param("nature", "GOODS")
                        .param("procedureCode", "PAS-UNE-PROCEDURE")
                        .param("amount", "1000")
                        .param("currency", "XOF"))
                .andExpect(status().isOk()));
        page.assertErrors("procedureCode", "الإجراء");
        assertThat(plans.forStaff(buyer, plan).lines()).as("nothing was added").isEmpty();
    }
}
