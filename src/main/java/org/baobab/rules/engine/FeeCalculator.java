// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Computes a fee from a bracketed scale of percentage rates, such as Senegal's "redevance de régulation" (arrêté
 * n°16.781 du 16 nov. 2016: 0.3 % below 1 bn FCFA, 0.2 % from 1 to 3 bn, 0.1 % above, capped at 300 M per holder
 * and year). Amounts are rounded half-up to the currency's minor unit (none for the CFA francs).
 */
public final class FeeCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FeeCalculator() {}

    /** How the rates of a scale apply. */
    public enum Mode {
        /** The rate of the bracket the whole amount falls in applies to the whole amount. */
        WHOLE_AMOUNT,
        /** Each bracket's rate applies to the part of the amount inside that bracket (like income tax). */
        MARGINAL
    }

    /**
     * The fee on {@code amount}, given brackets whose values are rates in percent, never more than {@code cap} when one
     * is given.
     */
    public static BigDecimal fee(
            BigDecimal amount, List<Band<BigDecimal>> ratesInPercent, Mode mode, @Nullable BigDecimal cap, int scale) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("An amount cannot be negative: " + amount);
        }
        BigDecimal fee = switch (mode) {
            case WHOLE_AMOUNT ->
                Bands.find(ratesInPercent, amount)
                        .map(b -> amount.multiply(b.value()).divide(HUNDRED))
                        .orElse(BigDecimal.ZERO);
            case MARGINAL -> marginal(amount, ratesInPercent);
        };
        if (cap != null && fee.compareTo(cap) > 0) {
            fee = cap;
        }
        return fee.setScale(scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal marginal(BigDecimal amount, List<Band<BigDecimal>> rates) {
        BigDecimal total = BigDecimal.ZERO;
        for (Band<BigDecimal> band : rates) {
            if (amount.compareTo(band.from()) <= 0) {
                continue;
            }
            BigDecimal top = band.below() == null || amount.compareTo(band.below()) < 0 ? amount : band.below();
            total = total.add(top.subtract(band.from()).multiply(band.value()).divide(HUNDRED));
        }
        return total;
    }
}
