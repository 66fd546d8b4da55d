// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baobab.suppliers.NewCompanies.code;
import static org.baobab.suppliers.NewCompanies.company;
import static org.baobab.suppliers.NewCompanies.register;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.ReceivedMails;
import org.baobab.SignedIn;
import org.baobab.TestSmtp;
import org.baobab.documents.Samples;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Administrative documents: uploaded with their dates (impossible dates and kinds the pack does not ask for are
 * refused, nothing stored), shown valid / expiring / expired, replaced with history kept, verified or rejected with a
 * reason by a buyer or the regulator of the company's country only, and reminded once per expiry by a real mail.
 */
@IntegrationTest
class SupplierDocumentsTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    private final SupplierDocuments documents;
    private final Accounts accounts;
    private final TenderingFixtures fixtures;
    private final MockMvc mvc;
    private final JdbcClient jdbc;

    SupplierDocumentsTests(
            SupplierDocuments documents, Accounts accounts, TenderingFixtures fixtures, MockMvc mvc, JdbcClient jdbc) {
        this.documents = documents;
        this.accounts = accounts;
        this.fixtures = fixtures;
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private UUID upload(CurrentUser admin, String code, LocalDate issued, LocalDate expires) {
        return documents.upload(
                admin,
                company(admin),
                code,
                new ByteArrayInputStream(Samples.pdf(UUID.randomUUID().toString())),
                "attestation.pdf",
                "application/pdf",
                issued,
                expires);
    }

    private long count() {
        return jdbc.sql("select count(*) from supplier_document")
                .query(Long.class)
                .single();
    }

    @Test
    void validityIsReadFromTheDatesInTheCountrysDays() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        SupplierDocument.Validity[] expected = {
            SupplierDocument.Validity.VALID,
            SupplierDocument.Validity.EXPIRES_SOON,
            SupplierDocument.Validity.EXPIRES_SOON,
            SupplierDocument.Validity.EXPIRED
        };
        LocalDate[] expiries = {today.plusDays(31), today.plusDays(30), today, today.minusDays(1)};
        for (int i = 0; i < expiries.length; i++) {
            SupplierDocument d = new SupplierDocument(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    "SN",
                    "NINEA",
                    "0".repeat(64),
                    "a.pdf",
                    today.minusYears(1),
                    expiries[i],
                    "x",
                    java.time.Instant.EPOCH,
                    null,
                    null,
                    null);
            assertThat(d.validity(today)).as("expiring on %s", expiries[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void uploadsAreCheckedAndANewOneReplacesTheCurrentOne() {
        CurrentUser admin = register(accounts, "SN");
        LocalDate today = documents.today("SN");
        long before = count();
        assertThatThrownBy(() -> upload(admin, "NIU", today.minusDays(3), today.plusMonths(3)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.UNKNOWN_DOCUMENT_KIND));
        assertThatThrownBy(() -> upload(admin, "ATTESTATION_FISCALE", today.plusDays(1), today.plusMonths(3)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.DOCUMENT_DATES));
        assertThatThrownBy(() -> upload(admin, "ATTESTATION_FISCALE", today.minusDays(3), today.minusDays(3)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.DOCUMENT_DATES));
        CurrentUser signatory = fixtures.user("admin@sahel-numerique.demo");
        assertThat(count()).isEqualTo(before);

        UUID first = upload(admin, "ATTESTATION_FISCALE", today.minusMonths(2), today.plusMonths(4));
        UUID second = upload(admin, "ATTESTATION_FISCALE", today.minusDays(1), today.plusMonths(12));
        assertThat(documents.current(company(admin)))
                .extracting(SupplierDocument::id)
                .containsExactly(second);
        assertThat(documents.get(first).code()).as("kept as history").isEqualTo("ATTESTATION_FISCALE");
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where subject_id = :s and action = 'suppliers.document-uploaded'")
                        .param("s", second.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThatThrownBy(() -> documents.upload(
                        signatory,
                        company(admin),
                        "NINEA",
                        new ByteArrayInputStream(Samples.pdf()),
                        "a.pdf",
                        null,
                        today,
                        null))
                .as("another company's member")
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.NOT_SUPPLIER_ADMIN));
    }

    @Test
    void onlyBuyersAndTheRegulatorOfTheCountryVerifyAndARejectionHasAReason() {
        CurrentUser admin = register(accounts, "SN");
        LocalDate today = documents.today("SN");
        UUID id = upload(admin, "RCCM", today.minusYears(2), today.plusYears(3));
        CurrentUser senegaleseBuyer = fixtures.user(TenderingFixtures.BUYER);
        CurrentUser cameroonianBuyer = fixtures.user(TenderingFixtures.CM_BUYER);
        assertThat(documents.awaiting(senegaleseBuyer))
                .extracting(SupplierDocument::id)
                .contains(id);
        assertThat(documents.awaiting(cameroonianBuyer))
                .extracting(SupplierDocument::id)
                .doesNotContain(id);
        assertThatThrownBy(() -> documents.decide(cameroonianBuyer, id, SupplierDocument.Verification.VERIFIED, null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.NOT_VERIFIER));
        assertThatThrownBy(() -> documents.decide(senegaleseBuyer, id, SupplierDocument.Verification.REJECTED, " "))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.REQUIRED));
        documents.decide(senegaleseBuyer, id, SupplierDocument.Verification.REJECTED, "Extrait illisible");
        SupplierDocument rejected = documents.get(id);
        assertThat(rejected.verification()).isEqualTo(SupplierDocument.Verification.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("Extrait illisible");
        assertThat(rejected.decidedFor()).isEqualTo("Ministère de la Santé et de l'Action sociale");
        assertThatThrownBy(() -> documents.decide(senegaleseBuyer, id, SupplierDocument.Verification.VERIFIED, null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.ALREADY_DECIDED));

        UUID again = upload(admin, "RCCM", today.minusYears(2), today.plusYears(3));
        documents.decide(fixtures.user("crd@arcop.demo"), again, SupplierDocument.Verification.VERIFIED, null);
        assertThat(documents.current(company(admin)))
                .extracting(SupplierDocument::verification)
                .containsExactly(SupplierDocument.Verification.VERIFIED);
    }

    @Test
    void theAdminsAreRemindedOnceBeforeExpiryByMail() throws Exception {
        CurrentUser admin = register(accounts, "SN");
        LocalDate today = documents.today("SN");
        upload(admin, "ATTESTATION_SOCIALE", today.minusMonths(5), today.plusDays(10));
        assertThat(documents.remindExpiring()).isPositive();
        List<String> mails =
                ReceivedMails.await(smtp, admin.email(), "Une attestation de votre entreprise expire bientôt", "", 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0))
                .contains(
                        "IPRES",
                        today.plusDays(10)
                                .format(java.time.format.DateTimeFormatter.ofLocalizedDate(
                                                java.time.format.FormatStyle.LONG)
                                        .withLocale(java.util.Locale.FRENCH)),
                        "/supplier/documents");
        documents.remindExpiring();
        org.baobab.EventListeners.awaitAllHandled(jdbc);
        assertThat(ReceivedMails.await(
                        smtp, admin.email(), "Une attestation de votre entreprise expire bientôt", "", 0))
                .as("once per expiry")
                .hasSize(1);
    }

    @Test
    void datesAreShownInTheReadersLanguageAndTheFormKeepsIsoDates() throws Exception {
        CurrentUser admin = register(accounts, "SN");
        LocalDate today = documents.today("SN");
        upload(admin, "ATTESTATION_FISCALE", LocalDate.of(2025, 10, 23), LocalDate.of(2031, 1, 15));
        CurrentUser buyer = fixtures.user("acheteur@sante.demo");
        Map<String, List<String>> expected = Map.of(
                "fr", List.of("délivré le 23 oct. 2025", "valable jusqu&#39;au 15 janv. 2031"),
                "en", List.of("Oct 23, 2025", "Jan 15, 2031"),
                "ar", List.of(arabic(LocalDate.of(2025, 10, 23)), arabic(LocalDate.of(2031, 1, 15))));
        for (var language : expected.entrySet()) {
            String mine = page("/supplier/documents", admin, language.getKey());
            assertThat(mine)
                    .as("the company's documents in %s", language.getKey())
                    .contains(language.getValue())
                    .doesNotContain("2025-10-23", "2031-01-15")
                    .contains("type=\"date\" id=\"issuedOn\" name=\"issuedOn\" required max=\"" + today + "\"");
            assertThat(page("/verification/documents", buyer, language.getKey()))
                    .as("the verification queue in %s", language.getKey())
                    .contains(language.getValue())
                    .doesNotContain("2025-10-23", "2031-01-15");
        }
        assertThat(arabic(LocalDate.of(2025, 10, 23))).isNotEqualTo("2025-10-23");
    }

    private static String arabic(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Locale.forLanguageTag("ar"))
                .format(date);
    }

    private String page(String path, CurrentUser user, String language) throws Exception {
        return mvc.perform(
                        MockMvcRequestBuilders.get(path).with(SignedIn.as(user)).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theCompanyUploadsThroughThePageAndSeesTheStatus() throws Exception {
        CurrentUser admin = register(accounts, "SN");
        LocalDate today = documents.today("SN");
        mvc.perform(MockMvcRequestBuilders.multipart("/supplier/documents")
                        .file(new MockMultipartFile("file", "ninea.pdf", "application/pdf", Samples.pdf("ninea")))
                        .param("code", "NINEA")
                        .param("issuedOn", today.minusYears(1).toString())
                        .with(SignedIn.as(admin))
                        .with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(flash().attribute(
                                "message", "The document is uploaded; it replaces the previous one of the same kind."));
        mvc.perform(MockMvcRequestBuilders.multipart("/supplier/documents")
                        .param("code", "NINEA")
                        .param("issuedOn", today.toString())
                        .with(SignedIn.as(admin))
                        .with(csrf())
                        .header("Accept-Language", "fr"))
                .andExpect(flash().attribute("error", "Une information obligatoire manque : Fichier."));
        String page = mvc.perform(
                        MockMvcRequestBuilders.get("/supplier/documents").with(SignedIn.as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("ninea.pdf", "sans date d&#39;expiration", "en attente de vérification", "Pas encore déposé");
    }
}
