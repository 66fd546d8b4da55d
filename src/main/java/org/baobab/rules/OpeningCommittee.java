// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The opening committee (commission d'ouverture des plis) of a process: how many members it may have, and how many of
 * them must be present to open the bids (its quorum). Sealed bids need the quorum: each envelope's data key is split
 * so that {@link #quorum(int)} of the {@code n} members' keys open it, never fewer than two.
 *
 * @param minMembers the fewest members the committee may have (at least 2: one key alone must never open a bid)
 * @param maxMembers the most members it may have
 * @param rule how the quorum follows from the number of members
 */
public record OpeningCommittee(
        int minMembers,
        int maxMembers,
        Quorum rule,
        LegalBasis legalBasis,
        LocalDate validFrom,
        Confidence confidence,
        @Nullable LocalizedText note)
        implements Ruled {

    /** The smallest threshold a sealing set may have, whatever the pack: one member alone never opens a bid. */
    public static final int MIN_THRESHOLD = 2;

    public OpeningCommittee {
        if (minMembers < MIN_THRESHOLD || maxMembers < minMembers || maxMembers > 255) {
            throw new IllegalArgumentException(
                    "members must satisfy 2 <= min (" + minMembers + ") <= max (" + maxMembers + ") <= 255");
        }
    }

    /** How the quorum of {@code n} members is counted. */
    public enum Quorum {
        /** More than half: {@code floor(n/2) + 1}. */
        MAJORITY,
        /** At least two thirds: {@code ceil(2n/3)}. */
        TWO_THIRDS;

        /** The name used in the pack's YAML. */
        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The quorum of a committee of {@code n} members, never below {@link #MIN_THRESHOLD} nor above {@code n}. */
    public int quorum(int n) {
        int k = switch (rule) {
            case MAJORITY -> n / 2 + 1;
            case TWO_THIRDS -> (2 * n + 2) / 3;
        };
        return Math.min(n, Math.max(MIN_THRESHOLD, k));
    }

    /** Whether {@code n} members are allowed by the pack. */
    public boolean allows(int n) {
        return n >= minMembers && n <= maxMembers;
    }
}
