// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A text of a rule pack in French (the language of the legal texts, always present), English and Arabic. A missing
 * translation falls back to French, so that the legal wording is shown rather than nothing.
 */
public record LocalizedText(
        String fr, @Nullable String en, @Nullable String ar) {

    public static LocalizedText of(String fr) {
        return new LocalizedText(fr, null, null);
    }

    /** The text in the reader's language, or in French when the pack has no translation. */
    public String in(Locale locale) {
        return switch (languageOf(locale)) {
            case "en" -> en == null ? fr : en;
            case "ar" -> ar == null ? fr : ar;
            default -> fr;
        };
    }

    /** The language {@link #in(Locale)} actually returns ({@code fr} on fall-back), for a {@code lang} attribute. */
    public String languageIn(Locale locale) {
        return switch (languageOf(locale)) {
            case "en" -> en == null ? "fr" : "en";
            case "ar" -> ar == null ? "fr" : "ar";
            default -> "fr";
        };
    }

    private static String languageOf(Locale locale) {
        return locale.getLanguage();
    }
}
