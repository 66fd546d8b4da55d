// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

import com.ibm.icu.text.MessageFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages formatted with ICU's {@code MessageFormat}, which knows the plural rules of every language: French
 * {@code one}/{@code other} (0 and 1 are singular), English {@code one}/{@code other}, Arabic {@code zero}/{@code one}/
 * {@code two}/{@code few}/{@code many}/{@code other}. A message says {@code {0, plural, one {# jour} other {# jours}}}
 * rather than "jour(s)". Numbers take the digits of the locale's {@code nu} extension (see {@code rules.Digits}); an
 * Arabic locale without one gets Latin digits. Apostrophes as in Java's {@code MessageFormat}: doubled.
 */
public final class IcuMessages {

    private static final int MAX_CACHED = 4096;
    private static final Map<Key, MessageFormat> CACHE = new ConcurrentHashMap<>();

    private IcuMessages() {}

    /**
     * A moment in the locale's language and digits, with its time-zone id: "8 janv. 2027, 10:00 (Africa/Dakar)". The
     * one format of a date and time shown to a person, on pages, in mails and in messages.
     */
    public static String dateTime(ZonedDateTime moment, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .localizedBy(latinUnlessSaid(locale))
                        .format(moment)
                + " (" + moment.getZone().getId() + ")";
    }

    /** As {@link #dateTime} with the seconds, for moments that are evidence (a receipt, a journal entry). */
    public static String dateTimeSeconds(ZonedDateTime moment, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
                        .localizedBy(latinUnlessSaid(locale))
                        .format(moment)
                + " (" + moment.getZone().getId() + ")";
    }

    /**
     * The locale with Latin digits unless its {@code nu} extension names others: the JDK's and ICU's defaults for
     * Arabic differ, and Latin is the platform's default (a country's pack may ask for Arabic-Indic ones).
     */
    public static Locale latinUnlessSaid(Locale locale) {
        if (locale.getUnicodeLocaleType("nu") != null) {
            return locale;
        }
        return new Locale.Builder()
                .setLocale(locale)
                .setUnicodeLocaleKeyword("nu", "latn")
                .build();
    }

    private record Key(String pattern, Locale locale) {}

    /**
     * The pattern with its arguments. A {@link ZonedDateTime} argument is a moment as a person reads it: formatted in
     * the locale's language and digits with its zone ({@link #dateTime}); another {@code java.time} argument is shown
     * in its ISO form, as Java's {@code MessageFormat} would.
     */
    public static String format(String pattern, Locale reader, Object... args) {
        Locale locale = latinUnlessSaid(reader);
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof ZonedDateTime moment) {
                values[i] = dateTime(moment, locale);
            } else {
                values[i] = args[i] instanceof TemporalAccessor t ? t.toString() : args[i];
            }
        }
        if (CACHE.size() > MAX_CACHED) {
            CACHE.clear();
        }
        MessageFormat format = CACHE.computeIfAbsent(new Key(pattern, locale), k -> new MessageFormat(pattern, locale));
        // an ICU MessageFormat is not safe for concurrent use
        synchronized (format) {
            return format.format(values);
        }
    }
}
