// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baobab.evaluation.EvaluationExamples.A;
import static org.baobab.evaluation.EvaluationExamples.B;
import static org.baobab.evaluation.EvaluationExamples.C;
import static org.baobab.evaluation.EvaluationExamples.FORM;
import static org.baobab.evaluation.EvaluationExamples.bidders;
import static org.baobab.evaluation.EvaluationExamples.d;
import static org.baobab.evaluation.EvaluationExamples.evaluation;
import static org.baobab.evaluation.EvaluationExamples.passed;
import static org.baobab.evaluation.EvaluationExamples.points;
import static org.baobab.evaluation.EvaluationExamples.scored;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.award.Recommendation;
import org.baobab.opening.OpeningSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The result of an evaluation from its settled marks and prices, without Spring or a database: compliance, technical
 * scores against the pass mark, corrected prices, margins, abnormally low prices, the ranking by award method, each
 * bidder's outcome and reasons, and the recommendation the award receives. Figures worked out by hand.
 */
class ResultCalculatorTests {

    /** The texts as keys with their arguments, so that a reason shows which sentence and figures it carries. */
    private static final ResultCalculator.Texts TEXTS = (key, args) -> key + Arrays.toString(args);

    private static final List<ResultCalculator.Lot> ONE_LOT = List.of(new ResultCalculator.Lot("1", "1", null));

    private static Map<UUID, Map<String, OpeningSession.Lot>> read(Object... companyAmountRebate) {
        Map<UUID, Map<String, OpeningSession.Lot>> read = new LinkedHashMap<>();
        for (int i = 0; i < companyAmountRebate.length; i += 3) {
            read.put(
                    (UUID) companyAmountRebate[i],
                    Map.of("1", new OpeningSession.Lot("1", (String) companyAmountRebate[i + 1], "XOF", (String)
                            companyAmountRebate[i + 2])));
        }
        return read;
    }

    private static Evaluation.Price price(
            UUID company, String corrected, @Nullable String margin, @Nullable String low, String lowReason) {
        return new Evaluation.Price(company, "1", d(corrected), "", margin, low, lowReason);
    }

    /** Three bids at the lowest price; C's bid form is not signed. */
    private static Evaluation lowestPrice(Stage stage) {
        return evaluation(
                "priceOnly",
                false,
                null,
                null,
                stage,
                List.of(FORM),
                bidders(A, B, C),
                List.of(
                        passed(A, "FORM", true, ""),
                        passed(B, "FORM", true, ""),
                        passed(C, "FORM", false, "Non signé")),
                List.of());
    }

    private static EvaluationResult lowestPriceResult(Stage stage) {
        return ResultCalculator.compute(
                lowestPrice(stage),
                ONE_LOT,
                "XOF",
                read(A, "1 000", null, B, "1100", "10 %", C, "500", null),
                Map.of(),
                TEXTS);
    }

    @Test
    void theLowestPriceAfterItsRebateIsRecommendedAndANonCompliantBidIsRejectedWithItsReason() {
        EvaluationResult result = lowestPriceResult(Stage.FINANCIAL);

        EvaluationResult.LotLine lot = result.lots().get(0);
        assertThat(lot.winnerId()).isEqualTo(B);
        assertThat(lot.winnerName()).isEqualTo("Société b");
        assertThat(lot.currency()).isEqualTo("XOF");
        assertThat(lot.bids()).hasSize(3);
        EvaluationResult.BidderLine b = result.bidder(B);
        assertThat(b.outcome()).isEqualTo("recommended");
        assertThat(b.rank()).isEqualTo(1);
        assertThat(b.read()).isEqualByComparingTo("1100");
        assertThat(b.corrected()).isEqualByComparingTo("990");
        assertThat(b.evaluated()).isEqualByComparingTo("990");
        EvaluationResult.BidderLine a = result.bidder(A);
        assertThat(a.outcome()).isEqualTo("ranked");
        assertThat(a.rank()).isEqualTo(2);
        assertThat(a.reasons()).isEqualTo("evaluation.reason.ranked-price[1, 2, 1000.00, 990.00]");
        EvaluationResult.BidderLine c = result.bidder(C);
        assertThat(c.qualified()).isFalse();
        assertThat(c.outcome()).isEqualTo("rejected");
        assertThat(c.reasons()).isEqualTo("evaluation.failure.criterion-reason[Formulaire, Non signé]");
        assertThat(c.read()).isNull();
    }

    @Test
    void beforeThePricesAreKnownTheQualifiedBidsArePendingAndNoLotHasAWinner() {
        EvaluationResult result = lowestPriceResult(Stage.TECHNICAL);

        assertThat(result.lots().get(0).winnerId()).isNull();
        assertThat(result.bidder(A).outcome()).isEqualTo("pending");
        assertThat(result.bidder(B).outcome()).isEqualTo("pending");
        assertThat(result.bidder(B).read()).isNull();
        assertThat(result.bidder(C).outcome()).isEqualTo("rejected");
    }

