// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A regulatory fee such as the "redevance de régulation" paid by the contract holder to the regulator, as bracketed
 * percentage rates of the contract amount (e.g. Senegal, arrêté n°16.781 du 16 nov. 2016). The fees module computes
 * invoices with {@link RulePack#fee(FeeScale, BigDecimal)}.
 *
 * @param wholeAmount true when the rate of the bracket the amount falls in applies to the whole amount; false for
 *     marginal rates applied bracket by bracket
 * @param annualCapPerHolder the most one holder pays in a year, if the text sets one
 */
public record FeeScale(
        String code,
        LocalizedText name,
        TaxBasis base,
        boolean wholeAmount,
        List<Bracket> brackets,
        @Nullable BigDecimal annualCapPerHolder,
        LocalizedText payer,
        LegalBasis legalBasis,
        LocalDate validFrom,
        Confidence confidence,
        @Nullable LocalizedText note)
        implements Ruled {

    public FeeScale {
        brackets = List.copyOf(brackets);
    }

    /** A rate in percent for amounts in {@code [from, below)}. */
    public record Bracket(BigDecimal from, @Nullable BigDecimal below, BigDecimal ratePercent) {}
}
