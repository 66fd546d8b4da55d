// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.baobab.rules.Nature;
import org.jspecify.annotations.Nullable;

/**
 * An alert: new notices matching every criterion given (country, category, procedure, authority, CPV codes, words as
 * in the search) are mailed to {@code email}. Active once {@code confirmedAt} is set: at once for a signed-in user's own
 * address, after the confirmation link otherwise.
 */
public record Subscription(
        UUID id,
        String email,
        String language,
        @Nullable UUID userId,
        Criteria criteria,
        Frequency frequency,
        String token,
        @Nullable Instant confirmedAt,
        Instant createdAt) {

    /** Each match mailed at once, or the day's matches mailed together once a day. */
    public enum Frequency {
        INSTANT,
        DAILY
    }

    /**
     * What a notice must match; a null (or empty) criterion matches anything.
     *
     * @param cpv CPV codes: the notice must have a code under one of them
     */
    public record Criteria(
            @Nullable String country,
            @Nullable Nature nature,
            @Nullable String procedure,
            @Nullable UUID authority,
            String words,
            List<String> cpv) {

        public Criteria {
            cpv = List.copyOf(cpv);
        }

        /** Criteria without CPV codes. */
        public Criteria(
                @Nullable String country,
                @Nullable Nature nature,
                @Nullable String procedure,
                @Nullable UUID authority,
                String words) {
            this(country, nature, procedure, authority, words, List.of());
        }
    }
}
