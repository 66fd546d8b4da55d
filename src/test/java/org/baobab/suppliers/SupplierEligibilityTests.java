// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baobab.suppliers.NewCompanies.company;
import static org.baobab.suppliers.NewCompanies.register;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.documents.Samples;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Nature;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;

/**
 * What bidding asks before it accepts a bid: a registered supplier, with its profile and identifiers, not excluded,
 * holding the notice's documents unexpired and not rejected; enforceable rules block, unverified ones warn, and a
 * foreign company's documents only warn.
 */
@IntegrationTest
class SupplierEligibilityTests {

    private static final ZoneId DAKAR = ZoneId.of("Africa/Dakar");
    private static final List<String> SN_DOCUMENTS = List.of("ATTESTATION_FISCALE", "RCCM");

    private final SupplierEligibility eligibility;
    private final SupplierProfiles profiles;
    private final SupplierDocuments documents;
    private final Exclusions exclusions;
    private final Accounts accounts;
    private final TenderingFixtures fixtures;

    SupplierEligibilityTests(
            SupplierEligibility eligibility,
            SupplierProfiles profiles,
            SupplierDocuments documents,
            Exclusions exclusions,
            Accounts accounts,
            TenderingFixtures fixtures) {
        this.eligibility = eligibility;
        this.profiles = profiles;
        this.documents = documents;
        this.exclusions = exclusions;
        this.accounts = accounts;
        this.fixtures = fixtures;
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(DAKAR).toInstant();
    }

    private Eligibility check(UUID company, String country, List<String> required, Instant at) {
        return eligibility.check(company, country, Nature.GOODS, required, at);
    }

    private static List<String> keys(List<Eligibility.Finding> findings) {
        return findings.stream().map(Eligibility.Finding::messageKey).toList();
    }

    private void profile(CurrentUser admin) {
        NewCompanies.profile(profiles, admin, "Éligible SARL", false);
    }

    private void upload(CurrentUser admin, String code, LocalDate issued, LocalDate expires) {
        documents.upload(
                admin,
                company(admin),
                code,
                new ByteArrayInputStream(Samples.pdf(UUID.randomUUID().toString())),
                code + ".pdf",
                "application/pdf",
                issued,
                expires);
    }

    @Test
    void aBuyerIsNotASupplier() {
        Eligibility buyer = check(
                fixtures.organisationOf(TenderingFixtures.BUYER),
                "SN",
                List.of(),
                Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(buyer.eligible()).isFalse();
        assertThat(keys(buyer.blocking())).containsExactly("eligibility.not-a-supplier");
    }

    @Test
    void aNewCompanyMustCompleteItsProfileAndHoldTheDocuments() {
        CurrentUser admin = register(accounts, "SN");
        LocalDate today = documents.today("SN");
        Eligibility fresh = check(company(admin), "SN", SN_DOCUMENTS, noon(today));
        assertThat(fresh.blocking())
                .extracting(Eligibility.Finding::messageKey, f -> f.arguments())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("eligibility.no-profile", List.of()),
                        org.assertj.core.groups.Tuple.tuple("eligibility.document-missing", List.of("RCCM")));
        assertThat(fresh.warnings())
                .as("Senegal's tax attestation entry is unverified: it warns")
                .extracting(f -> f.arguments())
                .containsExactly(List.of("ATTESTATION_FISCALE"));

        profile(admin);
        upload(admin, "ATTESTATION_FISCALE", today.minusDays(10), today.plusDays(60));
        upload(admin, "RCCM", today.minusYears(1), today.plusDays(5));
        Eligibility ready = check(company(admin), "SN", SN_DOCUMENTS, noon(today));
        assertThat(ready.eligible()).isTrue();
        assertThat(ready.findings()).isEmpty();

        Eligibility later = check(company(admin), "SN", SN_DOCUMENTS, noon(today.plusDays(6)));
        assertThat(later.blocking()).singleElement().satisfies(f -> {
            assertThat(f.messageKey()).isEqualTo("eligibility.document-expired");
            assertThat(f.arguments()).containsExactly("RCCM", today.plusDays(5).toString());
        });
        assertThat(check(
                                company(admin),
                                "SN",
                                SN_DOCUMENTS,
                                today.plusDays(5).atTime(23, 59).atZone(DAKAR).toInstant())
                        .eligible())
                .as("the last day of validity is still valid, in Dakar's time")
                .isTrue();
    }

    @Test
    void anExcludedCompanyIsBlockedForTheNatureAndPeriodOfItsExclusionOnly() {
        CurrentUser admin = register(accounts, "SN");
        profile(admin);
        LocalDate from = LocalDate.of(2092, 1, 1);
        LocalDate to = LocalDate.of(2092, 6, 30);
        exclusions.record(
                fixtures.user("crd@arcop.demo"),
                fixtures.organisationOf("crd@arcop.demo"),
                new Exclusion.Draft(
                        company(admin), "", "", Nature.GOODS, from, to, "Décision CRD n° 2092-001", "Collusion"));
        assertThat(keys(check(company(admin), "SN", List.of(), noon(from)).blocking()))
                .containsExactly("eligibility.excluded");
        assertThat(eligibility
                        .check(company(admin), "SN", Nature.WORKS, List.of(), noon(from))
                        .eligible())
                .isTrue();
        assertThat(check(company(admin), "SN", List.of(), noon(to.plusDays(1))).eligible())
                .isTrue();
    }

    @Test
    void unverifiedRulesAndForeignCompaniesDocumentsOnlyWarn() {
        CurrentUser cameroon = register(accounts, "CM");
        profiles.save(
                cameroon,
                company(cameroon),
                new SupplierProfile.Draft(
                        "Douala Fournitures SA",
                        "SA",
                        "",
                        "Douala",
                        "",
                        "",
                        "",
                        false,
                        false,
                        false,
                        false,
                        "",
                        "",
                        Map.of()));
        Eligibility home = check(company(cameroon), "CM", List.of("CNPS", "NON_FAILLITE"), Instant.now());
        assertThat(home.eligible())
                .as("Cameroon's CNPS and non-bankruptcy entries are unverified")
                .isTrue();
        assertThat(keys(home.warnings())).contains("eligibility.document-missing", "eligibility.identifier-missing");

        Eligibility abroad = check(company(cameroon), "SN", SN_DOCUMENTS, Instant.now());
        assertThat(abroad.eligible())
                .as("a Cameroonian company holds Cameroonian papers")
                .isTrue();
        assertThat(keys(abroad.warnings()))
                .containsExactly("eligibility.document-missing", "eligibility.document-missing");
    }
}
