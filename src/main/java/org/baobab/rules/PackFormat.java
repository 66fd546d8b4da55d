// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.baobab.shared.CountryCode;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Formatting by a country's pack, for every module's templates as {@code @packFormat}: instants in the country's time
 * zone (deadlines are authoritative on the server and shown where the buyer is), dates and amounts in the reader's
 * locale, and the pack's names of procedures, documents and countries in the reader's language.
 */
@Component("packFormat")
public class PackFormat {

    private final RulePacks packs;

    PackFormat(RulePacks packs) {
        this.packs = packs;
    }

    public ZoneId zone(String country) {
        return packs.find(new CountryCode(country)).map(RulePack::timeZone).orElse(ZoneId.of("UTC"));
    }

    /** E.g. "12 déc. 2026, 10:00 (Africa/Dakar)". */
    public String dateTime(@Nullable Instant instant, String country, Locale locale) {
        if (instant == null) {
            return "—";
        }
        ZoneId zone = zone(country);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(instant.atZone(zone))
                + " (" + zone.getId() + ")";
    }

    /**
     * A calendar date in the reader's language, e.g. "23 oct. 2026", "Oct 23, 2026", or the Arabic form: a date
     * has no time zone. Form fields ({@code <input type=date>}) keep the ISO form, not this.
     */
    public String date(@Nullable LocalDate date, Locale locale) {
        if (date == null) {
            return "—";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(date);
    }

    /** The ISO-8601 form for a {@code <time datetime>} attribute. */
    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String money(@Nullable BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException unknown) {
            return amount.toPlainString() + " " + currency;
        }
        return format.format(amount);
    }

    public String procedure(String country, String code, Locale locale) {
        return packs.find(new CountryCode(country))
                .flatMap(p -> p.procedure(code))
                .map(p -> p.name().in(locale))
                .orElse(code);
    }

    public String requiredDocument(String country, String code, Locale locale) {
        return packs.find(new CountryCode(country))
                .flatMap(p -> p.requiredDocuments().stream()
                        .filter(d -> d.code().equals(code))
                        .findFirst())
                .map(d -> d.name().in(locale))
                .orElse(code);
    }

    public String countryName(String country, Locale locale) {
        return packs.find(new CountryCode(country))
                .map(p -> p.name().in(locale))
                .orElse(country);
    }
}
