// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeeCalculatorTests {

    // Senegal, arrêté n°16.781 du 16 nov. 2016: 0.3 % < 1 bn, 0.2 % 1–3 bn, 0.1 % above; cap 300 M per year
    private final List<Band<BigDecimal>> senegal = List.of(
            new Band<>(BigDecimal.ZERO, new BigDecimal("1000000000"), new BigDecimal("0.3")),
            new Band<>(new BigDecimal("1000000000"), new BigDecimal("3000000000"), new BigDecimal("0.2")),
            new Band<>(new BigDecimal("3000000000"), null, new BigDecimal("0.1")));
    private final BigDecimal cap = new BigDecimal("300000000");

    @Test
    void wholeAmountTakesTheRateOfItsBracket() {
        assertThat(fee("999999999", FeeCalculator.Mode.WHOLE_AMOUNT)).isEqualByComparingTo("3000000");
        assertThat(fee("1000000000", FeeCalculator.Mode.WHOLE_AMOUNT)).isEqualByComparingTo("2000000");
        assertThat(fee("5000000000", FeeCalculator.Mode.WHOLE_AMOUNT)).isEqualByComparingTo("5000000");
    }

    @Test
    void marginalRatesApplyBracketByBracket() {
        // 1 bn at 0.3 % + 2 bn at 0.2 % + 2 bn at 0.1 %
        assertThat(fee("5000000000", FeeCalculator.Mode.MARGINAL)).isEqualByComparingTo("9000000");
    }

    @Test
    void roundsToTheCurrencyAndRespectsTheCap() {
        assertThat(fee("333", FeeCalculator.Mode.WHOLE_AMOUNT)).isEqualByComparingTo("1");
        assertThat(fee("400000000000000", FeeCalculator.Mode.WHOLE_AMOUNT)).isEqualByComparingTo("300000000");
    }

    private BigDecimal fee(String amount, FeeCalculator.Mode mode) {
        return FeeCalculator.fee(new BigDecimal(amount), senegal, mode, cap, 0);
    }
}
