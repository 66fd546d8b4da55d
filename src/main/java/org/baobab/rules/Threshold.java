// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One cell of a country's threshold table (buyer category × nature × purpose): for amounts in {@code [from, below)}
 * the rule described by {@code meaning} applies, e.g. Cameroon's a-priori control by the road-works CCCM from 5 bn
 * FCFA (décret 2018/366 art. 27).
 *
 * @param buyerCategory a {@link BuyerCategory} code, or {@value BuyerCategory#ALL}
 * @param nature the contract nature, or null for every nature
 * @param scope a narrower subject (e.g. {@code ROAD_WORKS}), or null for every subject
 * @param below exclusive upper bound, null for no upper bound
 * @param tax whether the amounts are before or after tax; null when the source does not say
 * @param procedure the {@link Procedure#code()} that applies in this band, when the purpose is to choose one
 */
public record Threshold(
        ThresholdPurpose purpose,
        String buyerCategory,
        @Nullable Nature nature,
        @Nullable String scope,
        BigDecimal from,
        @Nullable BigDecimal below,
        @Nullable TaxBasis tax,
        @Nullable String procedure,
        LocalizedText meaning,
        LegalBasis legalBasis,
        LocalDate validFrom,
        Confidence confidence,
        @Nullable LocalizedText note)
        implements Ruled {

    /** Whether this cell applies to the given buyer category, nature and subject (null query values match anything). */
    public boolean appliesTo(String buyerCategory, @Nullable Nature nature, @Nullable String scope) {
        return (this.buyerCategory.equals(BuyerCategory.ALL) || this.buyerCategory.equals(buyerCategory))
                && (this.nature == null || this.nature == nature)
                && (this.scope == null || this.scope.equals(scope));
    }

    public boolean contains(BigDecimal amount) {
        return amount.compareTo(from) >= 0 && (below == null || amount.compareTo(below) < 0);
    }
}
