// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.util.Locale;

/**
 * The digits a country's readers expect in Arabic pages: Latin (0-9, the default, as in the Maghreb and West Africa)
 * or Arabic-Indic (٠-٩, as in the Mashriq). A rule pack's {@code digits} key ({@code latin} or {@code arabic-indic}).
 * French and English pages always use Latin digits.
 */
public enum Digits {
    LATIN("latin", "latn"),
    ARABIC_INDIC("arabic-indic", "arab");

    private final String yaml;
    private final String numberingSystem;

    Digits(String yaml, String numberingSystem) {
        this.yaml = yaml;
        this.numberingSystem = numberingSystem;
    }

    /** The value in a pack, e.g. {@code arabic-indic}. */
    public String yaml() {
        return yaml;
    }

    public static Digits ofYaml(String value) {
        for (Digits d : values()) {
            if (d.yaml.equals(value)) {
                return d;
            }
        }
        throw new IllegalArgumentException(value);
    }

    /**
     * The reader's locale with these digits (the Unicode {@code nu} extension) where they apply, i.e. in Arabic;
     * other languages get Latin digits whatever the country.
     */
    public Locale apply(Locale reader) {
        String system = "ar".equals(reader.getLanguage()) ? numberingSystem : LATIN.numberingSystem;
        return new Locale.Builder()
                .setLocale(reader)
                .setUnicodeLocaleKeyword("nu", system)
                .build();
    }
}
