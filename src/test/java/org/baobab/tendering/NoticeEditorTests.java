// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Nature;
import org.baobab.rules.PackFormat;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.rules.ThresholdPurpose;
import org.baobab.rules.TimeLimit;
import org.baobab.shared.CountryCode;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The guided notice editor over HTTP: each step checked as it is left (every error at once, next to its field, named
 * by its label in the reader's language, nothing saved), a draft left after two steps and resumed from the process
 * page with its data and its completed steps, and the rule pack's rules shown where they apply.
 */
@IntegrationTest
class NoticeEditorTests {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final MockMvc mvc;
    private final Tendering tendering;
    private final NoticeSteps steps;
    private final TenderingFixtures fixtures;
    private final RulePacks packs;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final PackFormat packFormat;

    NoticeEditorTests(
            JdbcClient jdbc,
            PackFormat packFormat,
            MockMvc mvc,
            Tendering tendering,
            NoticeSteps steps,
            TenderingFixtures fixtures,
            RulePacks packs,
            Clock clock) {
        this.mvc = mvc;
        this.tendering = tendering;
        this.steps = steps;
        this.fixtures = fixtures;
        this.packs = packs;
        this.clock = clock;
        this.jdbc = jdbc;
        this.packFormat = packFormat;
    }

    @Test
    void theFirstStepReportsEveryErrorByItsLabelNextToItsFieldAndCreatesNothing() throws Exception {
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        UUID authority = fixtures.organisationOf(TenderingFixtures.PRM);
        long before = processesOf(authority);
        MockHttpServletResponse refused = send(post("/buyer/processes", prm, "fr")
                .param("authority", authority.toString())
                .param("outOfPlanReason", " ")
                .param("reference", "")
                .param("title", "")
                .param("description", "")
                .param("procedureCode", "AOO")
                .param("buyerCategory", "ALL")
                .param("nature", "GOODS")
                .param("language", "fr")
                .param("estimatedValue", "-5")
                .param("currency", "X1")
                .param("classification", "12345678"));
        assertThat(refused.getStatus()).isEqualTo(400);
        String page = refused.getContentAsString();
        assertThat(page)
                .contains(
                        "Motif du lancement hors plan de passation : ce champ est obligatoire.",
                        "Référence : ce champ est obligatoire.",
                        "Objet : ce champ est obligatoire.",
                        "Description : ce champ est obligatoire.",
                        "Montant estimé : indiquez un montant supérieur à zéro.",
                        "Devise (code ISO 4217) : indiquez le code à trois lettres",
                        "Codes CPV de ce qui est acheté : ")
                .contains("7 erreurs à corriger");
        // each message next to its field, which points to it
        assertThat(page)
                .contains("id=\"title-error\"", "aria-describedby=\"title-error\"", "aria-invalid=\"true\"")
                .contains("href=\"#currency\"");
        assertThat(processesOf(authority)).as("nothing created").isEqualTo(before);

        String english = send(post("/buyer/processes", prm, "en")
                        .param("authority", authority.toString())
                        .param("outOfPlanReason", "Urgent need")
                        .param("reference", "")
                        .param("title", "")
                        .param("description", "Twelve ambulances.")
                        .param("procedureCode", "AOO")
                        .param("currency", "XOF"))
                .getContentAsString();
        assertThat(english).contains("Reference: this field is required.", "Subject: this field is required.");
    }

    @Test
    void theLotsAndDatesStepsReportEveryErrorAndSaveNothing() throws Exception {
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        UUID id = draft(prm, "Lits d'hôpital " + UUID.randomUUID());
        int version = tendering.forStaff(prm, id).version();

        String lots = send(post("/buyer/processes/" + id + "/steps/lots", prm, "fr")
                        .param("version", String.valueOf(version))
                        .param("lots[0].title", "")
                        .param("lots[0].description", "Sans intitulé")
                        .param("lots[1].title", "Lits")
                        .param("lots[1].estimatedValue", "-1"))
                .getContentAsString();
        assertThat(lots)
                .contains(
                        "Lot 1, Intitulé : donnez un intitulé au lot, ou videz toute la ligne.",
                        "Lot 2, Montant estimé : indiquez un montant supérieur à zéro.")
                .contains("id=\"lots-0-title-error\"", "id=\"lots-1-estimatedValue-error\"");

        ZoneId dakar = packs.pack(new CountryCode("SN")).timeZone();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), dakar);
        MockHttpServletResponse dates = send(post("/buyer/processes/" + id + "/steps/dates", prm, "fr")
                .param("version", String.valueOf(version))
                .param("clarificationDeadline", now.plusDays(50).format(LOCAL))
                .param("submissionDeadline", now.minusDays(1).format(LOCAL))
                .param("openingAt", now.minusDays(2).format(LOCAL))
                .param("openingPlace", "")
                .param("contactEmail", "pas-une-adresse")
                .param("awardCriteria", "priceOnly"));
        assertThat(dates.getStatus()).isEqualTo(400);
        assertThat(dates.getContentAsString())
                .contains(
                        "Date limite de remise des offres : La date limite de remise des offres doit être dans le futur.",
                        "Date d&#39;ouverture des plis : ",
                        "Date limite des demandes d&#39;éclaircissement : ",
                        "Lieu d&#39;ouverture des plis : ce champ est obligatoire.",
                        "E-mail de contact : adresse e-mail invalide");
        assertThat(tendering.forStaff(prm, id).version()).as("nothing saved").isEqualTo(version);
        assertThat(steps.completed(prm, id)).containsExactly("what");
    }

    @Test
    void aBuyerLeavesAfterTheSecondStepAndResumesWhereTheyStopped() throws Exception {
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        UUID authority = fixtures.organisationOf(TenderingFixtures.PRM);
        String title = "Ambulances equipees " + UUID.randomUUID();
        MockHttpServletResponse created = send(post("/buyer/processes", prm, "fr")
                .param("authority", authority.toString())
                .param("outOfPlanReason", "Épidémie déclarée")
                .param("reference", "MSAS-AMB-1")
                .param("title", title)
                .param("description", "Six ambulances équipées.")
                .param("procedureCode", "AOO")
                .param("buyerCategory", "ALL")
                .param("nature", "GOODS")
                .param("language", "fr")
                .param("estimatedValue", "300000000")
                .param("currency", "XOF")
                .param("classification", "34114121"));
        assertThat(created.getStatus()).isEqualTo(302);
        String lotsStep = created.getRedirectedUrl();
        assertThat(lotsStep).matches("/buyer/processes/[0-9a-f-]{36}/steps/lots");
        UUID id = UUID.fromString(lotsStep.split("/")[3]);
        int version = tendering.forStaff(prm, id).version();

        MockHttpServletResponse left = send(post(lotsStep, prm, "fr")
                .param("version", String.valueOf(version))
                .param("then", "leave")
                .param("lots[0].title", "Ambulances de type B")
                .param("lots[0].estimatedValue", "200000000")
                .param("lots[1].title", "Ambulances de type C"));
        assertThat(left.getRedirectedUrl()).isEqualTo("/buyer/processes/" + id);

        String process = send(get("/buyer/processes/" + id, prm, "fr")).getContentAsString();
        assertThat(step(process, "Objet, procédure et montant"))
                .contains("done")
                .contains("faite");
        assertThat(step(process, "Lots")).contains("done").contains("faite");
        assertThat(step(process, "Dates et règles")).doesNotContain("done").contains("à faire");
        assertThat(process).contains("/buyer/processes/" + id + "/steps/dates\">Reprendre : Dates et règles");

        assertThat(send(get("/buyer/processes/" + id + "/steps/what", prm, "fr"))
                        .getContentAsString())
                .contains("value=\"" + title + "\"", "value=\"34114121\"", "value=\"300000000.00\"");
        assertThat(send(get("/buyer/processes/" + id + "/steps/lots", prm, "fr"))
                        .getContentAsString())
                .contains("value=\"Ambulances de type B\"", "value=\"Ambulances de type C\"");
        assertThat(tendering.forStaff(prm, id).notice().title()).isEqualTo(title);
        assertThat(tendering.forStaff(prm, id).notice().lots()).hasSize(2);
    }

    @Test
    void theStepsShowTheRulePacksRulesWhereTheyApply() throws Exception {
        // Côte d'Ivoire's pack holds the minimum bid periods: a new authority of that country, with its PRM
        UUID authority = UUID.randomUUID();
        jdbc.sql("insert into identity_organisation (id, kind, name, country, created_at)"
                        + " values (:id, 'CONTRACTING_AUTHORITY', :name, 'CI', now())")
                .param("id", authority)
                .param("name", "Direction des marchés " + authority)
                .update();
        CurrentUser prm = new CurrentUser(
                UUID.randomUUID(),
                "prm-" + authority + "@marches.ci",
                "Awa Koné",
                "fr",
                List.of(new CurrentUser.Membership(
                        authority, "Direction des marchés", OrganisationKind.CONTRACTING_AUTHORITY, "CI", Role.PRM)));
        UUID id = steps.create(
                prm,
                authority,
                null,
                "Besoin urgent",
                fixtures.notice("CI", "Réactifs de laboratoire " + UUID.randomUUID()),
                "what");
        RulePack ivory = packs.pack(new CountryCode("CI"));
        TimeLimit national = ivory.timeLimit("MIN_BID_PERIOD_NATIONAL").orElseThrow();
        String earliest = packFormat.date(
                ivory.lastDay(national, packs.today(ivory.country())).lastDay(), Locale.FRENCH);

        String dates =
                send(get("/buyer/processes/" + id + "/steps/dates", prm, "fr")).getContentAsString();
        assertThat(dates)
                .contains("Délai minimum de remise des offres")
                .contains(national.amount() + " jours calendaires : "
                        + national.name().fr())
                .contains(national.legalBasis().article())
                .contains("ne peut pas fixer la date limite avant le " + earliest);

        String what =
                send(get("/buyer/processes/" + id + "/steps/what", prm, "fr")).getContentAsString();
        assertThat(what).contains("Procédure selon le montant", "Revue préalable par l&#39;organe de contrôle");
        for (String step : new String[] {"what", "lots", "dates", "documents", "committee", "review"}) {
            for (String lang : new String[] {"fr", "ar"}) {
                byte[] html = send(get("/buyer/processes/" + id + "/steps/" + step, prm, lang))
                        .getContentAsByteArray();
                assertThat(html.length)
                        .as("the %s step in %s is light", step, lang)
                        .isLessThan(15_000);
            }
        }
    }

    @Test
    void theFirstStepShowsTheProcedureThresholdsAndTheBandOfTheAmount() throws Exception {
        // Cameroon's pack holds procedure bands; Senegal's says it does not hold them yet
        CurrentUser buyer = fixtures.user(TenderingFixtures.CM_BUYER);
        UUID id = steps.create(
                buyer,
                fixtures.organisationOf(TenderingFixtures.CM_BUYER),
                null,
                "Besoin urgent",
                fixtures.notice("CM", "Groupes électrogènes " + UUID.randomUUID()),
                "what");
        RulePack cameroon = packs.pack(new CountryCode("CM"));
        var bands = cameroon.thresholds(ThresholdPurpose.PROCEDURE, "ALL", Nature.GOODS, null);
        assertThat(bands).isNotEmpty();
        String what =
                send(get("/buyer/processes/" + id + "/steps/what", buyer, "fr")).getContentAsString();
        for (var band : bands) {
            assertThat(what).contains(packFormat.money(band.from(), "XAF", Locale.FRENCH));
        }
        assertThat(what).contains("le montant de l&#39;avis");

        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        UUID senegal = draft(prm, "Groupes électrogènes " + UUID.randomUUID());
        assertThat(send(get("/buyer/processes/" + senegal + "/steps/what", prm, "fr"))
                        .getContentAsString())
                .contains("Le pack ne fixe pas de seuil pour ce cas.")
                .contains(packs.pack(new CountryCode("SN"))
                        .notYetEncoded()
                        .get(0)
                        .fr()
                        .replace("'", "&#39;"));
    }

    private UUID draft(CurrentUser prm, String title) {
        return steps.create(
                prm,
                fixtures.organisationOf(TenderingFixtures.PRM),
                null,
                "Besoin urgent",
                fixtures.notice("SN", title),
                "what");
    }

    private long processesOf(UUID authority) {
        return jdbc.sql("select count(*) from tendering_process where authority_id = :a")
                .param("a", authority)
                .query(Long.class)
                .single();
    }

    /** The list item of a step in the page's list of steps. */
    private static String step(String page, String name) {
        var matcher = Pattern.compile(
                        "<li[^>]*>(?:(?!</li>).)*" + Pattern.quote(name) + "(?:(?!</li>).)*</li>", Pattern.DOTALL)
                .matcher(page);
        assertThat(matcher.find()).as(name).isTrue();
        return matcher.group();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder post(String path, CurrentUser user, String lang) {
        return MockMvcRequestBuilders.post(path)
                .param("lang", lang)
                .with(csrf())
                .with(SignedIn.as(user));
    }

    private static MockHttpServletRequestBuilder get(String path, CurrentUser user, String lang) {
        return MockMvcRequestBuilders.get(path).param("lang", lang).with(SignedIn.as(user));
    }
}
