// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An institution with a part in the procedure: the regulator, its complaints body, the a-priori control body. Names
 * differ by country (ARCOP/CRD/DCMP in Senegal, ARMP/CER/MINMAP in Cameroon, ANRMP/DGMP in Côte d'Ivoire).
 */
public record Body(
        String code,
        Role role,
        LocalizedText name,
        LegalBasis legalBasis,
        LocalDate validFrom,
        Confidence confidence,
        @Nullable LocalizedText note)
        implements Ruled {

    /** The part a body plays. */
    public enum Role {
        REGULATOR,
        COMPLAINTS,
        PRIOR_REVIEW,
        PROCUREMENT_AUTHORITY
    }
}
