// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.baobab.TestClock;
import org.baobab.WebClient;
import org.baobab.complaints.Complaint.ContestedKind;
import org.baobab.complaints.Complaint.Objection;
import org.baobab.complaints.Complaint.Outcome;
import org.baobab.complaints.Complaint.Stage;
import org.baobab.complaints.Complaint.State;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Deadline;
import org.baobab.shared.BaobabException;
import org.baobab.shared.ErrorCode;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Complaints: filing windows, the authority's answer, escalation, suspension, decision, who may see and act. */
@org.baobab.IntegrationTest
class ComplaintsTests {

    static final String COMPLAINANT = "admin@sahel-numerique.demo";
    static final String OTHER_COMPANY = "admin@batir-cameroun.demo";
    static final String OTHER_AUTHORITY_PRM = "acheteur@mintp.demo";
    static final String OFFICER = "crd@arcop.demo";

    private final Complaints complaints;
    private final Tendering tendering;
    private final TenderingFixtures fixtures;
    private final TestClock clock;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final WebClient web;
    private final MockMvc mvc;

    ComplaintsTests(
            Complaints complaints,
            Tendering tendering,
            TenderingFixtures fixtures,
            TestClock clock,
            MessageSource messages,
            JdbcClient jdbc,
            MockMvc mvc) {
        this.complaints = complaints;
        this.tendering = tendering;
        this.fixtures = fixtures;
        this.clock = clock;
        this.messages = messages;
        this.jdbc = jdbc;
        this.web = new WebClient(mvc, "10.7.7.31");
        this.mvc = mvc;
    }