    @Test
    void aPreferenceMarginRaisesTheOtherBidsAndARejectedAbnormallyLowPriceIsOut() {
        // mean (1000 + 950 + 600) / 3 = 850, less 15 % = 722.50: only C is abnormally low, and the committee rejects it
        Evaluation e = evaluation(
                "priceOnly",
                false,
                null,
                null,
                Stage.FINANCIAL,
                List.of(FORM),
                bidders(A, B, C),
                List.of(passed(A, "FORM", true, ""), passed(B, "FORM", true, ""), passed(C, "FORM", true, "")),
                List.of(price(A, "1000", "UEMOA", null, ""), price(C, "600", null, "rejected", "Non justifié")));

        EvaluationResult result = ResultCalculator.compute(
                e,
                ONE_LOT,
                "XOF",
                read(A, "1000", null, B, "950", null, C, "600", null),
                Map.of("UEMOA", BigDecimal.valueOf(15)),
                TEXTS);

        // B does not hold the 15 % margin: 950 + 142.50 = 1092.50, above A's 1000
        assertThat(result.lots().get(0).winnerId()).isEqualTo(A);
        assertThat(result.bidder(B).evaluated()).isEqualByComparingTo("1092.50");
        assertThat(result.bidder(B).reasons()).isEqualTo("evaluation.reason.ranked-price[1, 2, 1092.50, 1000.00]");
        EvaluationResult.LotBid low = result.lots().get(0).bids().get(2);
        assertThat(low.companyId()).isEqualTo(C);
        assertThat(low.low()).isTrue();
        assertThat(low.responsive()).isFalse();
        assertThat(result.bidder(C).outcome()).isEqualTo("rejected");
        assertThat(result.bidder(C).reasons()).isEqualTo("evaluation.failure.low[1, Non justifié]");
    }

    private static Evaluation qualityAndCost() {
        return evaluation(
                "ratedCriteria",
                true,
                80,
                d("70"),
                Stage.FINANCIAL,
                List.of(scored("T1", "60"), scored("T2", "40")),
                bidders(A, B, C),
                List.of(
                        points(A, "T1", "50"),
                        points(A, "T2", "30"),
                        points(B, "T1", "40"),
                        points(B, "T2", "35"),
                        points(C, "T1", "20"),
                        points(C, "T2", "20")),
                List.of());
    }

    @Test
    void qualityAndCostCombinesTheWeightedScoresAndABidBelowThePassMarkIsDisqualified() {
        EvaluationResult result = ResultCalculator.compute(
                qualityAndCost(), ONE_LOT, "XOF", read(A, "1200", null, B, "1000", null), Map.of(), TEXTS);

        // A: 80 technical, 100 × 1000 / 1200 = 83.33 financial, (80 × 80 + 83.33 × 20) / 100 = 80.67
        // B: 75 technical, 100 financial, (75 × 80 + 100 × 20) / 100 = 80.00
        assertThat(result.bidder(A).technicalScore()).isEqualByComparingTo("80");
        assertThat(result.bidder(A).combined()).isEqualByComparingTo("80.67");
        assertThat(result.bidder(A).outcome()).isEqualTo("recommended");
        assertThat(result.bidder(B).combined()).isEqualByComparingTo("80.00");
        assertThat(result.bidder(B).reasons()).isEqualTo("evaluation.reason.ranked-score[1, 2, 80.00, 80.67]");
        assertThat(result.bidder(C).outcome()).isEqualTo("disqualified");
        assertThat(result.bidder(C).reasons()).isEqualTo("evaluation.failure.pass-mark[40.00, 70]");
        assertThat(ResultCalculator.qualified(
                        qualityAndCost(), qualityAndCost().bidders().get(0)))
                .isTrue();
        assertThat(ResultCalculator.qualified(
                        qualityAndCost(), qualityAndCost().bidders().get(2)))
                .isFalse();
    }

    @Test
    void aBidWithAMarkNotYetSettledIsNotQualified() {
        Evaluation e = evaluation(
                "priceOnly",
                false,
                null,
                null,
                Stage.TECHNICAL,
                List.of(FORM, EvaluationExamples.PASS),
                bidders(A),
                List.of(passed(A, "FORM", true, "")),
                List.of());

        assertThat(ResultCalculator.qualified(e, e.bidders().get(0))).isFalse();
    }

    @Test
    void theRecommendationNamesTheOnlyLotEmptyAndCountsAFinancialEnvelopeOnlyOnceItsPriceWasRead() {
        Evaluation e = lowestPrice(Stage.FINANCIAL);
        EvaluationResult result = lowestPriceResult(Stage.FINANCIAL);
        UUID report = UUID.fromString("00000000-0000-0000-0000-0000000000f0");
        Instant approvedAt = Instant.parse("2026-03-10T09:00:00Z");

        Recommendation r = Recommendations.of(e, report, result, approvedAt, true);

        assertThat(r.lots()).hasSize(1);
        assertThat(r.lots().get(0).lot()).isEmpty();
        assertThat(r.lots().get(0).winnerId()).isEqualTo(B);
        assertThat(r.lots().get(0).amount()).isEqualByComparingTo("990");
        Recommendation.BidderResult a = r.bidders().get(0);
        assertThat(a.envelopeIds())
                .containsExactly(
                        e.bidders().get(0).technicalEnvelope(),
                        e.bidders().get(0).financialEnvelope());
        assertThat(a.lots()).isEmpty();
        Recommendation.BidderResult c = r.bidders().get(2);
        assertThat(c.envelopeIds()).containsExactly(e.bidders().get(2).technicalEnvelope());
        assertThat(c.outcome()).isEqualTo("rejected");
        assertThat(Recommendations.of(e, report, result, approvedAt, false)
                        .lots()
                        .get(0)
                        .lot())
                .isEqualTo("1");
    }
}
