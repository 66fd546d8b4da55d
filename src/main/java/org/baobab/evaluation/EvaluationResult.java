// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The outcome an evaluation reaches from its settled marks and financial examination: per bidder (technical score,
 * qualification, failures, outcome and the reasons the bidder will read) and per lot (every bid's read, corrected and
 * evaluated price, the abnormally low flags, the ranking and the bid recommended). Frozen in the report when it is
 * generated.
 */
public record EvaluationResult(List<BidderLine> bidders, List<LotLine> lots) {

    public EvaluationResult {
        bidders = List.copyOf(bidders);
        lots = List.copyOf(lots);
    }

    /**
     * @param outcome {@code recommended}, {@code ranked}, {@code rejected} or {@code disqualified} (failed the
     *     technical stage of a two-envelope procedure: its financial envelope is never opened)
     * @param reasons why the bid is not recommended, in the notice's language
     */
    public record BidderLine(
            UUID companyId,
            String name,
            List<String> lots,
            @Nullable BigDecimal technicalScore,
            boolean qualified,
            List<String> failures,
            String outcome,
            @Nullable Integer rank,
            String reasons,
            @Nullable BigDecimal read,
            @Nullable BigDecimal corrected,
            @Nullable BigDecimal evaluated,
            @Nullable BigDecimal combined) {

        public BidderLine {
            lots = List.copyOf(lots);
            failures = List.copyOf(failures);
        }
    }

    public record LotLine(
            String lot,
            String title,
            String currency,
            List<LotBid> bids,
            @Nullable UUID winnerId,
            @Nullable String winnerName) {

        public LotLine {
            bids = List.copyOf(bids);
        }

        public @Nullable LotBid winner() {
            return bids.stream()
                    .filter(b -> b.companyId().equals(winnerId))
                    .findFirst()
                    .orElse(null);
        }
    }

    /**
     * A bid's lot: {@code read} as read at the opening, {@code corrected} after arithmetic corrections and rebate,
     * {@code evaluated} after preference margins; {@code financial} and {@code combined} the price and
     * quality-and-cost scores of {@code ratedCriteria}.
     */
    public record LotBid(
            UUID companyId,
            String name,
            @Nullable BigDecimal read,
            @Nullable String rebate,
            @Nullable BigDecimal corrected,
            String correctionReason,
            @Nullable String margin,
            @Nullable BigDecimal evaluated,
            boolean low,
            @Nullable String lowDecision,
            String lowReason,
            boolean responsive,
            @Nullable Integer rank,
            @Nullable BigDecimal financial,
            @Nullable BigDecimal combined) {}

    public @Nullable BidderLine bidder(UUID companyId) {
        return bidders.stream()
                .filter(b -> b.companyId().equals(companyId))
                .findFirst()
                .orElse(null);
    }
}