    @AfterEach
    void releaseClock() {
        clock.release();
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

    private static Complaints.Filing filing(String ocid, ContestedKind kind, LocalDate on) {
        return new Complaints.Filing(
                ocid,
                kind,
                "Attribution provisoire du lot 1",
                on,
                List.of(
                        new Objection("Critère non prévu", "L'offre a été écartée sur un critère absent du DAO."),
                        new Objection("Délai trop court", "Le délai de remise ne respecte pas le minimum légal.")),
                "Annuler l'attribution et réévaluer les offres.",
                List.of());
    }

    private UUID file(String ocid) {
        CurrentUser bidder = fixtures.user(COMPLAINANT);
        return complaints.file(
                bidder, fixtures.organisationOf(COMPLAINANT), filing(ocid, ContestedKind.NOTICE, LocalDate.now()));
    }

    private void stopOn(LocalDate day) {
        clock.stopAt(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
    }

    private static Consumer<Throwable> code(ErrorCode code) {
        return e -> assertThat(((BaobabException) e).errorCode()).isEqualTo(code);
    }

    private long journalled(UUID complaintId, String action) {
        return jdbc.sql("select count(*) from audit_entry where subject_type = 'complaint' and subject_id = :s"
                        + " and action = :a")
                .param("s", complaintId.toString())
                .param("a", action)
                .query(Long.class)
                .single();
    }

    @Test
    void aComplaintIsFiledUpToTheLastDayOfThePacksWindowAndRefusedAfterWithATranslatedError() {
        String ocid = published();
        CurrentUser bidder = fixtures.user(COMPLAINANT);
        UUID company = fixtures.organisationOf(COMPLAINANT);
        LocalDate publication = LocalDate.now(ZoneOffset.UTC);
        Deadline fileBy = complaints.fileBy("SN", publication);
        assertThat(fileBy.limit().code()).isEqualTo("RECOURS_GRACIEUX");
        assertThat(fileBy.enforceable()).isTrue();

        stopOn(fileBy.lastDay().plusDays(1));
        assertThatThrownBy(() -> complaints.file(bidder, company, filing(ocid, ContestedKind.NOTICE, null)))
                .satisfies(code(ComplaintsErrorCode.FILING_CLOSED))
                .satisfies(e -> {
                    BaobabException b = (BaobabException) e;
                    assertThat(messages.getMessage(b.errorCode().messageKey(), b.arguments(), Locale.FRENCH))
                            .contains("délai de recours est expiré")
                            .contains(fileBy.lastDay().toString());
                    assertThat(messages.getMessage(b.errorCode().messageKey(), b.arguments(), Locale.ENGLISH))
                            .contains("time to complain has run out");
                });
        assertThat(complaints.published(ocid)).isEmpty();

        stopOn(fileBy.lastDay());
        UUID id = complaints.file(bidder, company, filing(ocid, ContestedKind.NOTICE, null));
        Complaint c = complaints.complaint(bidder, id);
        assertThat(c.state()).isEqualTo(State.FILED);
        assertThat(c.stage()).isEqualTo(Stage.AUTHORITY);
        assertThat(c.contestedOn()).isEqualTo(publication);
        assertThat(c.objections()).hasSize(2);
        assertThat(c.fileBy().lastDay()).isEqualTo(fileBy.lastDay());
        assertThat(c.answerBy().limit().code()).isEqualTo("RECOURS_GRACIEUX_ANSWER");
        assertThat(journalled(id, "complaints.filed")).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedAndNothingIsFiled() {
        String ocid = published();
        CurrentUser bidder = fixtures.user(COMPLAINANT);
        UUID company = fixtures.organisationOf(COMPLAINANT);
        Complaints.Filing noObjection = new Complaints.Filing(
                ocid, ContestedKind.NOTICE, "L'avis", null, List.of(), "Corriger l'avis.", List.of());
        assertThatThrownBy(() -> complaints.file(bidder, company, noObjection))
                .satisfies(code(ComplaintsErrorCode.INCOMPLETE));
        assertThatThrownBy(() -> complaints.file(
                        bidder,
                        company,
                        filing(ocid, ContestedKind.AWARD, LocalDate.now().plusDays(3))))
                .satisfies(code(ComplaintsErrorCode.BAD_ACT_DATE));
        Complaints.Filing badEvidence = new Complaints.Filing(
                ocid,
                ContestedKind.NOTICE,
                "L'avis",
                null,
                List.of(new Objection("Grief", "Exposé")),
                "Corriger l'avis.",
                List.of("0".repeat(64)));
        assertThatThrownBy(() -> complaints.file(bidder, company, badEvidence))
                .satisfies(code(ComplaintsErrorCode.BAD_EVIDENCE));
        CurrentUser preparer = fixtures.user(TenderingFixtures.SUPPLIER);
        assertThatThrownBy(() -> complaints.file(preparer, company, filing(ocid, ContestedKind.NOTICE, null)))
                .satisfies(code(ComplaintsErrorCode.NOT_COMPLAINANT));
        assertThat(complaints.published(ocid)).isEmpty();
    }

    @Test
    void theAuthorityAnswersTheComplainantEscalatesTheRegulatorSuspendsLiftsAndDecides() {
        String ocid = published();
        UUID id = file(ocid);
        CurrentUser bidder = fixtures.user(COMPLAINANT);
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        CurrentUser officer = fixtures.user(OFFICER);

        // another company sees only the public part; another authority's PRM cannot answer
        CurrentUser other = fixtures.user(OTHER_COMPANY);
        assertThatThrownBy(() -> complaints.complaint(other, id)).satisfies(code(ComplaintsErrorCode.NOT_PARTY));
        assertThatThrownBy(() -> complaints.post(other, id, "Moi aussi"))
                .satisfies(code(ComplaintsErrorCode.NOT_PARTY));
        assertThat(complaints.published(ocid))
                .singleElement()
                .satisfies(p -> assertThat(p.complainantName()).isNotBlank());
        CurrentUser otherPrm = fixtures.user(OTHER_AUTHORITY_PRM);
        assertThatThrownBy(() -> complaints.answer(otherPrm, id, "Rejeté"))
                .satisfies(code(ComplaintsErrorCode.NOT_AUTHORITY));
        assertThatThrownBy(() -> complaints.ofAuthority(otherPrm, fixtures.organisationOf(TenderingFixtures.PRM)))
                .satisfies(code(ComplaintsErrorCode.NOT_AUTHORITY));

        // too early to go to the regulator, and the regulator cannot suspend before it has the complaint
        assertThatThrownBy(() -> complaints.escalate(bidder, id, "Pas de réponse"))
                .satisfies(code(ComplaintsErrorCode.TOO_EARLY_TO_ESCALATE));
        assertThatThrownBy(() -> complaints.suspend(officer, id, "Examen"))
                .satisfies(code(ComplaintsErrorCode.WRONG_STATE));

        complaints.post(bidder, id, "Nous joignons le procès-verbal.");
        complaints.post(prm, id, "Bien reçu.");
        complaints.answer(prm, id, "Le critère figurait à l'article 12 du DAO : recours rejeté.");
        Complaint answered = complaints.complaint(prm, id);
        assertThat(answered.state()).isEqualTo(State.ANSWERED);
        assertThat(answered.answerLate()).isFalse();
        assertThat(answered.escalateBy()).isNotNull();
        assertThatThrownBy(() -> complaints.answer(prm, id, "Encore")).satisfies(code(ComplaintsErrorCode.WRONG_STATE));

        complaints.escalate(bidder, id, "La réponse ne répond pas au premier grief.");
        Complaint escalated = complaints.complaint(officer, id);
        assertThat(escalated.stage()).isEqualTo(Stage.REGULATOR);
        assertThat(escalated.state()).isEqualTo(State.ESCALATED);
        assertThat(escalated.decideBy()).isNotNull();
        assertThat(escalated.exchanges()).hasSize(3);
        assertThat(complaints.desk(officer)).extracting(Complaint::id).contains(id);

        assertThatThrownBy(() -> complaints.suspend(prm, id, "Non"))
                .satisfies(code(ComplaintsErrorCode.NOT_COMPLAINTS_OFFICER));
        complaints.suspend(officer, id, "Le temps d'instruire le recours.");
        assertThat(complaints.suspended(ocid)).isTrue();
        assertThatThrownBy(() -> complaints.suspend(officer, id, "Encore"))
                .satisfies(code(ComplaintsErrorCode.ALREADY_SUSPENDED));
        complaints.lift(officer, id);
        assertThat(complaints.suspended(ocid)).isFalse();
        assertThatThrownBy(() -> complaints.lift(officer, id)).satisfies(code(ComplaintsErrorCode.NOT_SUSPENDED));
        complaints.suspend(officer, id, "Nouvel élément.");
        assertThat(complaints.suspended(ocid)).isTrue();

        complaints.decide(officer, id, Outcome.PARTLY_UPHELD, "Le premier grief est fondé, le second non.");
        assertThat(complaints.suspended(ocid)).isFalse();
        Complaint decided = complaints.complaint(bidder, id);
        assertThat(decided.state()).isEqualTo(State.DECIDED);
        assertThat(decided.outcome()).isEqualTo(Outcome.PARTLY_UPHELD);
        assertThat(decided.suspensions())
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.liftedAt()).isNotNull());
        assertThat(complaints.published(ocid))
                .singleElement()
                .satisfies(p -> assertThat(p.outcome()).isEqualTo(Outcome.PARTLY_UPHELD));
        assertThat(complaints.desk(officer)).extracting(Complaint::id).doesNotContain(id);

        for (String action : List.of(
                "complaints.filed",
                "complaints.answered",
                "complaints.escalated",
                "complaints.suspension-lifted",
                "complaints.decided")) {
            assertThat(journalled(id, action)).as(action).isGreaterThanOrEqualTo(1);
        }
        assertThat(journalled(id, "complaints.suspended")).isEqualTo(2);
        assertThat(journalled(id, "complaints.message")).isEqualTo(2);
    }

    @Test
    void anAnswerAfterItsWindowIsRecordedLateAndWithoutAnAnswerTheComplainantMayEscalate() {
        String ocid = published();
        UUID answeredLate = file(ocid);
        UUID unanswered = file(ocid);
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        CurrentUser bidder = fixtures.user(COMPLAINANT);
        Deadline answerBy = complaints.complaint(prm, answeredLate).answerBy();
        // the pack's time to answer is a placeholder (unverified): the platform warns, it does not block
        assertThat(answerBy.enforceable()).isFalse();

        stopOn(answerBy.lastDay().plusDays(1));
        assertThat(complaints
                        .complaint(bidder, unanswered)
                        .noAnswerInTime(answerBy.lastDay().plusDays(1)))
                .isTrue();
        complaints.answer(prm, answeredLate, "Réponse tardive.");
        assertThat(complaints.complaint(prm, answeredLate).answerLate()).isTrue();

        complaints.escalate(bidder, unanswered, "Aucune réponse dans le délai : rejet implicite.");
        Complaint c = complaints.complaint(bidder, unanswered);
        assertThat(c.state()).isEqualTo(State.ESCALATED);
        assertThat(c.answer()).isNull();
    }

    @Test
    void aHolidayInsideTheWindowPushesTheLastDayToFileAgainstAnAward() {
        String ocid = published();
        CurrentUser bidder = fixtures.user(COMPLAINANT);
        UUID company = fixtures.organisationOf(COMPLAINANT);
        LocalDate award = LocalDate.of(2026, 12, 21); // a Monday; Christmas (Friday 25) is a holiday in the SN pack
        // 5 clear working days: 22, 23, 24, 28, 29 (not the 25th), then the next working day
        assertThat(complaints.fileBy("SN", award).lastDay()).isEqualTo(LocalDate.of(2026, 12, 30));
        assertThat(complaints.fileBy("SN", LocalDate.of(2026, 12, 14)).lastDay())
                .isEqualTo(LocalDate.of(2026, 12, 22));

        stopOn(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> complaints.file(bidder, company, filing(ocid, ContestedKind.AWARD, award)))
                .satisfies(code(ComplaintsErrorCode.FILING_CLOSED));
        stopOn(LocalDate.of(2026, 12, 30));
        UUID id = complaints.file(bidder, company, filing(ocid, ContestedKind.AWARD, award));
        assertThat(complaints.complaint(bidder, id).contestedOn()).isEqualTo(award);
    }

    @Test
    void theNoticePageAndTheOpenDataShowThePublicPartsOnly() throws Exception {
        String ocid = published();
        String page = web.body("/notices/" + ocid);
        assertThat(page).contains("id=\"complaints\"");
        UUID id = file(ocid);
        complaints.post(fixtures.user(COMPLAINANT), id, "Message privé entre les parties");

        page = web.body("/notices/" + ocid);
        assertThat(page).contains("Critère non prévu").doesNotContain("Message privé entre les parties");
        String json = web.body("/api/complaints?ocid=" + ocid);
        assertThat(json)
                .contains(id.toString())
                .contains("\"requestedRemedy\"")
                .contains("Critère non prévu")
                .doesNotContain("Message privé");
    }

    @Test
    void thePublicListShowsTheComplaintAndTheRegulatorsDeskShowsItsDeadline() throws Exception {
        String ocid = published();
        UUID id = file(ocid);
        String title = complaints.complaint(fixtures.user(COMPLAINANT), id).processTitle();
        assertThat(web.body("/complaints")).contains(title).doesNotContain(id.toString() + "\"");
        String desk = web.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/regulator/complaints")
                                .with(org.baobab.SignedIn.as(fixtures.user(OFFICER)))
                                .header("Accept-Language", "en"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        // the days left agree in number (ICU plural rules), never "day(s)"
        assertThat(desk).contains(title).containsPattern("\\d+ days?\\b").doesNotContain("day(s)");
        String buyer = web.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/buyer/complaints")
                                .with(org.baobab.SignedIn.as(fixtures.user(TenderingFixtures.PRM))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(buyer).contains(title).contains("/complaints/" + id);
    }

    @Test
    void theComplaintPageShowsTheExchangesAndDeadlinesToThePartiesOnly() throws Exception {
        String ocid = published();
        UUID id = file(ocid);
        complaints.post(fixtures.user(TenderingFixtures.PRM), id, "Nous examinons votre recours.");
        for (String party : List.of(COMPLAINANT, TenderingFixtures.PRM)) {
            String page = web.perform(
                            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/complaints/" + id)
                                    .with(org.baobab.SignedIn.as(fixtures.user(party)))
                                    .header("Accept-Language", "fr"))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                            .isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page)
                    .contains("Nous examinons votre recours.")
                    .contains("Réponse de l&#39;autorité contractante")
                    .contains("Critère non prévu");
        }
        web.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/complaints/" + id)
                        .with(org.baobab.SignedIn.as(fixtures.user(OTHER_COMPANY))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isForbidden());
    }

    @Test
    void theAnswerFormRefusesAnotherAuthorityWithATranslatedErrorAndAcceptsThePrm() throws Exception {
        String ocid = published();
        UUID id = file(ocid);
        var refused = web.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/complaints/" + id + "/answer")
                                .param("answer", "Rejeté")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .with(org.baobab.SignedIn.as(fixtures.user(OTHER_AUTHORITY_PRM)))
                                .header("Accept-Language", "en"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .is3xxRedirection())
                .andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("error"))).contains("Only the procurement officer");
        assertThat(complaints.complaint(fixtures.user(COMPLAINANT), id).state()).isEqualTo(State.FILED);

        web.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/complaints/" + id + "/answer")
                                .param("answer", "Le critère figurait au DAO.")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .with(org.baobab.SignedIn.as(fixtures.user(TenderingFixtures.PRM))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .is3xxRedirection());
        assertThat(complaints.complaint(fixtures.user(COMPLAINANT), id).answer())
                .isEqualTo("Le critère figurait au DAO.");
    }

