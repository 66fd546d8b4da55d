// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A procurement procedure of a country (appel d'offres ouvert, DRP, entente directe…) under its legal name, with the
 * OCDS method it publishes as. Tendering offers only the procedures of the buyer's country pack.
 *
 * @param code stable key within the pack, e.g. {@code AOO}, {@code DRP_RESTREINTE}
 */
public record Procedure(
        String code,
        LocalizedText name,
        ProcurementMethod method,
        @Nullable LocalizedText description,
        LegalBasis legalBasis,
        LocalDate validFrom,
        Confidence confidence,
        @Nullable LocalizedText note)
        implements Ruled {

    /** The exact legal label for OCDS {@code tender.procurementMethodDetails}. */
    public String ocdsMethodDetails() {
        return name.fr();
    }
}
