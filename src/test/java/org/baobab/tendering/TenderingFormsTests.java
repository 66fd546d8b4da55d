// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;
import org.baobab.FormPage;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Tendering's forms on the shared form mechanism: a refused review decision, question, answer or addendum comes back
 * with its error beside the field and in the summary under the field's label, in the reader's language, and nothing
 * changes.
 */
@IntegrationTest
class TenderingFormsTests {

    private final MockMvc mvc;
    private final Tendering tendering;
    private final TenderingFixtures fixtures;

    TenderingFormsTests(MockMvc mvc, Tendering tendering, TenderingFixtures fixtures) {
        this.mvc = mvc;
        this.tendering = tendering;
        this.fixtures = fixtures;
    }

    @Test
    void returningANoticeWithoutCommentsShowsTheErrorBesideTheComments() throws Exception {
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        UUID id = process(prm, "Moustiquaires imprégnées ");
        tendering.submitForReview(prm, id);
        CurrentUser controller = fixtures.user(TenderingFixtures.CONTROLLER);

        ResultActions french = mvc.perform(post("/review/" + id, controller, "fr")
                .param("decision", "return")
                .param("comments", " "));
        french.andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(400));
        FormPage.of(french).assertErrors("comments", "Observations");
        FormPage.of(mvc.perform(post("/review/" + id, controller, "ar")
                        .param("decision", "return")
                        .param("comments", "")))
                .assertErrors("comments", "الملاحظات");
        assertThat(tendering.forStaff(prm, id).status()).isEqualTo(ProcessStatus.IN_REVIEW);
    }

    @Test
    void aBlankQuestionAnswerOrAddendumIsRefusedBesideItsField() throws Exception {
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        UUID id = process(prm, "Tables d'examen ");
        tendering.publish(prm, id);
        String ocid = tendering.forStaff(prm, id).ocid();
        CurrentUser supplier = fixtures.user(TenderingFixtures.SUPPLIER);

        FormPage.of(mvc.perform(
                        post("/notices/" + ocid + "/questions", supplier, "fr").param("question", "  ")))
                .assertErrors("question", "Votre demande d'éclaircissement");
        assertThat(tendering.forStaff(prm, id).questions()).isEmpty();

        UUID question = tendering.ask(supplier, ocid, "Les tables sont-elles réglables en hauteur ?");
        FormPage.of(mvc.perform(post("/buyer/processes/" + id + "/questions/" + question + "/answer", prm, "en")
                        .param("answer", "")))
                .assertErrors("answer", "Answer");
        assertThat(tendering.forStaff(prm, id).questions().get(0).answered()).isFalse();

        FormPage.of(mvc.perform(MockMvcRequestBuilders.multipart("/buyer/processes/" + id + "/addenda")
                        .param("description", "")
                        .param("lang", "fr")
                        .with(csrf())
                        .with(SignedIn.as(prm))))
                .assertErrors("description", "Description de l'additif");
        assertThat(tendering.forStaff(prm, id).addenda()).isEmpty();
    }

    private UUID process(CurrentUser prm, String title) {
        return tendering.createOutsidePlan(
                prm,
                fixtures.organisationOf(TenderingFixtures.PRM),
                "Besoin urgent",
                fixtures.notice("SN", title + UUID.randomUUID()));
    }

    private static MockHttpServletRequestBuilder post(String path, CurrentUser user, String lang) {
        return MockMvcRequestBuilders.post(path)
                .param("lang", lang)
                .with(csrf())
                .with(SignedIn.as(user));
    }
}
