// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One revision of an authority's procurement plan for a fiscal year, with its lines. */
public record PlanView(
        UUID id,
        UUID authorityId,
        String authorityName,
        String country,
        int fiscalYear,
        int revision,
        PlanStatus status,
        @Nullable String revisionReason,
        String createdBy,
        Instant createdAt,
        @Nullable Instant validatedAt,
        @Nullable Instant publishedAt,
        List<PlanLine> lines) {

    public PlanView {
        lines = List.copyOf(lines);
    }

    /** The total planned amount per currency (usually one). */
    public java.util.Map<String, BigDecimal> totals() {
        java.util.Map<String, BigDecimal> totals = new java.util.TreeMap<>();
        lines.forEach(l -> totals.merge(l.currency(), l.amount(), BigDecimal::add));
        return totals;
    }
}
