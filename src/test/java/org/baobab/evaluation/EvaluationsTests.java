// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.TestClock;
import org.baobab.bidding.BidFixtures;
import org.baobab.bidding.Bids;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SubmittedEnvelope;
import org.baobab.bidding.sealing.EnvelopeContext;
import org.baobab.bidding.sealing.MemberKey;
import org.baobab.documents.PdfA;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.OpeningFixtures;
import org.baobab.opening.OpeningMinutes;
import org.baobab.opening.OpeningSession;
import org.baobab.opening.OpeningSessions;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.Notices;
import org.baobab.tendering.TenderingFixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The evaluation on real encryption: bids sealed to the demo health ministry's committee (three members, k = 2), opened
 * by two members while the third is absent, then evaluated: declarations before any bid is seen, each member's own
 * marks, the committee's settled ones, corrections, a preference margin, an abnormally low price, the report and its
 * approval; and a two-envelope quality-and-cost procedure whose unqualified bidder's financial offer is never opened.
 */
@IntegrationTest
class EvaluationsTests {

    private final Evaluations evaluations;
    private final OpeningFixtures openingFixtures;
    private final org.baobab.award.Awards awards;
    private final OpeningSessions sessions;
    private final OpeningMinutes minutes;
    private final BidFixtures fixtures;
    private final TenderingFixtures tenderingFixtures;
    private final Bids bids;
    private final Notices notices;
    private final TestClock clock;
    private final JdbcClient jdbc;
    private final MockMvc mvc;

    EvaluationsTests(
            Evaluations evaluations,
            OpeningFixtures openingFixtures,
            org.baobab.award.Awards awards,
            OpeningSessions sessions,
            OpeningMinutes minutes,
            BidFixtures fixtures,
            TenderingFixtures tenderingFixtures,
            Bids bids,
            Notices notices,
            TestClock clock,
            JdbcClient jdbc,
            MockMvc mvc) {
        this.evaluations = evaluations;
        this.openingFixtures = openingFixtures;
        this.awards = awards;
        this.sessions = sessions;
        this.minutes = minutes;
        this.fixtures = fixtures;
        this.tenderingFixtures = tenderingFixtures;
        this.bids = bids;
        this.notices = notices;
        this.clock = clock;
        this.jdbc = jdbc;
        this.mvc = mvc;
    }

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    private static EvaluationErrorCode code(Throwable e) {
        return (EvaluationErrorCode) ((BaobabException) e).errorCode();
    }

    private Map<Integer, CurrentUser> members(SealingSet set) {
        return openingFixtures.members(set);
    }

    private SubmittedEnvelope submit(CurrentUser bidder, BidFixtures.Sealed sealed) {
        return bids.submit(bidder, fixtures.upload(bidder, sealed), sealed.manifestJson())
                .envelope();
    }

    private BidFixtures.Sealed seal(
            String ocid, EnvelopeContext.Kind kind, @Nullable String amount, @Nullable String rebate) {
        String lot = amount == null
                ? "{\"lot\":\"1\"}"
                : "{\"amount\":\"" + amount + "\",\"currency\":\"XOF\",\"lot\":\"1\""
                        + (rebate == null ? "" : ",\"rebate\":\"" + rebate + "\"") + "}";
        return fixtures.seal(
                ocid,
                kind,
                List.of("1"),
                "{\"form\":\"BBF1\",\"kind\":\"" + kind.name().toLowerCase(Locale.ROOT) + "\",\"lots\":[" + lot
                        + "],\"ocid\":\"" + ocid + "\"}",
                new SecureRandom());
    }

    /** Members 1 and 2 open the session's envelopes (member 3 is absent) and approve its minutes. */
    private OpeningSession open(UUID session, Map<Integer, CurrentUser> members, Map<Integer, MemberKey> keys) {
        for (int p : List.of(1, 2)) {
            sessions.declare(members.get(p), session, false);
        }
        for (int p : List.of(1, 2)) {
            sessions.release(
                    members.get(p),
                    session,
                    OpeningFixtures.releaseAll(sessions, members.get(p), session, keys.get(p)));
        }
        minutes.approve(members.get(1), session);
        assertThat(minutes.approve(members.get(2), session).published()).isTrue();
        return sessions.session(session);
    }

    private static Evaluations.MarkInput pass() {
        return new Evaluations.MarkInput(true, null, "");
    }

