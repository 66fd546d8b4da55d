// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.engine;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * An amount range {@code [from, below)} carrying a value: a threshold band (which procedure applies between two
 * amounts) or a fee bracket. {@code below} is null for an open-ended top band.
 */
public record Band<T>(BigDecimal from, @Nullable BigDecimal below, T value) {

    public Band {
        if (from.signum() < 0) {
            throw new IllegalArgumentException("A band cannot start below zero: " + from);
        }
        if (below != null && below.compareTo(from) <= 0) {
            throw new IllegalArgumentException("A band must end after it starts: [" + from + ", " + below + ")");
        }
    }

    public boolean contains(BigDecimal amount) {
        return amount.compareTo(from) >= 0 && (below == null || amount.compareTo(below) < 0);
    }

    /** Whether the two ranges share at least one amount. */
    public boolean overlaps(Band<?> other) {
        boolean thisEndsBefore = below != null && below.compareTo(other.from) <= 0;
        boolean otherEndsBefore = other.below != null && other.below.compareTo(from) <= 0;
        return !thisEndsBefore && !otherEndsBefore;
    }
}
