// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Baobab speaks: French first (the default), English, and Arabic written right to left. Adding a
 * language means adding its bundles under {@code i18n/} and its code here; {@code I18nTests} checks every key.
 */
public final class SupportedLanguages {

    public static final Locale DEFAULT = Locale.FRENCH;

    public static final List<Locale> ALL = List.of(Locale.FRENCH, Locale.ENGLISH, Locale.forLanguageTag("ar"));

    private SupportedLanguages() {}

    /** The supported locale of this language tag, if Baobab speaks it. */
    public static Optional<Locale> find(String tag) {
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return ALL.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** Whether text in this locale is written right to left. */
    public static boolean rightToLeft(Locale locale) {
        return List.of("ar", "fa", "he", "ur").contains(locale.getLanguage());
    }
}
