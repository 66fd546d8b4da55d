// SPDX-License-Identifier: Apache-2.0
package org.baobab.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baobab.shared.BaobabException;
import org.junit.jupiter.api.Test;

/** The award's statuses and the moves each allows, its checks and arithmetic, without Spring or a database. */
class AwardStatusTests {

    private static final UUID WINNER = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    private static AwardErrorCode code(Throwable e) {
        return (AwardErrorCode) ((BaobabException) e).errorCode();
    }

    private static Recommendation recommendation(List<Recommendation.LotResult> lots, String outcome) {
        return new Recommendation(
                "ocds-test-000001",
                UUID.fromString("00000000-0000-0000-0000-0000000000f0"),
                "priceOnly",
                Instant.parse("2026-03-10T09:00:00Z"),
                lots,
                List.of(new Recommendation.BidderResult(
                        WINNER, "Société A", List.of(), List.of("1"), null, null, null, null, null, 1, outcome, "")));
    }

    private static Recommendation.LotResult lot(String lot, String amount) {
        return new Recommendation.LotResult(lot, WINNER, "Société A", new BigDecimal(amount), "XOF");
    }

    @Test
    void anAwardGoesThroughThePriorReviewToTheProvisionalThenTheFinalAward() {
        AwardStatus inReview = AwardStatus.RECOMMENDED.submitForReview();
        assertThat(inReview).isEqualTo(AwardStatus.IN_REVIEW);
        assertThat(inReview.review(false)).isEqualTo(AwardStatus.RECOMMENDED);
        AwardStatus approved = inReview.review(true);
        assertThat(approved).isEqualTo(AwardStatus.APPROVED);
        assertThat(approved.approvedInReview()).isTrue();
        assertThat(AwardStatus.RECOMMENDED.approvedInReview()).isFalse();
        assertThat(approved.publishProvisional()).isEqualTo(AwardStatus.PROVISIONAL);
        assertThat(AwardStatus.RECOMMENDED.publishProvisional()).isEqualTo(AwardStatus.PROVISIONAL);
        assertThat(AwardStatus.PROVISIONAL.finalise()).isEqualTo(AwardStatus.FINAL);
        assertThat(AwardStatus.PROVISIONAL.cancel()).isEqualTo(AwardStatus.CANCELLED);
        for (AwardStatus s : List.of(AwardStatus.RECOMMENDED, AwardStatus.IN_REVIEW, AwardStatus.APPROVED)) {
            assertThat(s.recommendAgain()).isEqualTo(AwardStatus.RECOMMENDED);
        }
    }

    @Test
    void aMoveTheStatusDoesNotAllowIsRefused() {
        assertThatThrownBy(AwardStatus.IN_REVIEW::publishProvisional)
                .satisfies(e -> assertThat(code(e)).isEqualTo(AwardErrorCode.WRONG_STATE));
        assertThatThrownBy(AwardStatus.APPROVED::submitForReview)
                .satisfies(e -> assertThat(code(e)).isEqualTo(AwardErrorCode.WRONG_STATE));
        assertThatThrownBy(() -> AwardStatus.RECOMMENDED.review(true))
                .satisfies(e -> assertThat(code(e)).isEqualTo(AwardErrorCode.WRONG_STATE));
        assertThatThrownBy(AwardStatus.RECOMMENDED::finalise)
                .satisfies(e -> assertThat(code(e)).isEqualTo(AwardErrorCode.WRONG_STATE));
        assertThatThrownBy(AwardStatus.FINAL::cancel)
                .satisfies(e -> assertThat(code(e)).isEqualTo(AwardErrorCode.WRONG_STATE));
        assertThatThrownBy(AwardStatus.PROVISIONAL::recommendAgain)
                .satisfies(e -> assertThat(code(e)).isEqualTo(AwardErrorCode.ALREADY_PUBLISHED));
        assertThatThrownBy(AwardStatus.CANCELLED::recommendAgain)
                .satisfies(e -> assertThat(code(e)).isEqualTo(AwardErrorCode.ALREADY_PUBLISHED));
    }

    @Test
    void aRecommendationNamesTheNoticesLotsAWinnerWithItsAmountAndAKnownOutcome() {
        AwardRules.validate(recommendation(List.of(lot("", "1000")), "recommended"), List.of());
        AwardRules.validate(recommendation(List.of(lot("1", "1000"), lot("2", "500")), "ranked"), List.of("1", "2"));

        assertThatThrownBy(() -> AwardRules.validate(recommendation(List.of(), "recommended"), List.of()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(AwardErrorCode.INVALID_RECOMMENDATION));
        assertThatThrownBy(() ->
                        AwardRules.validate(recommendation(List.of(lot("1", "0")), "recommended"), List.of("1")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(AwardErrorCode.INVALID_RECOMMENDATION));
        assertThatThrownBy(() ->
                        AwardRules.validate(recommendation(List.of(lot("3", "10")), "recommended"), List.of("1")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(AwardErrorCode.INVALID_RECOMMENDATION));
        assertThatThrownBy(() -> AwardRules.validate(recommendation(List.of(lot("1", "10")), "recommended"), List.of()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(AwardErrorCode.INVALID_RECOMMENDATION));
        assertThatThrownBy(() -> AwardRules.validate(recommendation(List.of(lot("", "10")), "gagnant"), List.of()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(AwardErrorCode.INVALID_RECOMMENDATION));
        Recommendation.LotResult badCurrency =
                new Recommendation.LotResult("", WINNER, "Société A", BigDecimal.TEN, "francs");
        assertThatThrownBy(() -> AwardRules.validate(recommendation(List.of(badCurrency), "recommended"), List.of()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(AwardErrorCode.INVALID_RECOMMENDATION));
    }

    @Test
    void theAmountAwardedIsTheSumOfTheWinnersAndTheStandstillNeverEndsBeforeTheWindowToComplain() {
        Recommendation.LotResult unsuccessful = new Recommendation.LotResult("3", null, null, null, "XOF");
        assertThat(AwardRules.total(
                        recommendation(List.of(lot("1", "1000.50"), lot("2", "500"), unsuccessful), "ranked")))
                .isEqualByComparingTo("1500.50");
        LocalDate tenth = LocalDate.of(2026, 3, 10);
        LocalDate twelfth = LocalDate.of(2026, 3, 12);
        assertThat(AwardRules.standstillEnds(tenth, twelfth)).isEqualTo(twelfth);
        assertThat(AwardRules.standstillEnds(twelfth, tenth)).isEqualTo(twelfth);
        assertThatThrownBy(() -> AwardRules.limit("x".repeat(AwardRules.MAX_TEXT + 1)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(AwardErrorCode.REQUIRED));
    }
}
