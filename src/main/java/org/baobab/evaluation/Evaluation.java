// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An evaluation as it stands: the method and criteria fixed at its start, the committee and its declarations, the
 * bidders, each member's own marks, the settled marks, the financial examination and the report.
 *
 * @param stage where it stands ({@link Stage} owns the moves from one stage to the next)
 * @param threshold how many members must have submitted their own marks before the committee settles (the opening
 *     committee's k)
 */
public record Evaluation(
        UUID id,
        String ocid,
        String country,
        UUID authorityId,
        String method,
        boolean twoStage,
        @Nullable Integer technicalWeight,
        @Nullable BigDecimal passMark,
        BigDecimal lowBidPercent,
        Stage stage,
        int threshold,
        String startedBy,
        Instant startedAt,
        List<Criterion> criteria,
        List<Member> members,
        List<Bidder> bidders,
        List<Mark> marks,
        List<Settled> settled,
        List<Price> prices) {

    public Evaluation {
        criteria = List.copyOf(criteria);
        members = List.copyOf(members);
        bidders = List.copyOf(bidders);
        marks = List.copyOf(marks);
        settled = List.copyOf(settled);
        prices = List.copyOf(prices);
    }

    /** A criterion: {@code admin} (a required piece, pass/fail), {@code pass} (pass/fail) or {@code score}. */
    public record Criterion(
            String code,
            String kind,
            String label,
            @Nullable BigDecimal maxPoints) {

        public boolean scored() {
            return kind.equals("score");
        }
    }

    public record Member(
            UUID userId,
            int position,
            String name,
            @Nullable Instant declaredAt,
            boolean conflict,
            @Nullable Instant submittedAt) {

        /** Declared free of conflict: may see the bids and mark them. */
        public boolean mayEvaluate() {
            return declaredAt != null && !conflict;
        }

        public boolean submitted() {
            return submittedAt != null;
        }
    }

    /** A bidder whose bid was opened; {@code financialEnvelope} is its financial envelope in a two-envelope process. */
    public record Bidder(
            UUID companyId,
            String name,
            UUID technicalEnvelope,
            @Nullable UUID financialEnvelope,
            List<String> lots,
            Instant receivedAt) {

        public Bidder {
            lots = List.copyOf(lots);
        }
    }

    /** One member's own mark of a bidder on a criterion. */
    public record Mark(
            UUID userId,
            UUID companyId,
            String code,
            @Nullable Boolean passed,
            @Nullable BigDecimal points,
            String comment) {}

    /** The committee's mark, with its reason and whether the members disagreed. */
    public record Settled(
            UUID companyId,
            String code,
            @Nullable Boolean passed,
            @Nullable BigDecimal points,
            String reason,
            boolean disagreement,
            String settledBy) {}

    /** The financial examination of a bid's lot. */
    public record Price(
            UUID companyId,
            String lot,
            BigDecimal corrected,
            String correctionReason,
            @Nullable String marginCode,
            @Nullable String lowDecision,
            String lowReason) {}

    public @Nullable Member member(UUID userId) {
        return members.stream()
                .filter(m -> m.userId().equals(userId))
                .findFirst()
                .orElse(null);
    }

    public @Nullable Bidder bidder(UUID companyId) {
        return bidders.stream()
                .filter(b -> b.companyId().equals(companyId))
                .findFirst()
                .orElse(null);
    }

    /** The marks one member gave, by company then criterion. */
    public Map<UUID, Map<String, Mark>> marksOf(UUID userId) {
        Map<UUID, Map<String, Mark>> by = new java.util.LinkedHashMap<>();
        marks.stream()
                .filter(m -> m.userId().equals(userId))
                .forEach(m -> by.computeIfAbsent(m.companyId(), k -> new java.util.LinkedHashMap<>())
                        .put(m.code(), m));
        return by;
    }

    public @Nullable Settled settled(UUID companyId, String code) {
        return settled.stream()
                .filter(s -> s.companyId().equals(companyId) && s.code().equals(code))
                .findFirst()
                .orElse(null);
    }

    public @Nullable Price price(UUID companyId, String lot) {
        return prices.stream()
                .filter(p -> p.companyId().equals(companyId) && p.lot().equals(lot))
                .findFirst()
                .orElse(null);
    }

    public long submittedCount() {
        return members.stream().filter(Member::submitted).count();
    }
}
