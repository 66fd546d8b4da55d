// SPDX-License-Identifier: Apache-2.0
package org.baobab.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.baobab.IntegrationTest;
import org.baobab.ReceivedMails;
import org.baobab.SignedIn;
import org.baobab.TestClock;
import org.baobab.TestSmtp;
import org.baobab.WebClient;
import org.baobab.award.Recommendation.BidderResult;
import org.baobab.award.Recommendation.LotResult;
import org.baobab.bidding.BidFixtures;
import org.baobab.complaints.Complaint.ContestedKind;
import org.baobab.complaints.Complaint.Objection;
import org.baobab.complaints.Complaint.Outcome;
import org.baobab.complaints.Complaints;
import org.baobab.identity.CurrentUser;
import org.baobab.opendata.OcdsSchema;
import org.baobab.opendata.OpenData;
import org.baobab.opendata.PublishedRelease;
import org.baobab.shared.BaobabException;
import org.baobab.shared.ErrorCode;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessStatus;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The award: recommendation, provisional award and its standstill over the Senegalese calendar, final award refused
 * before the standstill's end, while suspended or while a complaint is pending; cancellation; voluntary prior review;
 * each bidder told its own result only; the OCDS award releases; the journal; the pages.
 */
@IntegrationTest
class AwardsTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    static final String OFFICER = "crd@arcop.demo";
    /** A Monday; the standstill then crosses two weekends and Easter Monday (29 March 2027) of the SN calendar. */
    static final LocalDate PUBLICATION = LocalDate.of(2027, 3, 22);

    static final String REASONS_B = "Offre-B conforme mais plus chere de dix pour cent";
    static final String REASONS_C = "Offre-C ecartee: garantie de soumission absente";

    private final Awards awards;
    private final PriorReviews reviews;
    private final AwardDecisions decisions;
    private final Complaints complaints;
    private final Notices notices;
    private final OpenData openData;
    private final BidFixtures bidFixtures;
    private final TenderingFixtures fixtures;
    private final TestClock clock;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final MockMvc mvc;

    AwardsTests(
            Awards awards,
            PriorReviews reviews,
            AwardDecisions decisions,
            Complaints complaints,
            Notices notices,
            OpenData openData,
            BidFixtures bidFixtures,
            TenderingFixtures fixtures,
            TestClock clock,
            MessageSource messages,
            JdbcClient jdbc,
            MockMvc mvc) {
        this.awards = awards;
        this.reviews = reviews;
        this.decisions = decisions;
        this.complaints = complaints;
        this.notices = notices;
        this.openData = openData;
        this.bidFixtures = bidFixtures;
        this.fixtures = fixtures;
        this.clock = clock;
        this.messages = messages;
        this.jdbc = jdbc;
        this.mvc = mvc;
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    /** A process whose bids were opened and evaluated: its ocid and three real bidders (winner, ranked, rejected). */
    record Evaluated(String ocid, CurrentUser a, CurrentUser b, CurrentUser c, Recommendation recommendation) {}

    private Evaluated evaluated(String title) {
        String ocid = bidFixtures.openNotice(title + " " + UUID.randomUUID());
        CurrentUser a = bidFixtures.newCompany();
        CurrentUser b = bidFixtures.newCompany();
        CurrentUser c = bidFixtures.newCompany();
        Instant now = Instant.now();
        jdbc.sql("update tendering_process set submission_deadline = :d, opening_at = :o, status = 'CLOSED' "
                        + "where ocid = :ocid")
                .param("d", Timestamp.from(now.minus(Duration.ofHours(3))))
                .param("o", Timestamp.from(now.minus(Duration.ofHours(2))))
                .param("ocid", ocid)
                .update();
        UUID ca = company(a);
        UUID cb = company(b);
        UUID cc = company(c);
        Recommendation r = new Recommendation(
                ocid,
                UUID.randomUUID(),
                "priceOnly",
                now,
                List.of(
                        new LotResult("1", ca, name(a), new BigDecimal("2400000.00"), "XOF"),
                        new LotResult("2", null, null, null, "XOF")),
                List.of(
                        bidder(a, "recommended", 1, "2400000", ""),
                        bidder(b, "ranked", 2, "2650000", REASONS_B),
                        new BidderResult(
                                cc,
                                name(c),
                                List.of(UUID.randomUUID()),
                                List.of("1", "2"),
                                new BigDecimal("2100000"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                "rejected",
                                REASONS_C)));
        return new Evaluated(ocid, a, b, c, r);
    }

    private static BidderResult bidder(CurrentUser admin, String outcome, int rank, String amount, String reasons) {
        BigDecimal value = new BigDecimal(amount);
        return new BidderResult(
                company(admin),
                name(admin),
                List.of(UUID.randomUUID()),
                List.of("1"),
                value,
                value,
                value,
                null,
                null,
                rank,
                outcome,
                reasons);
    }

    private static UUID company(CurrentUser admin) {
        return admin.primaryMembership().orElseThrow().organisationId();
    }

    private static String name(CurrentUser admin) {
        return admin.primaryMembership().orElseThrow().organisationName();
    }

    private CurrentUser prm() {
        return fixtures.user(TenderingFixtures.PRM);
    }

    private void on(LocalDate day) {
        clock.stopAt(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
    }

    private static Consumer<Throwable> code(ErrorCode code) {
        return e -> assertThat(((BaobabException) e).errorCode()).isEqualTo(code);
    }

    private long journalled(String ocid, String action) {
        return jdbc.sql(
                        "select count(*) from audit_entry where subject_type = 'procurement-process' and subject_id = :s"
                                + " and action = :a")
                .param("s", ocid)
                .param("a", action)
                .query(Long.class)
                .single();
    }

    @Test
    void theStandstillCountsWorkingDaysAndTheAwardBecomesFinalOnlyAfterItsLastDay() throws Exception {
        Evaluated e = evaluated("Attribution définitive");
        String ocid = e.ocid();
        assertThatThrownBy(() -> decisions.publishProvisional(prm(), ocid))
                .satisfies(code(AwardErrorCode.NO_RECOMMENDATION));
        Recommendation r = e.recommendation();
        Recommendation unknownLot = new Recommendation(
                ocid,
                r.reportId(),
                r.method(),
                r.approvedAt(),
                List.of(new LotResult("7", null, null, null, "XOF")),
                r.bidders());
        assertThatThrownBy(() -> awards.recommend(unknownLot)).satisfies(code(AwardErrorCode.INVALID_RECOMMENDATION));
        awards.recommend(r);
        assertThat(journalled(ocid, "award.recommended")).isEqualTo(1);

        // only the PRM of the authority publishes
        assertThatThrownBy(() -> decisions.publishProvisional(fixtures.user(TenderingFixtures.BUYER), ocid))
                .satisfies(code(AwardErrorCode.NOT_PRM));
        on(PUBLICATION);
        LocalDate ends = decisions.publishProvisional(prm(), ocid);
        // 10 working days from Monday 22 March 2027: two weekends and Easter Monday (29 March) are not counted
        assertThat(ends).isEqualTo(LocalDate.of(2027, 4, 6));
        assertThat(awards.standstill("SN", PUBLICATION).limit().code()).isEqualTo(Awards.STANDSTILL);
        assertThat(journalled(ocid, "award.provisional-published")).isEqualTo(1);
        AwardView published = awards.published(ocid).orElseThrow();
        assertThat(published.status()).isEqualTo("PROVISIONAL");
        assertThat(published.recommendation().bidders()).isEmpty();
        assertThat(published.complainBy()).isBeforeOrEqualTo(ends);

        // a later recommendation no longer replaces a published one
        assertThatThrownBy(() -> awards.recommend(e.recommendation()))
                .satisfies(code(AwardErrorCode.ALREADY_PUBLISHED));

        // the last day of the standstill is still part of it
        on(ends);
        assertThatThrownBy(() -> decisions.finalise(prm(), ocid))
                .satisfies(code(AwardErrorCode.STANDSTILL))
                .satisfies(x -> {
                    BaobabException b = (BaobabException) x;
                    assertThat(messages.getMessage(b.errorCode().messageKey(), b.arguments(), Locale.ENGLISH))
                            .contains("standstill runs until 2027-04-06");
                });
        on(ends.plusDays(1));
        decisions.finalise(prm(), ocid);
        assertThat(awards.published(ocid).orElseThrow().status()).isEqualTo("FINAL");
        assertThat(journalled(ocid, "award.finalised")).isEqualTo(1);
        assertThatThrownBy(() -> decisions.finalise(prm(), ocid)).satisfies(code(AwardErrorCode.WRONG_STATE));

        // OCDS: award (pending) then awardUpdate (active), with the bids' statistics and details, no reasons
        List<PublishedRelease> releases = openData.published(ocid);
        PublishedRelease award = releases.get(releases.size() - 2);
        PublishedRelease update = releases.get(releases.size() - 1);
        assertThat(award.tags()).containsExactly("award");
        assertThat(update.tags()).containsExactly("awardUpdate");
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode pending = mapper.readTree(award.json());
        assertThat(pending.path("awards").get(0).path("status").asString()).isEqualTo("pending");
        assertThat(pending.path("awards")
                        .get(0)
                        .path("suppliers")
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(company(e.a()).toString());
        assertThat(pending.path("awards").get(1).path("status").asString()).isEqualTo("unsuccessful");
        assertThat(pending.path("tender").path("id").asString()).isEqualTo(ocid);
        assertThat(pending.path("bids").path("statistics").toString())
                .contains("\"measure\":\"bids\"")
                .contains("\"measure\":\"validBids\"");
        assertThat(pending.path("bids").path("details")).hasSize(3);
        assertThat(award.json())
                .doesNotContain(REASONS_B)
                .doesNotContain(REASONS_C)
                .contains("tenderer");
        assertThat(mapper.readTree(update.json())
                        .path("awards")
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("active");
        if (System.getProperty(OcdsSchema.ORACLES_PROPERTY) != null) {
            assertThat(OcdsSchema.releaseErrors(award.json())).isEmpty();
            assertThat(OcdsSchema.releaseErrors(update.json())).isEmpty();
            assertThat(OcdsSchema.emptyFields(award.json())).isEmpty();
        }
    }

    @Test
    void aSuspensionAndAPendingComplaintHoldTheFinalAwardUntilTheRegulatorDecides() throws InterruptedException {
        Evaluated e = evaluated("Attribution contestée");
        String ocid = e.ocid();
        awards.recommend(e.recommendation());
        on(PUBLICATION);
        LocalDate ends = decisions.publishProvisional(prm(), ocid);

        on(PUBLICATION.plusDays(1));
        UUID complaint = complaints.file(
                e.b(),
                company(e.b()),
                new Complaints.Filing(
                        ocid,
                        ContestedKind.AWARD,
                        "Attribution provisoire du lot 1",
                        PUBLICATION,
                        List.of(new Objection("Erreur de calcul", "Le prix de l'attributaire est mal corrigé.")),
                        "Réévaluer les offres.",
                        List.of()));
        complaints.answer(prm(), complaint, "Le calcul est juste.");
        on(PUBLICATION.plusDays(2));
        complaints.escalate(e.b(), complaint, "La réponse ne répond pas au grief.");
        CurrentUser officer = fixtures.user(OFFICER);
        complaints.suspend(officer, complaint, "Le temps d'examiner le grief.");
        // each party hears of each step, with the next last day; the one who acted does not
        String link = "/complaints/" + complaint;
        assertThat(ReceivedMails.await(smtp, prm().email(), "Un recours est déposé contre votre procédure", link, 1))
                .singleElement()
                .asString()
                .contains("Dernier jour pour y répondre", "Attribution contestée");
        assertThat(ReceivedMails.await(
                        smtp, e.b().email(), "L'autorité contractante a répondu à votre recours", link, 1))
                .hasSize(1);
        assertThat(ReceivedMails.await(
                        smtp, OFFICER, "Un recours est porté devant l'organe de règlement des différends", link, 1))
                .hasSize(1);
        assertThat(ReceivedMails.await(smtp, e.b().email(), "La procédure est suspendue", link, 1))
                .hasSize(1);
        assertThat(ReceivedMails.await(smtp, OFFICER, "La procédure est suspendue", link, 0))
                .isEmpty();

        on(ends.plusDays(1));
        assertThatThrownBy(() -> decisions.finalise(prm(), ocid)).satisfies(code(AwardErrorCode.SUSPENDED));
        complaints.lift(officer, complaint);
        assertThatThrownBy(() -> decisions.finalise(prm(), ocid)).satisfies(code(AwardErrorCode.COMPLAINT_PENDING));
        complaints.decide(officer, complaint, Outcome.DISMISSED, "Le grief n'est pas fondé.");
        assertThat(complaints.pending(ocid)).isFalse();
        decisions.finalise(prm(), ocid);
        assertThat(awards.published(ocid).orElseThrow().status()).isEqualTo("FINAL");
    }

    @Test
    void thePrmCancelsTheProcedureAtTheAwardStageWithAReason() throws Exception {
        Evaluated e = evaluated("Attribution annulée");
        String ocid = e.ocid();
        awards.recommend(e.recommendation());
        on(PUBLICATION);
        decisions.publishProvisional(prm(), ocid);
        assertThatThrownBy(() -> decisions.cancel(prm(), ocid, "  ")).satisfies(code(AwardErrorCode.REQUIRED));
        assertThatThrownBy(() -> decisions.cancel(fixtures.user(TenderingFixtures.BUYER), ocid, "Motif"))
                .satisfies(code(AwardErrorCode.NOT_PRM));
        decisions.cancel(prm(), ocid, "Crédits budgétaires annulés par la loi de finances rectificative.");

        assertThat(notices.notice(ocid).orElseThrow().status()).isEqualTo(ProcessStatus.CANCELLED);
        AwardView cancelled = awards.published(ocid).orElseThrow();
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(cancelled.cancelReason()).contains("loi de finances");
        assertThat(journalled(ocid, "award.cancelled")).isEqualTo(1);
        List<PublishedRelease> all = openData.published(ocid);
        PublishedRelease last = all.get(all.size() - 1);
        assertThat(last.tags()).containsExactly("awardUpdate");
        JsonNode json = JsonMapper.builder().build().readTree(last.json());
        assertThat(json.path("awards").get(0).path("status").asString()).isEqualTo("cancelled");
        assertThat(json.path("tender").path("status").asString()).isEqualTo("cancelled");
        assertThatThrownBy(() -> decisions.finalise(prm(), ocid)).satisfies(code(AwardErrorCode.PROCESS_CANCELLED));

        String page = new WebClient(mvc, "10.7.8.41").body("/notices/" + ocid);
        assertThat(page).contains("Procédure annulée").contains("loi de finances");
    }

    @Test
    void aVoluntaryPriorReviewMustApproveBeforeThePrmPublishes() throws Exception {
        Evaluated e = evaluated("Attribution revue");
        String ocid = e.ocid();
        awards.recommend(e.recommendation());
        assertThat(awards.reviewRequired(ocid)).isFalse();
        CurrentUser controller = fixtures.user(TenderingFixtures.CONTROLLER);
        assertThatThrownBy(() -> reviews.review(controller, ocid, true, ""))
                .satisfies(code(AwardErrorCode.WRONG_STATE));
        reviews.submitForReview(prm(), ocid);
        assertThatThrownBy(() -> decisions.publishProvisional(prm(), ocid)).satisfies(code(AwardErrorCode.WRONG_STATE));
        assertThatThrownBy(() -> reviews.review(prm(), ocid, true, "")).satisfies(code(AwardErrorCode.NOT_CONTROLLER));
        assertThatThrownBy(() -> reviews.review(controller, ocid, false, " ")).satisfies(code(AwardErrorCode.REQUIRED));
        reviews.review(controller, ocid, false, "Joindre le procès-verbal d'ouverture.");
        assertThat(awards.forStaff(prm(), ocid).orElseThrow().status()).isEqualTo("RECOMMENDED");
        assertThat(journalled(ocid, "award.review-returned")).isEqualTo(1);

        // the evaluation may replace its recommendation while it is not published
        awards.recommend(e.recommendation());
        reviews.submitForReview(prm(), ocid);
        reviews.review(controller, ocid, true, "");
        AwardView approved = awards.forStaff(controller, ocid).orElseThrow();
        assertThat(approved.status()).isEqualTo("APPROVED");
        assertThat(approved.reviewDecision()).isEqualTo("APPROVED");
        on(PUBLICATION);
        decisions.publishProvisional(prm(), ocid);
        assertThat(journalled(ocid, "award.submitted-for-review")).isEqualTo(2);
        assertThat(journalled(ocid, "award.review-approved")).isEqualTo(1);
        assertThat(journalled(ocid, "award.provisional-published")).isEqualTo(1);
    }

    @Test
    void eachBidderIsToldItsOwnResultAndReasonsOnlyByMailAndOnItsPage() throws Exception {
        Evaluated e = evaluated("Attribution notifiée");
        String ocid = e.ocid();
        awards.recommend(e.recommendation());
        on(PUBLICATION);
        decisions.publishProvisional(prm(), ocid);

        String subject = "Résultat de l'attribution provisoire";
        List<String> toB = ReceivedMails.await(smtp, e.b().email(), subject, ocid, 1);
        assertThat(toB)
                .singleElement()
                .satisfies(mail -> assertThat(mail)
                        .contains(REASONS_B)
                        .doesNotContain(REASONS_C)
                        .contains("/award/" + ocid + "/mine")
                        .contains("/complaints/new?ocid=" + ocid)
                        .contains("6 avr. 2027"));
        assertThat(ReceivedMails.await(smtp, e.c().email(), subject, ocid, 1))
                .singleElement()
                .satisfies(mail -> assertThat(mail).contains(REASONS_C).doesNotContain(REASONS_B));
        assertThat(ReceivedMails.await(smtp, e.a().email(), subject, ocid, 1))
                .singleElement()
                .satisfies(mail -> assertThat(mail).doesNotContain(REASONS_B).doesNotContain(REASONS_C));
        assertThat(jdbc.sql("select count(*) from notifications_inbox where recipient_id = :u"
                                + " and kind = 'AWARD_PROVISIONAL' and subject = :o")
                        .param("u", e.b().id())
                        .param("o", ocid)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the bidder's page shows its own result only; the public notice shows the winner and the standstill
        String mine = mvc.perform(get("/award/" + ocid + "/mine").with(SignedIn.as(e.b())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains(REASONS_B).doesNotContain(REASONS_C);
        assertThat(mvc.perform(get("/award/" + ocid + "/mine").with(SignedIn.as(bidFixtures.newCompany())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        String notice = new WebClient(mvc, "10.7.8.42").body("/notices/" + ocid);
        assertThat(notice)
                .contains("Attribution provisoire")
                .contains(name(e.a()))
                .contains("6 avr. 2027")
                .doesNotContain(REASONS_B)
                .doesNotContain(REASONS_C);
        String arabic = new WebClient(mvc, "10.7.8.43").body("/notices/" + ocid + "?lang=ar");
        assertThat(arabic).contains("إسناد مؤقت").contains("2027").doesNotContain("2027-04-06");
        String staff = mvc.perform(get("/award/" + ocid).with(SignedIn.as(prm())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(staff).contains(REASONS_B).contains(REASONS_C);
    }
}
