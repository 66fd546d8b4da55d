// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.baobab.award.Recommendation;

/** The recommendation of an approved report, as the award receives it (plain Java). */
final class Recommendations {

    private Recommendations() {}

    /**
     * The recommendation of an approved report: a notice without lots has one lot, which bidding names {@code "1"} and
     * the award {@code ""}. A bidder's financial envelope counts among its envelopes once its price was read.
     */
    static Recommendation of(
            Evaluation e, UUID reportId, EvaluationResult result, Instant approvedAt, boolean withoutLots) {
        List<Recommendation.LotResult> lots = new ArrayList<>();
        for (EvaluationResult.LotLine l : result.lots()) {
            EvaluationResult.LotBid w = l.winner();
            lots.add(new Recommendation.LotResult(
                    withoutLots ? "" : l.lot(),
                    l.winnerId(),
                    l.winnerName(),
                    w == null ? null : w.corrected(),
                    l.currency()));
        }
        List<Recommendation.BidderResult> bidders = new ArrayList<>();
        for (EvaluationResult.BidderLine b : result.bidders()) {
            Evaluation.Bidder bidder = e.bidder(b.companyId());
            List<UUID> envelopes = new ArrayList<>();
            if (bidder != null) {
                envelopes.add(bidder.technicalEnvelope());
                if (bidder.financialEnvelope() != null && b.read() != null) {
                    envelopes.add(bidder.financialEnvelope());
                }
            }
            bidders.add(new Recommendation.BidderResult(
                    b.companyId(),
                    b.name(),
                    envelopes,
                    withoutLots ? List.of() : b.lots(),
                    b.read(),
                    b.corrected(),
                    b.evaluated(),
                    b.technicalScore(),
                    b.combined(),
                    b.rank(),
                    b.outcome(),
                    b.reasons()));
        }
        return new Recommendation(e.ocid(), reportId, e.method(), approvedAt, lots, bidders);
    }
}
