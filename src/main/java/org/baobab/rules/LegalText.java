// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The main procurement text of a country (its code of public procurement), e.g. Senegal's décret n°2022-2295 du 28
 * décembre 2022 or Côte d'Ivoire's ordonnance n°2019-679 du 24 juillet 2019: the text every other rule is read against.
 */
public record LegalText(
        String code,
        LocalizedText name,
        LegalBasis legalBasis,
        LocalDate validFrom,
        Confidence confidence,
        @Nullable LocalizedText note)
        implements Ruled {}
