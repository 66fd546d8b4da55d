// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandsTests {

    private static BigDecimal m(long millions) {
        return BigDecimal.valueOf(millions * 1_000_000);
    }

    private final List<Band<String>> procedures = List.of(
            new Band<>(BigDecimal.ZERO, m(5), "outside the code"),
            new Band<>(m(5), m(50), "request for quotations"),
            new Band<>(m(50), null, "open tender"));

    @Test
    void findsTheBandOfAnAmountWithInclusiveLowerBound() {
        assertThat(Bands.find(procedures, m(4)).map(Band::value)).contains("outside the code");
        assertThat(Bands.find(procedures, m(5)).map(Band::value)).contains("request for quotations");
        assertThat(Bands.find(procedures, m(50)).map(Band::value)).contains("open tender");
        assertThat(Bands.find(procedures, m(50_000)).map(Band::value)).contains("open tender");
    }

    @Test
    void reportsOverlapsAndGaps() {
        assertThat(Bands.problems(procedures)).isEmpty();
        assertThat(Bands.coverFromZero(procedures)).isTrue();

        List<Band<String>> overlapping = List.of(new Band<>(m(0), m(10), "a"), new Band<>(m(5), null, "b"));
        assertThat(Bands.problems(overlapping)).containsExactly("ranges [0, 10000000) and [5000000, ∞) overlap");

        List<Band<String>> gap = List.of(new Band<>(m(0), m(10), "a"), new Band<>(m(20), null, "b"));
        assertThat(Bands.problems(gap)).isEmpty();
        assertThat(Bands.coverFromZero(gap)).isFalse();
    }

    @Test
    void refusesInvertedBandsAndNegativeAmounts() {
        assertThatThrownBy(() -> new Band<>(m(10), m(5), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bands.find(procedures, BigDecimal.valueOf(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
