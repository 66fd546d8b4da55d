// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Lookups and consistency checks on sets of amount {@link Band}s. */
public final class Bands {

    private Bands() {}

    /** The band containing the amount, if any. Bands are expected not to overlap (see {@link #problems}). */
    public static <T> Optional<Band<T>> find(List<Band<T>> bands, BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("An amount cannot be negative: " + amount);
        }
        return bands.stream().filter(b -> b.contains(amount)).findFirst();
    }

    /** What is wrong with this set of bands, in English: overlapping ranges. Empty if consistent. */
    public static List<String> problems(List<? extends Band<?>> bands) {
        List<Band<?>> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparing(Band::from));
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            Band<?> previous = sorted.get(i - 1);
            Band<?> band = sorted.get(i);
            if (previous.overlaps(band)) {
                problems.add("ranges " + range(previous) + " and " + range(band) + " overlap");
            }
        }
        return problems;
    }

    /** Whether the bands cover every amount from zero upwards without a gap. */
    public static boolean coverFromZero(List<? extends Band<?>> bands) {
        List<Band<?>> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparing(Band::from));
        BigDecimal next = BigDecimal.ZERO;
        for (Band<?> band : sorted) {
            if (band.from().compareTo(next) != 0) {
                return false;
            }
            if (band.below() == null) {
                return true;
            }
            next = band.below();
        }
        return false;
    }

    static String range(Band<?> band) {
        return "[" + band.from().toPlainString() + ", "
                + (band.below() == null ? "∞" : band.below().toPlainString()) + ")";
    }
}
