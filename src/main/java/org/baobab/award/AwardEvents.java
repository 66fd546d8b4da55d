// SPDX-License-Identifier: Apache-2.0
package org.baobab.award;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.shared.ProcessEvent;
import org.jspecify.annotations.Nullable;

/**
 * What happens to an award, published inside the transaction of the change: the audit module journals each one; the
 * notifications module tells each bidder of the provisional award. The subject is the process's ocid. Payloads hold
 * the public facts (winners, amounts, dates), never a bidder's reasons.
 */
public final class AwardEvents {

    private AwardEvents() {}

    /**
     * Every award event is about one process: its subject is the process, as for tendering's, opening's and the
     * evaluation's events, so that the journal of a process reads whole.
     */
    public interface AboutAward extends ProcessEvent {}

    /** The evaluation recommended an award (or replaced its unpublished recommendation). */
    public record Recommended(String ocid, UUID reportId, int lots, int bidders, boolean replaced)
            implements AboutAward {
        @Override
        public String actor() {
            return "system";
        }

        @Override
        public @Nullable String organisation() {
            return null;
        }

        @Override
        public String action() {
            return "award.recommended";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("reportId", reportId.toString(), "lots", lots, "bidders", bidders, "replaced", replaced);
        }
    }

    /** The PRM sent the award to the control body for prior review. */
    public record SubmittedForReview(String actor, String organisation, String ocid, boolean required)
            implements AboutAward {
        @Override
        public String action() {
            return "award.submitted-for-review";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("required", required);
        }
    }

    /** The control body approved the award or returned it with comments. */
    public record Reviewed(String actor, String organisation, String ocid, boolean approved, String comments)
            implements AboutAward {
        @Override
        public String action() {
            return approved ? "award.review-approved" : "award.review-returned";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("comments", comments);
        }
    }

    /**
     * The provisional award is public: each bidder ({@code bidders}, their companies) is to be told its own outcome.
     *
     * @param winners per lot ({@code ""} without lots) the company awarded, absent for an unsuccessful lot
     */
    public record ProvisionalPublished(
            String actor,
            String organisation,
            String ocid,
            String title,
            String country,
            Map<String, String> winners,
            List<UUID> bidders,
            LocalDate standstillEnds,
            LocalDate complainBy)
            implements AboutAward {

        public ProvisionalPublished {
            winners = Map.copyOf(winners);
            bidders = List.copyOf(bidders);
        }

        @Override
        public String action() {
            return "award.provisional-published";
        }

        @Override
        public Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("winners", winners);
            payload.put("bidders", bidders.size());
            payload.put("standstillEnds", standstillEnds.toString());
            payload.put("complainBy", complainBy.toString());
            return payload;
        }
    }

    /** The award is final: the standstill is over, with no pending complaint nor suspension. */
    public record Finalised(String actor, String organisation, String ocid, LocalDate standstillEnds)
            implements AboutAward {
        @Override
        public String action() {
            return "award.finalised";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("standstillEnds", standstillEnds.toString());
        }
    }

    /** The procedure was cancelled at the award stage, with its reason. */
    public record Cancelled(String actor, String organisation, String ocid, String reason, boolean wasPublished)
            implements AboutAward {
        @Override
        public String action() {
            return "award.cancelled";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("reason", reason, "wasPublished", wasPublished);
        }
    }
}
