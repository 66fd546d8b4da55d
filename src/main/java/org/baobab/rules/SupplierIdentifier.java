// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A national identifier a company gives when it registers (Senegal's NINEA, the OHADA trade register number RCCM,
 * Cameroon's NIU…). {@code pattern} is a regular expression over the identifier's {@linkplain #canonical canonical
 * form} (upper case, letters and digits only), so that "0012345 2G3" and "00123452g3" are the same NINEA; {@code
 * example} shows the expected shape. Like every rule, an {@link Confidence#UNVERIFIED} one only warns. The format
 * has its own confidence, since an identifier may be known to be required (a real tender document asks for it) while
 * its shape was only seen on examples: a missing identifier is refused when {@code confidence} is enforceable, a
 * malformed one when {@code formatConfidence} is; otherwise each is pointed out, not refused.
 */
public record SupplierIdentifier(
        String code,
        LocalizedText name,
        boolean required,
        @Nullable String pattern,
        @Nullable String example,
        Confidence formatConfidence,
        LegalBasis legalBasis,
        LocalDate validFrom,
        Confidence confidence,
        @Nullable LocalizedText note)
        implements Ruled {

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]");

    /** Upper case, letters and digits only: the form compared for duplicates and checked against the pattern. */
    public static String canonical(String value) {
        return NOT_ALPHANUMERIC.matcher(value.toUpperCase(Locale.ROOT)).replaceAll("");
    }

    /** Whether the value has the expected shape (always true without a pattern). */
    public boolean matches(String value) {
        return pattern == null || Pattern.matches(pattern, canonical(value));
    }

    /** Whether a company that lacks it must be refused (else it is told). */
    public boolean requiredAndEnforced() {
        return required && confidence.enforceable();
    }

    /** Whether a value of another shape must be refused (else the company is told). */
    public boolean formatEnforced() {
        return pattern != null && formatConfidence.enforceable();
    }
}