    @Test
    void theNoticeShowsTheLastDayInTheReadersLanguageAndTheFilingLinkOnlyWhileTheWindowIsOpen() throws Exception {
        String ocid = published();
        Deadline fileBy = complaints.fileBy("SN", LocalDate.now(ZoneOffset.UTC));
        LocalDate last = fileBy.lastDay();
        String french = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Locale.FRENCH)
                .format(last);
        String english = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Locale.ENGLISH)
                .format(last);

        stopOn(last);
        String page = web.body("/notices/" + ocid);
        assertThat(page)
                .contains(french + " inclus")
                .contains("<time datetime=\"" + last + "\"")
                .doesNotContain(last + " inclus")
                .contains("/complaints/new?ocid=" + ocid);

        // the day after the last day (in the country's zone), the link is gone and the page says why
        stopOn(last.plusDays(1));
        page = web.body("/notices/" + ocid);
        assertThat(page)
                .doesNotContain("/complaints/new?ocid=" + ocid)
                .contains("Le délai de recours gracieux contre l&#39;avis est expiré.");
        assertThat(web.body("/notices/" + ocid + "?lang=en"))
                .contains("until " + english + " inclusive")
                .contains("The time to complain against the notice has run out.");
    }

    @Test
    void theComplaintsOfficersMenuLeadsToTheRegulatorsDeskAndNoOneElsesDoes() throws Exception {
        String officer = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/account")
                        .with(org.baobab.SignedIn.as(fixtures.user(OFFICER))))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(officer).contains("<a href=\"/regulator/complaints\">Bureau des recours</a>");
        String prm = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/account")
                        .with(org.baobab.SignedIn.as(fixtures.user(TenderingFixtures.PRM))))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(prm).doesNotContain("href=\"/regulator/complaints\"");
    }
}
