// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

import java.util.Locale;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code, upper case ({@code SN}, {@code CM}, {@code CI}…). Its name is shown in the
 * reader's language.
 */
public record CountryCode(String value) {

    private static final Set<String> ISO = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public CountryCode {
        if (value == null || !ISO.contains(value)) {
            throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 country code: " + value);
        }
    }

    public static CountryCode of(String value) {
        return new CountryCode(value.trim().toUpperCase(Locale.ROOT));
    }

    public static boolean isValid(String value) {
        return value != null && ISO.contains(value.trim().toUpperCase(Locale.ROOT));
    }

    /** The country's name in the given language, e.g. "Sénégal", "Senegal", "السنغال". */
    public String displayName(Locale locale) {
        return new Locale.Builder().setRegion(value).build().getDisplayCountry(locale);
    }

    @Override
    public String toString() {
        return value;
    }
}
