// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An administrative document a supplier must hold to bid (tax and social-security certificates, trade register…);
 * the suppliers module asks for these and tracks their expiry.
 */
public record RequiredDocument(
        String code,
        LocalizedText name,
        @Nullable LocalizedText issuer,
        LegalBasis legalBasis,
        LocalDate validFrom,
        Confidence confidence,
        @Nullable LocalizedText note)
        implements Ruled {}
