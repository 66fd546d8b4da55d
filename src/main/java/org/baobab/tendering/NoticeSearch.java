// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baobab.rules.Nature;
import org.jspecify.annotations.Nullable;

/**
 * A search of published notices: words (French, English or Arabic; accents and case ignored) and filters, sorted by
 * relevance (when there are words), by deadline or by publication date, one page at a time.
 *
 * @param status {@code open} (deadline to come), {@code closed} or {@code cancelled}; null for all
 * @param deadlineFrom first day (in the notice country's time zone) of the deadline range, inclusive
 * @param deadlineTo last day of the deadline range, inclusive
 * @param page zero-based page number
 * @param cpv CPV codes: notices with a code under any of them (empty for any)
 */
public record NoticeSearch(
        @Nullable String query,
        @Nullable String country,
        @Nullable UUID authority,
        @Nullable Nature nature,
        @Nullable String procedure,
        @Nullable String status,
        @Nullable BigDecimal minValue,
        @Nullable BigDecimal maxValue,
        @Nullable LocalDate deadlineFrom,
        @Nullable LocalDate deadlineTo,
        Sort sort,
        int page,
        int size,
        List<String> cpv) {

    public static final int MAX_SIZE = 100;

    /** The most CPV codes one search takes (a supplier's categories, say). */
    public static final int MAX_CPV = 50;

    public NoticeSearch {
        page = Math.max(page, 0);
        size = Math.min(Math.max(size, 1), MAX_SIZE);
        query = query == null || query.isBlank() ? null : query.strip();
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(java.util.Locale.ROOT);
        procedure = procedure == null || procedure.isBlank() ? null : procedure.strip();
        status = status == null || status.isBlank() ? null : status.strip();
        cpv = List.copyOf(cpv);
    }

    /** A search without CPV codes. */
    public NoticeSearch(
            @Nullable String query,
            @Nullable String country,
            @Nullable UUID authority,
            @Nullable Nature nature,
            @Nullable String procedure,
            @Nullable String status,
            @Nullable BigDecimal minValue,
            @Nullable BigDecimal maxValue,
            @Nullable LocalDate deadlineFrom,
            @Nullable LocalDate deadlineTo,
            Sort sort,
            int page,
            int size) {
        this(
                query,
                country,
                authority,
                nature,
                procedure,
                status,
                minValue,
                maxValue,
                deadlineFrom,
                deadlineTo,
                sort,
                page,
                size,
                List.of());
    }

    /** The same search restricted to notices under these CPV codes. */
    public NoticeSearch withCpv(List<String> codes) {
        return new NoticeSearch(
                query,
                country,
                authority,
                nature,
                procedure,
                status,
                minValue,
                maxValue,
                deadlineFrom,
                deadlineTo,
                sort,
                page,
                size,
                codes);
    }

    /** The notices matching these words, newest first. */
    public static NoticeSearch words(String query, int size) {
        return new NoticeSearch(query, null, null, null, null, null, null, null, null, null, Sort.PUBLISHED, 0, size);
    }

    public static NoticeSearch all(int size) {
        return new NoticeSearch(null, null, null, null, null, null, null, null, null, null, Sort.PUBLISHED, 0, size);
    }

    /** The orders results can come in. */
    public enum Sort {
        /** Best match first (words given), then newest. */
        RELEVANCE,
        /** Nearest deadline first. */
        DEADLINE,
        /** Newest publication first. */
        PUBLISHED
    }
}
