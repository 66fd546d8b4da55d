// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.baobab.rules.Nature;
import org.jspecify.annotations.Nullable;

/** One published notice in search results, feeds and lists. */
public record NoticeSummary(
        String ocid,
        String reference,
        String title,
        UUID authorityId,
        String authorityName,
        String country,
        Nature nature,
        String procedureCode,
        String procurementMethod,
        ProcessStatus status,
        @Nullable BigDecimal value,
        String currency,
        @Nullable Instant submissionDeadline,
        Instant publishedAt,
        Instant updatedAt,
        int addenda) {

    /** {@code open}, {@code closed} or {@code cancelled}, as the public search names them, at the given instant. */
    public String publicStatus(Instant now) {
        if (status == ProcessStatus.CANCELLED) {
            return "cancelled";
        }
        return status == ProcessStatus.PUBLISHED && submissionDeadline != null && submissionDeadline.isAfter(now)
                ? "open"
                : "closed";
    }
}
