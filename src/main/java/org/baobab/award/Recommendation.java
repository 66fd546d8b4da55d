// SPDX-License-Identifier: Apache-2.0
package org.baobab.award;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an approved evaluation report recommends: for each lot the bidder to award and the amount, and for every bidder
 * the outcome and the reasons, which the award tells each of them. The evaluation hands it to
 * {@code Awards.recommend} in the transaction that approves its report; the PRM then publishes the provisional award.
 *
 * @param reportId the approved evaluation report it comes from
 * @param method the OCDS {@code awardCriteria} applied ({@code priceOnly}, {@code costOnly}, {@code qualityOnly},
 *     {@code ratedCriteria})
 * @param approvedAt when the last member approved the report
 * @param lots one per lot of the notice ({@code lot} is the notice's lot id, or {@code ""} for a notice without lots);
 *     a lot without a responsive bid has no winner and is to be declared unsuccessful
 * @param bidders every bidder whose bid was opened, with its outcome
 */
public record Recommendation(
        String ocid,
        UUID reportId,
        String method,
        Instant approvedAt,
        List<LotResult> lots,
        List<BidderResult> bidders) {

    public Recommendation {
        lots = List.copyOf(lots);
        bidders = List.copyOf(bidders);
    }

    /**
     * The recommended award of one lot.
     *
     * @param winnerId the company recommended, null when no bid is responsive (the lot is unsuccessful)
     * @param amount the amount of the contract: the winner's price after arithmetic corrections and rebate (not the
     *     evaluated price with preference margins, which only ranks)
     */
    public record LotResult(
            String lot,
            @Nullable UUID winnerId,
            @Nullable String winnerName,
            @Nullable BigDecimal amount,
            String currency) {}

    /**
     * One bidder's result.
     *
     * @param envelopeIds the bidder's opened envelopes (one, or technical then financial)
     * @param readAmount the total amount read at the opening (null for a technical-only bidder never opened
     *     financially)
     * @param correctedAmount after arithmetic corrections and rebate
     * @param evaluatedAmount after preference margins (the price compared), or null
     * @param technicalScore out of 100 when the technical offer is scored
     * @param combinedScore the quality-and-cost score out of 100 ({@code ratedCriteria})
     * @param rank 1 for the best evaluated bid of its lots among responsive ones; null when not responsive
     * @param outcome {@code recommended}, {@code ranked} (responsive, not first), {@code rejected} (not responsive),
     *     {@code disqualified} (failed the technical stage, financial envelope never opened)
     * @param reasons why the bid was not recommended, in the words of the report (the bidder reads them)
     */
    public record BidderResult(
            UUID companyId,
            String companyName,
            List<UUID> envelopeIds,
            List<String> lots,
            @Nullable BigDecimal readAmount,
            @Nullable BigDecimal correctedAmount,
            @Nullable BigDecimal evaluatedAmount,
            @Nullable BigDecimal technicalScore,
            @Nullable BigDecimal combinedScore,
            @Nullable Integer rank,
            String outcome,
            String reasons) {

        public BidderResult {
            envelopeIds = List.copyOf(envelopeIds);
            lots = List.copyOf(lots);
        }
    }
}
