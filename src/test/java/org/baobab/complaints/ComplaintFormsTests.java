// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.baobab.FormPage;
import org.baobab.SignedIn;
import org.baobab.identity.CurrentUser;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The complaint filing form, through the form mechanism: every error at once, beside its field, by its label. */
@org.baobab.IntegrationTest
class ComplaintFormsTests {

    private final Complaints complaints;
    private final Tendering tendering;
    private final TenderingFixtures fixtures;
    private final JdbcClient jdbc;
    private final MockMvc mvc;

    ComplaintFormsTests(
            Complaints complaints, Tendering tendering, TenderingFixtures fixtures, JdbcClient jdbc, MockMvc mvc) {
        this.complaints = complaints;
        this.tendering = tendering;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.mvc = mvc;
    }

    /** A published Senegalese process of the demo health ministry; returns its ocid. */
    private String published() {
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        UUID id = tendering.createOutsidePlan(
                prm,
                fixtures.organisationOf(TenderingFixtures.PRM),
                "Besoin urgent",
                fixtures.notice("SN", "Matériel contesté " + UUID.randomUUID()));
        tendering.publish(prm, id);
        return tendering.forStaff(prm, id).ocid();
    }

    @Test
    void theFilingFormFilesAStructuredComplaintWithEvidenceAndShowsATranslatedErrorOtherwise() throws Exception {
        String ocid = published();
        CurrentUser bidder = fixtures.user(ComplaintsTests.COMPLAINANT);
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        var pdf = new org.springframework.mock.web.MockMultipartFile(
                "evidence", "pv.pdf", "application/pdf", org.baobab.documents.Samples.pdf());
        var filed = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/complaints")
                                .file(pdf)
                                .param("ocid", ocid)
                                .param("contested", "NOTICE")
                                .param("contestedText", "L'avis")
                                .param("objectionTitle", "Critère non prévu", "", "")
                                .param("objectionText", "Exposé du grief", "", "")
                                .param("remedy", "Corriger l'avis")
                                .with(csrf)
                                .with(org.baobab.SignedIn.as(bidder)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .is3xxRedirection())
                .andReturn();
        UUID id = UUID.fromString(filed.getResponse().getRedirectedUrl().substring("/complaints/".length()));
        Complaint c = complaints.complaint(bidder, id);
        assertThat(c.objections())
                .singleElement()
                .satisfies(o -> assertThat(o.title()).isEqualTo("Critère non prévu"));
        assertThat(c.evidence())
                .singleElement()
                .satisfies(e -> assertThat(e.name()).isEqualTo("pv.pdf"));

        var page = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/complaints")
                                .param("ocid", ocid)
                                .param("contested", "NOTICE")
                                .param("contestedText", "L'avis")
                                .param("remedy", "Corriger l'avis")
                                .with(csrf)
                                .with(org.baobab.SignedIn.as(bidder))
                                .header("Accept-Language", "en"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk());
        FormPage.of(page).assertErrors("objectionTitle", "Title of objection 1");
        assertThat(FormPage.of(page).html()).contains("Give at least one objection");
        assertThat(complaints.published(ocid)).hasSize(1);
    }

    @Test
    void everyInvalidFieldOfTheFilingIsShownBesideItselfByItsLabelInFrenchAndEnglishAndNothingIsFiled()
            throws Exception {
        CurrentUser bidder = fixtures.user(ComplaintsTests.COMPLAINANT);
        long before = count();
        for (String language : new String[] {"fr", "en"}) {
            FormPage page = FormPage.of(post(
                            bidder,
                            "/complaints?lang=" + language,
                            "ocid",
                            " ",
                            "contested",
                            "NOTICE",
                            "contestedText",
                            "",
                            "contestedOn",
                            "pas-une-date",
                            "objectionTitle",
                            "",
                            "objectionText",
                            "",
                            "remedy",
                            "")
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                            .isOk()));
            var items = language.equals("fr")
                    ? page.assertErrors(
                            "ocid", "Référence de la procédure (ocid)",
                            "contestedText", "Acte contesté",
                            "contestedOn", "Date de l'acte contesté",
                            "objectionTitle", "Titre du grief 1",
                            "remedy", "Mesure demandée")
                    : page.assertErrors(
                            "ocid", "Procedure reference (ocid)",
                            "contestedText", "Act contested",
                            "contestedOn", "Date of the contested act",
                            "objectionTitle", "Title of objection 1",
                            "remedy", "Remedy asked");
            assertThat(items).hasSize(5);
            assertThat(page.html()).doesNotContain("??", "filing.");
        }
        assertThat(count()).as("nothing was filed").isEqualTo(before);
    }

    @Test
    void anUnknownProcessIsShownBesideTheReference() throws Exception {
        String ocid = "ocds-inconnu-" + UUID.randomUUID();
        FormPage page = FormPage.of(post(
                        fixtures.user(ComplaintsTests.COMPLAINANT),
                        "/complaints",
                        "ocid",
                        ocid,
                        "contestedText",
                        "L'avis",
                        "objectionTitle",
                        "Critère",
                        "objectionText",
                        "Exposé",
                        "remedy",
                        "Corriger")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk()));
        page.assertErrors("ocid", "Référence de la procédure (ocid)");
        assertThat(page.besideField("ocid")).contains(ocid);
        assertThat(page.html()).as("the text typed stays in the fields").contains("Critère", "Corriger");
        assertThat(complaints.published(ocid)).isEmpty();
    }

    private org.springframework.test.web.servlet.ResultActions post(CurrentUser user, String url, String... params)
            throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(url)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(SignedIn.as(user));
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    private long count() {
        return jdbc.sql("select count(*) from complaints_complaint")
                .query(Long.class)
                .single();
    }
}
