// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.baobab.FormPage;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Nature;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Exclusions: the regulator's complaints officer records a decision, it is public at once (page and JSON) and
 * journalled; bidding's question "is this supplier barred?" follows the period in the country's days and the scope;
 * bad input changes nothing; a lift keeps the decision public with its reason; nobody else may record or lift.
 */
@IntegrationTest
class ExclusionsTests {

    private static final String OFFICER = "crd@arcop.demo";
    private static final ZoneId DAKAR = ZoneId.of("Africa/Dakar");

    private final Exclusions exclusions;
    private final TenderingFixtures fixtures;
    private final MockMvc mvc;
    private final JdbcClient jdbc;

    ExclusionsTests(Exclusions exclusions, TenderingFixtures fixtures, MockMvc mvc, JdbcClient jdbc) {
        this.exclusions = exclusions;
        this.fixtures = fixtures;
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private CurrentUser officer() {
        return fixtures.user(OFFICER);
    }

    private UUID regulator() {
        return fixtures.organisationOf(OFFICER);
    }

    private UUID supplier() {
        return fixtures.organisationOf(TenderingFixtures.SUPPLIER);
    }

    private static Instant noonInDakar(LocalDate day) {
        return day.atTime(12, 0).atZone(DAKAR).toInstant();
    }

    private long journalled(UUID id, String action) {
        return jdbc.sql("select count(*) from audit_entry where subject_id = :id and action = :action")
                .param("id", id.toString())
                .param("action", action)
                .query(Long.class)
                .single();
    }

    private long count() {
        return jdbc.sql("select count(*) from supplier_exclusion")
                .query(Long.class)
                .single();
    }

    @Test
    void anExclusionBarsTheSupplierForItsPeriodAndScopeOnly() {
        LocalDate from = LocalDate.of(2091, 3, 1);
        LocalDate to = LocalDate.of(2091, 8, 31);
        UUID id = exclusions.record(
                officer(),
                regulator(),
                new Exclusion.Draft(
                        supplier(),
                        "",
                        "NINEA 0012345 2G3",
                        Nature.WORKS,
                        from,
                        to,
                        "Décision CRD n° 2091-017 du 20 février 2091",
                        "Faux documents dans une offre"));
        Exclusion recorded = exclusions.get(id);
        assertThat(recorded.companyName())
                .as("taken from the registered supplier")
                .isEqualTo("Sahel Numérique SARL");
        assertThat(recorded.country()).isEqualTo("SN");
        assertThat(journalled(id, "suppliers.exclusion-recorded")).isEqualTo(1);

        assertThat(exclusions.inForce(supplier(), "SN", Nature.WORKS, noonInDakar(from.minusDays(1))))
                .isEmpty();
        assertThat(exclusions.inForce(supplier(), "SN", Nature.WORKS, noonInDakar(from)))
                .map(Exclusion::id)
                .contains(id);
        assertThat(exclusions.inForce(supplier(), "SN", Nature.WORKS, noonInDakar(to)))
                .as("the last day is included")
                .isPresent();
        assertThat(exclusions.inForce(
                        supplier(),
                        "SN",
                        Nature.WORKS,
                        to.atTime(23, 59).atZone(DAKAR).toInstant()))
                .as("until midnight in Dakar")
                .isPresent();
        assertThat(exclusions.inForce(supplier(), "SN", Nature.WORKS, noonInDakar(to.plusDays(1))))
                .isEmpty();
        assertThat(exclusions.inForce(supplier(), "SN", Nature.GOODS, noonInDakar(from.plusDays(10))))
                .as("the scope is works only")
                .isEmpty();
        assertThat(exclusions.inForce(supplier(), "CM", Nature.WORKS, noonInDakar(from.plusDays(10))))
                .as("a Senegalese decision does not bar in Cameroon")
                .isEmpty();

        exclusions.lift(officer(), id, "Annulée par la Cour suprême, arrêt n° 12 du 1er avril 2091");
        assertThat(exclusions.inForce(supplier(), "SN", Nature.WORKS, noonInDakar(from.plusDays(10))))
                .isEmpty();
        assertThat(exclusions.get(id).state(from.plusDays(10))).isEqualTo(Exclusion.State.LIFTED);
        assertThat(journalled(id, "suppliers.exclusion-lifted")).isEqualTo(1);
        assertThatThrownBy(() -> exclusions.lift(officer(), id, "encore"))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SuppliersErrorCode.CANNOT_LIFT));
    }

    @Test
    void badDecisionsAreRefusedAndChangeNothing() {
        long before = count();
        LocalDate day = LocalDate.of(2092, 1, 10);
        record Case(Exclusion.Draft draft, SuppliersErrorCode code) {}
        var cases = java.util.List.of(
                new Case(
                        new Exclusion.Draft(null, " ", "", null, day, null, "Décision 1", "Motif"),
                        SuppliersErrorCode.REQUIRED),
                new Case(
                        new Exclusion.Draft(null, "SARL Y", "", null, null, null, "Décision 1", "Motif"),
                        SuppliersErrorCode.REQUIRED),
                new Case(
                        new Exclusion.Draft(null, "SARL Y", "", null, day, null, "", "Motif"),
                        SuppliersErrorCode.REQUIRED),
                new Case(
                        new Exclusion.Draft(null, "SARL Y", "", null, day, day.minusDays(1), "Décision 1", "Motif"),
                        SuppliersErrorCode.PERIOD_REVERSED),
                new Case(
                        new Exclusion.Draft(regulator(), "SARL Y", "", null, day, null, "Décision 1", "Motif"),
                        SuppliersErrorCode.NOT_A_SUPPLIER),
                new Case(
                        new Exclusion.Draft(null, "SARL Y", "x".repeat(501), null, day, null, "Décision", "Motif"),
                        SuppliersErrorCode.TOO_LONG));
        for (Case c : cases) {
            assertThatThrownBy(() -> exclusions.record(officer(), regulator(), c.draft()))
                    .isInstanceOfSatisfying(
                            BaobabException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(c.code()));
        }
        CurrentUser buyer = fixtures.user(TenderingFixtures.PRM);
        assertThatThrownBy(() -> exclusions.record(
                        buyer,
                        fixtures.organisationOf(TenderingFixtures.PRM),
                        new Exclusion.Draft(null, "SARL Y", "", null, day, null, "Décision 1", "Motif")))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SuppliersErrorCode.NOT_REGULATOR));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theListIsPublicWithoutTheOfficersIdentity() throws Exception {
        LocalDate today = exclusions.today("SN");
        String company = "Entreprise Zq" + UUID.randomUUID().toString().substring(0, 6);
        exclusions.record(
                officer(),
                regulator(),
                new Exclusion.Draft(
                        null,
                        company,
                        "RCCM SN-DKR-2019-B-1234",
                        null,
                        today,
                        null,
                        "Décision CRD n° 2026-101",
                        "Collusion établie entre soumissionnaires"));
        String page = mvc.perform(MockMvcRequestBuilders.get("/suppliers/excluded?country=SN")
                        .header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(company, "Décision CRD n° 2026-101", "en vigueur", "jusqu&#39;à levée");
        assertThat(page).doesNotContain(OFFICER);
        String arabic = mvc.perform(
                        MockMvcRequestBuilders.get("/suppliers/excluded").header("Accept-Language", "ar"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(arabic).contains(company, "ساري المفعول");
        String json = mvc.perform(MockMvcRequestBuilders.get("/api/suppliers/excluded?country=SN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.companyName == '" + company + "')].state")
                        .value("IN_FORCE"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).doesNotContain(OFFICER).doesNotContain("recordedBy");
        mvc.perform(MockMvcRequestBuilders.get("/api/suppliers/excluded?country=CM"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.companyName == '" + company + "')]").isEmpty());
    }

    @Test
    void everyInvalidFieldOfTheDecisionIsShownOnceBesideItselfByItsLabelInFrenchAndArabic() throws Exception {
        CurrentUser officer = officer();
        long before = count();
        for (String language : new String[] {"fr", "ar"}) {
            FormPage page = FormPage.of(mvc.perform(MockMvcRequestBuilders.post("/regulator/exclusions")
                            .with(SignedIn.as(officer))
                            .with(csrf())
                            .header("Accept-Language", language)
                            .param("companyName", "Entreprise Xw")
                            .param("startsOn", "pas une date")
                            .param("legalBasis", "")
                            .param("reason", " "))
                    .andExpect(status().isOk()));
            var items = language.equals("fr")
                    ? page.assertErrors(
                            "startsOn", "Début de l'exclusion",
                            "legalBasis", "Décision (référence et date)",
                            "reason", "Motif")
                    : page.assertErrors(
                            "startsOn", label("startsOn"),
                            "legalBasis", label("legalBasis"),
                            "reason", label("reason"));
            assertThat(items).hasSize(3);
            assertThat(page.html()).contains("value=\"Entreprise Xw\"");
        }
        assertThat(count()).as("nothing was recorded").isEqualTo(before);
    }

    private static String label(String field) throws java.io.IOException {
        java.util.Properties arabic = new java.util.Properties();
        try (var in = ExclusionsTests.class.getResourceAsStream("/i18n/suppliers_ar.properties")) {
            arabic.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return arabic.getProperty("exclusion." + field);
    }

    @Test
    void theOfficerRecordsAndLiftsThroughThePagesWithTranslatedErrors() throws Exception {
        CurrentUser officer = officer();
        String company = "Bâtiments Zq" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(MockMvcRequestBuilders.get("/regulator/exclusions").with(SignedIn.as(officer)))
                .andExpect(status().isOk());
        long before = count();
        mvc.perform(MockMvcRequestBuilders.post("/regulator/exclusions")
                        .with(SignedIn.as(officer))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("companyName", company)
                        .param("startsOn", "2093-05-10")
                        .param("endsOn", "2093-05-01")
                        .param("legalBasis", "Décision 2093-1")
                        .param("reason", "Motif"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The exclusion ends before it starts.")));
        assertThat(FormPage.of(mvc.perform(MockMvcRequestBuilders.post("/regulator/exclusions")
                                .with(SignedIn.as(officer))
                                .with(csrf())
                                .header("Accept-Language", "en")
                                .param("companyName", company)
                                .param("startsOn", "2093-05-10")
                                .param("endsOn", "2093-05-01")
                                .param("legalBasis", "Décision 2093-1")
                                .param("reason", "Motif")))
                        .besideField("endsOn"))
                .isEqualTo("The exclusion ends before it starts.");
        assertThat(count()).isEqualTo(before);
        assertThat(FormPage.of(mvc.perform(MockMvcRequestBuilders.post("/regulator/exclusions")
                                .with(SignedIn.as(officer))
                                .with(csrf())
                                .header("Accept-Language", "fr")
                                .param("companyName", company)
                                .param("startsOn", "2093-05-10")
                                .param("legalBasis", "Décision 2093-1")))
                        .assertErrors("reason", "Motif"))
                .hasSize(1);
        assertThat(count()).isEqualTo(before);
        mvc.perform(MockMvcRequestBuilders.post("/regulator/exclusions")
                        .with(SignedIn.as(officer))
                        .with(csrf())
                        .param("companyName", company)
                        .param("nature", "GOODS")
                        .param("startsOn", "2093-05-10")
                        .param("endsOn", "2094-05-09")
                        .param("legalBasis", "Décision 2093-1")
                        .param("reason", "Défaut d'exécution grave"))
                .andExpect(redirectedUrl("/regulator/exclusions"))
                .andExpect(flash().attributeExists("message"));
        Exclusion recorded = exclusions.list("SN").stream()
                .filter(e -> e.companyName().equals(company))
                .findFirst()
                .orElseThrow();
        assertThat(recorded.nature()).isEqualTo(Nature.GOODS);
        assertThat(recorded.state(LocalDate.of(2093, 1, 1))).isEqualTo(Exclusion.State.UPCOMING);
        mvc.perform(MockMvcRequestBuilders.post("/regulator/exclusions/" + recorded.id() + "/lift")
                        .with(SignedIn.as(officer))
                        .with(csrf())
                        .param("reason", "Erreur matérielle sur l'entreprise"))
                .andExpect(flash().attributeExists("message"));
        assertThat(exclusions.get(recorded.id()).liftReason()).isEqualTo("Erreur matérielle sur l'entreprise");
    }
}
