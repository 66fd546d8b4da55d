// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A preference margin applied at financial evaluation, e.g. 15 % for goods originating in the UEMOA (Senegal CMP 2014
 * art. 50): the evaluated price of a non-preferred bid is raised by {@code ratePercent} before comparison.
 */
public record PreferenceMargin(
        String code,
        LocalizedText name,
        BigDecimal ratePercent,
        @Nullable LocalizedText condition,
        LegalBasis legalBasis,
        LocalDate validFrom,
        Confidence confidence,
        @Nullable LocalizedText note)
        implements Ruled {}