    private static Map<String, Evaluations.MarkInput> allPass(Evaluation e) {
        Map<String, Evaluations.MarkInput> marks = new LinkedHashMap<>();
        e.criteria().forEach(c -> marks.put(c.code(), pass()));
        return marks;
    }

    private long journal(String ocid, String action) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and subject_id = :o")
                .param("a", action)
                .param("o", ocid)
                .query(Long.class)
                .single();
    }

    @Test
    void theCommitteeEvaluatesOnItsOwnThenTogetherAndTheMarginAndTheLowPriceDecideTheRecommendation() throws Exception {
        String ocid = fixtures.openNotice("Évaluation au moins-disant");
        SealingSet set = fixtures.sealingSet(ocid);
        Map<Integer, CurrentUser> members = members(set);
        Map<Integer, MemberKey> keys = OpeningFixtures.memberKeys(set);
        CurrentUser a = fixtures.newCompany();
        CurrentUser b = fixtures.newCompany();
        CurrentUser c = fixtures.newCompany();
        UUID aId = bids.company(a).organisationId();
        UUID bId = bids.company(b).organisationId();
        UUID cId = bids.company(c).organisationId();
        submit(a, seal(ocid, EnvelopeContext.Kind.SINGLE, "145000000", null));
        submit(b, seal(ocid, EnvelopeContext.Kind.SINGLE, "140000000", "2 %"));
        submit(c, seal(ocid, EnvelopeContext.Kind.SINGLE, "75000000", null));
        NoticeDraft notice = notices.notice(ocid).orElseThrow().notice();
        // a bid at the deadline is too late: refused, it never reaches the opening
        CurrentUser late = fixtures.newCompany();
        BidFixtures.Sealed lateBid = seal(ocid, EnvelopeContext.Kind.SINGLE, "120000000", null);
        clock.stopAt(notice.dates().submissionDeadline());
        assertThatThrownBy(() -> submit(late, lateBid)).isInstanceOf(BaobabException.class);
        clock.stopAt(notice.dates().openingAt().plusSeconds(60));
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);

        // nothing to evaluate before the opening is done
        assertThatThrownBy(() -> evaluations.start(prm, ocid, new Evaluations.Setup(List.of(), null, null, null)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.OPENING_NOT_DONE));
        OpeningSession opened = open(sessions.start(members.get(1), ocid).id(), members, keys);
        assertThat(opened.readings()).hasSize(3);
        assertThat(opened.unopened()).isEmpty();
        UUID lateId = bids.company(late).organisationId();
        assertThat(bids.envelopes(ocid)).noneMatch(env -> env.organisationId().equals(lateId));

        // a member does not start it; a scored criterion does not fit a lowest-price award
        Evaluations.Setup setup = new Evaluations.Setup(
                List.of(new Evaluations.TechnicalCriterion("Délai de livraison de 60 jours au plus", false, null)),
                null,
                null,
                null);
        assertThatThrownBy(() -> evaluations.start(members.get(1), ocid, setup))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.NOT_PRM));
        assertThatThrownBy(() -> evaluations.start(
                        prm,
                        ocid,
                        new Evaluations.Setup(
                                List.of(new Evaluations.TechnicalCriterion("Méthodologie", true, BigDecimal.TEN)),
                                null,
                                BigDecimal.valueOf(70),
                                null)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.BAD_CRITERIA));
        assertThat(evaluations.evaluation(ocid)).isEmpty();
        Evaluation e = evaluations.start(prm, ocid, setup);
        assertThat(e.bidders()).extracting(Evaluation.Bidder::companyId).containsExactly(aId, bId, cId);
        assertThat(e.criteria()).extracting(Evaluation.Criterion::code).containsExactly("FORM", "BID_SECURITY", "T1");
        assertThat(e.members()).hasSize(3);

        CurrentUser one = members.get(1);
        CurrentUser two = members.get(2);
        CurrentUser three = members.get(3);
        // no mark before the declaration; a conflicted member takes no part
        assertThatThrownBy(() -> evaluations.mark(one, ocid, aId, allPass(e)))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.NOT_DECLARED));
        evaluations.declare(one, ocid, false);
        evaluations.declare(two, ocid, false);
        evaluations.declare(three, ocid, true);
        assertThatThrownBy(() -> evaluations.mark(three, ocid, aId, allPass(e)))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.NOT_DECLARED));
        assertThatThrownBy(() -> evaluations.mark(a, ocid, aId, allPass(e)))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.NOT_MEMBER));

        // each member marks on their own; a mark out of range changes nothing
        Map<String, Evaluations.MarkInput> none = Map.of("T1", new Evaluations.MarkInput(null, null, ""));
        assertThatThrownBy(() -> evaluations.mark(one, ocid, aId, none))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.BAD_MARK));
        for (UUID company : List.of(aId, bId, cId)) {
            evaluations.mark(one, ocid, company, allPass(e));
        }
        assertThatThrownBy(() -> evaluations.submit(two, ocid))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.INCOMPLETE));
        Map<String, Evaluations.MarkInput> formMissing = allPass(e);
        formMissing.put("FORM", new Evaluations.MarkInput(false, null, "Acte d'engagement non signé"));
        evaluations.mark(two, ocid, aId, formMissing);
        evaluations.mark(two, ocid, bId, allPass(e));
        evaluations.mark(two, ocid, cId, allPass(e));
        evaluations.submit(one, ocid);
        // the committee does not settle before every member free of conflict has submitted
        assertThatThrownBy(() -> evaluations.settleAgreed(one, ocid))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.NOT_ENOUGH_SUBMITTED));
        assertThatThrownBy(() -> evaluations.mark(one, ocid, aId, allPass(e)))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.ALREADY_SUBMITTED));
        evaluations.submit(two, ocid);

        // the marks the members agree on settle at once; the disagreement needs a reason
        assertThat(evaluations.settleAgreed(one, ocid)).isEqualTo(8);
        assertThatThrownBy(() -> evaluations.closeTechnical(one, ocid))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.INCOMPLETE));
        assertThatThrownBy(() -> evaluations.settle(one, ocid, aId, "FORM", true, null, " "))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.REASON_REQUIRED));
        evaluations.settle(
                one, ocid, aId, "FORM", true, null, "Signature présente en page 2 du formulaire, vérifiée en séance");
        Evaluation settled = evaluations.evaluation(ocid).orElseThrow();
        assertThat(settled.settled(aId, "FORM").disagreement()).isTrue();
        // each member's own marks stay on file
        assertThat(settled.marksOf(two.id()).get(aId).get("FORM").passed()).isFalse();
        evaluations.closeTechnical(two, ocid);

        // the financial examination: C is abnormally low, B's rebate is read, a correction needs a reason
        EvaluationResult before = evaluations.result(ocid);
        EvaluationResult.LotLine lot1 = before.lots().get(0);
        assertThat(lot1.bids())
                .filteredOn(EvaluationResult.LotBid::low)
                .extracting(EvaluationResult.LotBid::companyId)
                .containsExactly(cId);
        assertThat(lot1.bids().stream()
                        .filter(x -> x.companyId().equals(bId))
                        .findFirst()
                        .orElseThrow()
                        .corrected())
                .isEqualByComparingTo("137200000");
        assertThatThrownBy(() -> evaluations.generate(one, ocid))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.INCOMPLETE));
        assertThatThrownBy(() -> evaluations.price(
                        one,
                        ocid,
                        bId,
                        "1",
                        new Evaluations.PriceInput(new BigDecimal("136000000"), "", null, null, "")))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.BAD_PRICE));
        assertThatThrownBy(() -> evaluations.price(
                        one, ocid, aId, "1", new Evaluations.PriceInput(null, "", "INVENTEE", null, "")))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.UNKNOWN_MARGIN));
        evaluations.price(
                one,
                ocid,
                bId,
                "1",
                new Evaluations.PriceInput(
                        new BigDecimal("136000000"),
                        "Erreur de multiplication au poste 4 du bordereau",
                        null,
                        null,
                        ""));
        evaluations.price(one, ocid, aId, "1", new Evaluations.PriceInput(null, "", "COMMUNAUTAIRE_UEMOA", null, ""));
        assertThatThrownBy(() -> evaluations.price(
                        two, ocid, cId, "1", new Evaluations.PriceInput(null, "", null, "rejected", "")))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.REASON_REQUIRED));
        evaluations.price(
                two,
                ocid,
                cId,
                "1",
                new Evaluations.PriceInput(
                        null, "", null, "rejected", "Aucune justification des prix unitaires reçue dans le délai"));

        // the report: A wins with the 15 % margin (B is compared at 136 000 000 × 1.15 = 156 400 000)
        Evaluations.Report report = evaluations.generate(one, ocid);
        EvaluationResult result = report.result();
        assertThat(result.lots().get(0).winnerId()).isEqualTo(aId);
        assertThat(result.lots().get(0).winner().corrected()).isEqualByComparingTo("145000000");
        EvaluationResult.BidderLine lineB = result.bidder(bId);
        assertThat(lineB.outcome()).isEqualTo("ranked");
        assertThat(lineB.evaluated()).isEqualByComparingTo("156400000");
        assertThat(lineB.reasons()).contains("classée 2e", "156400000.00", "145000000.00");
        EvaluationResult.BidderLine lineC = result.bidder(cId);
        assertThat(lineC.outcome()).isEqualTo("rejected");
        assertThat(lineC.reasons()).contains("anormalement basse", "Aucune justification");
        assertThat(result.bidder(aId).outcome()).isEqualTo("recommended");

        // approved by both members free of conflict; the conflicted one cannot
        assertThatThrownBy(() -> evaluations.approve(three, ocid))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.NOT_DECLARED));
        assertThat(evaluations.approve(one, ocid).approvedAt()).isNull();
        assertThatThrownBy(() -> evaluations.generate(two, ocid))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.REPORT_LOCKED));
        assertThat(evaluations.approve(two, ocid).approvedAt()).isNotNull();
        assertThat(evaluations.evaluation(ocid).orElseThrow().stage()).isEqualTo("approved");

        // the recommendation reached the award: the PRM publishes the provisional award; B reads its own reasons
        org.baobab.award.AwardView award = awards.forStaff(prm, ocid).orElseThrow();
        assertThat(award.recommendation().lots().get(0).winnerId()).isEqualTo(aId);
        assertThat(award.recommendation().lots().get(0).amount()).isEqualByComparingTo("145000000");
        awards.publishProvisional(prm, ocid);
        mvc.perform(MockMvcRequestBuilders.get("/award/" + ocid + "/mine").with(SignedIn.as(b)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("classée 2e")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("Aucune justification"))));

        // the report's PDF/A reads, with the JSON of the result attached
        byte[] pdf = mvc.perform(MockMvcRequestBuilders.get("/evaluation/" + ocid + "/report.pdf")
                        .with(SignedIn.as(one)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfA.Checked checked = PdfA.check(pdf, "Rapport d'évaluation des offres — " + ocid, "fr");
        assertThat(checked.text().replaceAll("\\s+", " "))
                .contains(
                        "Rapport d'évaluation des offres",
                        "156400000",
                        "Erreur de multiplication",
                        "Signature présente");
        assertThat(checked.attachments()).containsKey("evaluation-result.json");

        // every step is in the journal
        assertThat(journal(ocid, "evaluation.started")).isEqualTo(1);
        assertThat(journal(ocid, "evaluation.declared")).isEqualTo(3);
        assertThat(journal(ocid, "evaluation.settled")).isEqualTo(1);
        assertThat(journal(ocid, "evaluation.priced")).isEqualTo(3);
        assertThat(journal(ocid, "evaluation.report-approved")).isEqualTo(1);

        // the pages: the committee sees them; a bidder and another authority's member do not
        mvc.perform(MockMvcRequestBuilders.get("/evaluation/" + ocid + "/report")
                        .with(SignedIn.as(two)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Erreur de multiplication")));
        mvc.perform(MockMvcRequestBuilders.get("/evaluation/" + ocid)
                        .with(SignedIn.as(fixtures.user(OpeningFixtures.MINTP_MEMBERS.get(0)))))
                .andExpect(status().isNotFound());
        mvc.perform(MockMvcRequestBuilders.get("/evaluation/" + ocid).with(SignedIn.as(a)))
                .andExpect(status().isForbidden());
    }

    private String ratedNotice() {
        NoticeDraft n =
                tenderingFixtures.notice("SN", "Étude de faisabilité (prestations intellectuelles, qualité-coût)");
        return fixtures.openNotice(new NoticeDraft(
                        n.reference(),
                        n.title(),
                        n.description(),
                        n.language(),
                        new NoticeDraft.Classification(
                                n.classification().buyerCategory(),
                                org.baobab.rules.Nature.CONSULTING,
                                n.classification().scope(),
                                List.of()),
                        new NoticeDraft.Procedure(
                                "PI_AMI",
                                n.procedure().international(),
                                n.procedure().eligibility(),
                                "Méthodologie (60 points), expérience de l'équipe (40 points) ; note technique minimale 70.",
                                "ratedCriteria",
                                n.procedure().requiredDocuments()),
                        new NoticeDraft.Value(
                                n.value().currency(),
                                n.value().estimated(),
                                n.value().published(),
                                ""),
                        new NoticeDraft.Dates(
                                n.dates().clarificationDeadline(),
                                n.dates().submissionDeadline(),
                                n.dates().openingAt(),
                                n.dates().openingPlace()),
                        new NoticeDraft.Contact(
                                n.contact().name(),
                                n.contact().email(),
                                n.contact().phone()),
                        n.lots())
                .withClassification(n.classification().cpv()));
    }

    @Test
    void aTwoEnvelopeConsultingProcedureOpensOnlyTheQualifiedFinancialOffersAndCombinesTheScores() throws Exception {
        String ocid = ratedNotice();
        SealingSet set = fixtures.sealingSet(ocid);
        Map<Integer, CurrentUser> members = members(set);
        Map<Integer, MemberKey> keys = OpeningFixtures.memberKeys(set);
        CurrentUser good = fixtures.newCompany();
        CurrentUser weak = fixtures.newCompany();
        UUID goodId = bids.company(good).organisationId();
        UUID weakId = bids.company(weak).organisationId();
        submit(good, seal(ocid, EnvelopeContext.Kind.TECHNICAL, null, null));
        SubmittedEnvelope goodFinancial = submit(good, seal(ocid, EnvelopeContext.Kind.FINANCIAL, "140000000", null));
        submit(weak, seal(ocid, EnvelopeContext.Kind.TECHNICAL, null, null));
        SubmittedEnvelope weakFinancial = submit(weak, seal(ocid, EnvelopeContext.Kind.FINANCIAL, "90000000", null));
        clock.stopAt(notices.notice(ocid).orElseThrow().notice().dates().openingAt());
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        open(sessions.start(prm, ocid).id(), members, keys);

        // quality and cost needs a weight and a pass mark
        List<Evaluations.TechnicalCriterion> criteria = List.of(
                new Evaluations.TechnicalCriterion("Méthodologie", true, new BigDecimal("60")),
                new Evaluations.TechnicalCriterion("Expérience de l'équipe", true, new BigDecimal("40")));
        assertThatThrownBy(() -> evaluations.start(prm, ocid, new Evaluations.Setup(criteria, null, null, null)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.BAD_CRITERIA));
        Evaluation e = evaluations.start(prm, ocid, new Evaluations.Setup(criteria, 80, new BigDecimal("70"), null));
        assertThat(e.twoStage()).isTrue();
        assertThat(e.bidders())
                .extracting(Evaluation.Bidder::financialEnvelope)
                .containsExactly(goodFinancial.id(), weakFinancial.id());

        CurrentUser one = members.get(1);
        CurrentUser two = members.get(2);
        for (CurrentUser m : List.of(one, two)) {
            evaluations.declare(m, ocid, false);
        }
        evaluations.declare(members.get(3), ocid, false);
        // the third member declared: the committee waits for their marks too
        Map<UUID, Map<String, String>> points = Map.of(
                goodId, Map.of("T1", "50", "T2", "30"),
                weakId, Map.of("T1", "40", "T2", "20"));
        for (CurrentUser m : List.of(one, two, members.get(3))) {
            for (Map.Entry<UUID, Map<String, String>> bidder : points.entrySet()) {
                Map<String, Evaluations.MarkInput> marks = new LinkedHashMap<>();
                for (Evaluation.Criterion c : e.criteria()) {
                    marks.put(
                            c.code(),
                            c.scored()
                                    ? new Evaluations.MarkInput(
                                            null,
                                            new BigDecimal(bidder.getValue().get(c.code())),
                                            "")
                                    : pass());
                }
                evaluations.mark(m, ocid, bidder.getKey(), marks);
            }
            if (!m.equals(members.get(3))) {
                evaluations.submit(m, ocid);
            }
        }
        assertThatThrownBy(() -> evaluations.settleAgreed(one, ocid))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.NOT_ENOUGH_SUBMITTED));
        evaluations.submit(members.get(3), ocid);
        evaluations.settleAgreed(one, ocid);
        evaluations.closeTechnical(one, ocid);
        assertThat(evaluations.evaluation(ocid).orElseThrow().stage()).isEqualTo("financial-opening");
        // prices are not known before the second session
        assertThatThrownBy(() -> evaluations.generate(one, ocid))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.WRONG_STAGE));

        // only the qualified bidder's financial offer is opened
        assertThatThrownBy(() -> evaluations.openFinancial(one, ocid))
                .satisfies(x -> assertThat(code(x)).isEqualTo(EvaluationErrorCode.NOT_PRM));
        OpeningSession financial = evaluations.openFinancial(prm, ocid);
        assertThat(financial.kind()).isEqualTo("financial");
        OpeningSession read = open(financial.id(), members, keys);
        assertThat(read.readings())
                .extracting(OpeningSession.Reading::envelopeId)
                .containsExactly(goodFinancial.id());
        assertThat(read.readings()).noneMatch(r -> r.envelopeId().equals(weakFinancial.id()));

        Evaluations.Report report = evaluations.generate(two, ocid);
        EvaluationResult.BidderLine goodLine = report.result().bidder(goodId);
        // technical 80, the only price → financial 100: 0.8 × 80 + 0.2 × 100 = 84
        assertThat(goodLine.technicalScore()).isEqualByComparingTo("80");
        assertThat(goodLine.combined()).isEqualByComparingTo("84");
        assertThat(goodLine.outcome()).isEqualTo("recommended");
        EvaluationResult.BidderLine weakLine = report.result().bidder(weakId);
        assertThat(weakLine.outcome()).isEqualTo("disqualified");
        assertThat(weakLine.read()).isNull();
        assertThat(weakLine.reasons()).contains("60.00/100", "70");
        for (CurrentUser m : List.of(one, two, members.get(3))) {
            evaluations.approve(m, ocid);
        }
        assertThat(evaluations.report(ocid).orElseThrow().approvedAt()).isNotNull();
    }

    @Test
    void thePagesWorkWithoutJavaScriptAndABadFormChangesNothing() throws Exception {
        String ocid = fixtures.openNotice("Évaluation en ligne");
        SealingSet set = fixtures.sealingSet(ocid);
        Map<Integer, CurrentUser> members = members(set);
        Map<Integer, MemberKey> keys = OpeningFixtures.memberKeys(set);
        submit(fixtures.newCompany(), seal(ocid, EnvelopeContext.Kind.SINGLE, "7000000", null));
        clock.stopAt(notices.notice(ocid).orElseThrow().notice().dates().openingAt());
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        open(sessions.start(prm, ocid).id(), members, keys);

        mvc.perform(MockMvcRequestBuilders.get("/evaluation/" + ocid).with(SignedIn.as(prm)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Commencer l&#39;évaluation")));
        // a number that is not one: translated error, nothing started
        mvc.perform(MockMvcRequestBuilders.post("/evaluation/" + ocid + "/start")
                        .param("label1", "Délai")
                        .param("kind1", "pass")
                        .param("lowBid", "beaucoup")
                        .with(SignedIn.as(prm))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("critères")));
        assertThat(evaluations.evaluation(ocid)).isEmpty();
        mvc.perform(MockMvcRequestBuilders.post("/evaluation/" + ocid + "/start")
                        .param("label1", "Délai de livraison")
                        .param("kind1", "pass")
                        .with(SignedIn.as(prm))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeCount(0));
        assertThat(evaluations.evaluation(ocid)).isPresent();
        CurrentUser one = members.get(1);
        mvc.perform(MockMvcRequestBuilders.post("/evaluation/" + ocid + "/declaration")
                        .param("conflict", "none")
                        .with(SignedIn.as(one))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(MockMvcRequestBuilders.get("/evaluation/" + ocid)
                        .with(SignedIn.as(one))
                        .locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Submit my evaluation")));
        Evaluation e = evaluations.evaluation(ocid).orElseThrow();
        mvc.perform(MockMvcRequestBuilders.post("/evaluation/" + ocid + "/marks")
                        .param("company", e.bidders().get(0).companyId().toString())
                        .param("v_FORM", "pass")
                        .param("v_T1", "peut-être")
                        .with(SignedIn.as(one))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("error"));
        assertThat(evaluations.evaluation(ocid).orElseThrow().marks()).isEmpty();
        mvc.perform(MockMvcRequestBuilders.get("/evaluation/" + ocid)
                        .with(SignedIn.as(one))
                        .locale(Locale.forLanguageTag("ar")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("تقييمي")));
    }
}
