// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A rule value with its provenance. Every value of a pack carries one (docs/DOMAIN-RULES.md §0: "every numeric rule in
 * a pack must carry legalBasis, validFrom, confidence and sourceUrl; the engine must refuse to enforce — only warn —
 * on unverified rules"). Callers check {@link #enforceable()} before blocking a user on the value.
 */
public interface Ruled {

    LegalBasis legalBasis();

    /** The date from which the rule applies (entry into force of its text, as far as known). */
    LocalDate validFrom();

    Confidence confidence();

    /** A caveat for the reader, e.g. "may have been replaced by a 2023 order". */
    @Nullable
    LocalizedText note();

    /** Whether the platform may block on this value; if not, it must only warn. */
    default boolean enforceable() {
        return confidence().enforceable();
    }

    /** Whether the value was already in force on {@code day}. */
    default boolean inForceOn(LocalDate day) {
        return !validFrom().isAfter(day);
    }
}
