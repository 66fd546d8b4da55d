// SPDX-License-Identifier: Apache-2.0
package org.baobab.award;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An award as its pages show it. The authority's staff and the control body see the whole recommendation; the public
 * and the bidders receive {@link #forPublic()}: the lots' winners and amounts, the dates, no bidder's reasons or scores.
 *
 * @param status {@code RECOMMENDED}, {@code IN_REVIEW} (prior review), {@code APPROVED} (by the control body),
 *     {@code PROVISIONAL} (published, standstill running), {@code FINAL}, {@code CANCELLED}
 * @param standstillEnds the last day of the standstill; the award may become final from the next day on
 * @param complainBy the last day to complain against the provisional award
 */
public record AwardView(
        String ocid,
        String country,
        String status,
        Recommendation recommendation,
        boolean reviewRequired,
        @Nullable String reviewDecision,
        @Nullable String reviewComments,
        @Nullable Instant provisionalAt,
        @Nullable LocalDate standstillEnds,
        @Nullable LocalDate complainBy,
        @Nullable Instant finalAt,
        @Nullable Instant cancelledAt,
        @Nullable String cancelReason) {

    /** Whether the provisional award was published (it may since have become final or been cancelled). */
    public boolean published() {
        return provisionalAt != null;
    }

    public List<Recommendation.LotResult> lots() {
        return recommendation.lots();
    }

    /** Without the bidders' results (reasons, scores) and without the control body's comments. */
    public AwardView forPublic() {
        Recommendation r = recommendation;
        return new AwardView(
                ocid,
                country,
                status,
                new Recommendation(r.ocid(), r.reportId(), r.method(), r.approvedAt(), r.lots(), List.of()),
                reviewRequired,
                null,
                null,
                provisionalAt,
                standstillEnds,
                complainBy,
                finalAt,
                cancelledAt,
                cancelReason);
    }
}
