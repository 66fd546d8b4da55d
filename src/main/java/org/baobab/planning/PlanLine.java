// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.baobab.rules.Nature;
import org.jspecify.annotations.Nullable;

/**
 * One planned contract of a procurement plan: what, how (the procedure from the country's pack), how much, paid by
 * whom, and when (launch, bid opening, award, contract signature).
 *
 * @param lineKey the line's identity across the plan's revisions
 * @param ocid the line's OCDS contracting-process identifier, given at its first publication and kept across revisions;
 *     the process launched from the line takes it
 * @param launched whether a procurement process was launched from the line
 */
public record PlanLine(
        UUID id,
        UUID planId,
        UUID lineKey,
        UUID authorityId,
        String country,
        int fiscalYear,
        int revision,
        String reference,
        String title,
        String description,
        Nature nature,
        String procedureCode,
        BigDecimal amount,
        String currency,
        String fundingSource,
        @Nullable LocalDate launchDate,
        @Nullable LocalDate openingDate,
        @Nullable LocalDate awardDate,
        @Nullable LocalDate signatureDate,
        @Nullable String ocid,
        boolean launched) {

    /** What an editor or an import gives for a line. */
    public record Draft(
            String reference,
            String title,
            String description,
            Nature nature,
            String procedureCode,
            BigDecimal amount,
            String currency,
            String fundingSource,
            @Nullable LocalDate launchDate,
            @Nullable LocalDate openingDate,
            @Nullable LocalDate awardDate,
            @Nullable LocalDate signatureDate) {}

    public Draft draft() {
        return new Draft(
                reference,
                title,
                description,
                nature,
                procedureCode,
                amount,
                currency,
                fundingSource,
                launchDate,
                openingDate,
                awardDate,
                signatureDate);
    }
}
