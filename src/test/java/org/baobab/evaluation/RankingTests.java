// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The evaluation's arithmetic, figures worked out by hand. */
class RankingTests {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aRebateWrittenAsAPercentageOrAnAmountLowersTheAmountReadAndAnythingElseLeavesIt() {
        assertThat(Ranking.afterRebate(d("4100000"), "3 %")).isEqualByComparingTo("3977000");
        assertThat(Ranking.afterRebate(d("1000000"), "2,5%")).isEqualByComparingTo("975000");
        assertThat(Ranking.afterRebate(d("1000000"), "50 000")).isEqualByComparingTo("950000");
        assertThat(Ranking.afterRebate(d("1000000"), "une remise commerciale")).isEqualByComparingTo("1000000");
        assertThat(Ranking.afterRebate(d("1000000"), "120 %")).isEqualByComparingTo("1000000");
        assertThat(Ranking.afterRebate(d("1000000"), null)).isEqualByComparingTo("1000000");
        assertThat(Ranking.amount("12 500 000")).isEqualByComparingTo("12500000");
        assertThat(Ranking.amount("9800000.50")).isEqualByComparingTo("9800000.50");
        assertThat(Ranking.amount("douze millions")).isNull();
        assertThat(Ranking.amount("-5")).isNull();
    }

    @Test
    void aPreferenceMarginRaisesTheBidsThatDoNotHoldIt() {
        Map<UUID, BigDecimal> prices = new LinkedHashMap<>();
        prices.put(A, d("10500000"));
        prices.put(B, d("9700000"));
        // A holds the 15 % community margin: B is compared at 9 700 000 × 1.15 = 11 155 000
        Map<UUID, BigDecimal> evaluated = Ranking.evaluated(prices, Map.of(A, d("15")));
        assertThat(evaluated.get(A)).isEqualByComparingTo("10500000");
        assertThat(evaluated.get(B)).isEqualByComparingTo("11155000");
        // with two margins, each bid is raised by the difference to the largest one held
        Map<UUID, BigDecimal> two = Ranking.evaluated(prices, Map.of(A, d("15"), B, d("5")));
        assertThat(two.get(B)).isEqualByComparingTo("10670000");
        // nobody holds a margin: prices unchanged
        assertThat(Ranking.evaluated(prices, Map.of()).get(B)).isEqualByComparingTo("9700000");
    }

    @Test
    void aPriceFarBelowTheMeanOrTheEstimateIsFlagged() {
        Map<UUID, BigDecimal> prices = new LinkedHashMap<>();
        prices.put(A, d("10500000"));
        prices.put(B, d("9800000"));
        prices.put(C, d("5000000"));
        // mean 8 433 333.33; 15 % below is 7 168 333.33: only C
        assertThat(Ranking.abnormallyLow(prices, d("15"), null)).containsExactly(C);
        // 40 % below the mean (5 060 000) still catches C at 5 000 000; 50 % does not
        assertThat(Ranking.abnormallyLow(prices, d("40"), null)).containsExactly(C);
        assertThat(Ranking.abnormallyLow(prices, d("50"), null)).isEmpty();
        // a single bid is compared with the estimate only
        assertThat(Ranking.abnormallyLow(Map.of(A, d("100")), d("15"), d("150")))
                .containsExactly(A);
        assertThat(Ranking.abnormallyLow(Map.of(A, d("140")), d("15"), d("150")))
                .isEmpty();
    }

    @Test
    void priceOnlyRanksTheLowestEvaluatedPriceFirstAndTiesGoToTheEarlierBid() {
        List<Ranking.Ranked> ranked = Ranking.rank(
                "priceOnly",
                null,
                List.of(
                        new Ranking.Candidate(A, d("11155000"), null, 1),
                        new Ranking.Candidate(B, d("10500000"), null, 3),
                        new Ranking.Candidate(C, d("10500000"), null, 2)));
        assertThat(ranked).extracting(Ranking.Ranked::company).containsExactly(C, B, A);
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(1, 2, 3);
    }

    @Test
    void qualityAndCostCombinesTheWeightedScores() {
        // A: technical 80, price 5 000 000 → financial 100 → 0.8 × 80 + 0.2 × 100 = 84
        // B: technical 90, price 8 000 000 → financial 62.50 → 0.8 × 90 + 0.2 × 62.5 = 84.50
        List<Ranking.Ranked> ranked = Ranking.rank(
                "ratedCriteria",
                80,
                List.of(
                        new Ranking.Candidate(A, d("5000000"), d("80"), 1),
                        new Ranking.Candidate(B, d("8000000"), d("90"), 2)));
        assertThat(ranked.get(0).company()).isEqualTo(B);
        assertThat(ranked.get(0).financial()).isEqualByComparingTo("62.50");
        assertThat(ranked.get(0).combined()).isEqualByComparingTo("84.50");
        assertThat(ranked.get(1).combined()).isEqualByComparingTo("84.00");
        // quality only: the technical score alone
        assertThat(Ranking.rank(
                                "qualityOnly",
                                null,
                                List.of(
                                        new Ranking.Candidate(A, d("1"), d("80"), 1),
                                        new Ranking.Candidate(B, d("9"), d("70"), 2)))
                        .get(0)
                        .company())
                .isEqualTo(A);
        assertThat(Ranking.technicalScore(
                        List.of(new Ranking.Scored("T1", d("60")), new Ranking.Scored("T2", d("40"))),
                        Map.of("T1", new Ranking.Mark(null, d("45")), "T2", new Ranking.Mark(null, d("25")))))
                .isEqualByComparingTo("70.00");
    }
}
