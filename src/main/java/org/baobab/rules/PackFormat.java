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
import java.util.Optional;
import org.baobab.shared.CountryCode;
import org.baobab.shared.IcuMessages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Formatting by a country's pack, for every module's templates as {@code @packFormat}: instants in the country's time
 * zone (deadlines are authoritative on the server and shown where the buyer is), dates and amounts in the reader's
 * locale, and the pack's names of procedures, documents and countries in the reader's language.
 */
@Component("packFormat")
public class PackFormat {

    private final RulePacks packs;
    private final MessageSource messages;

    PackFormat(RulePacks packs, MessageSource messages) {
        this.packs = packs;
        this.messages = messages;
    }

    private Optional<RulePack> pack(@Nullable String country) {
        return country == null || country.isBlank() ? Optional.empty() : packs.find(country);
    }

    public ZoneId zone(@Nullable String country) {
        return pack(country).map(RulePack::timeZone).orElse(ZoneId.of("UTC"));
    }

    /** The digits of the country's Arabic pages (Latin when the country has no pack). */
    public Digits digits(@Nullable String country) {
        return pack(country).map(RulePack::digits).orElse(Digits.LATIN);
    }

    /** The reader's locale with the country's digits ({@link Digits#apply}): what every number here is formatted in. */
    public Locale reading(@Nullable String country, Locale locale) {
        return digits(country).apply(locale);
    }

    /** E.g. "12 déc. 2026, 10:00 (Africa/Dakar)": in the country's time zone, the reader's language and digits. */
    public String dateTime(@Nullable Instant instant, @Nullable String country, Locale locale) {
        if (instant == null) {
            return "—";
        }
        return IcuMessages.dateTime(instant.atZone(zone(country)), reading(country, locale));
    }

    /** As {@link #dateTime} with the seconds, for the moments that are evidence (receipts, the journal). */
    public String dateTimeSeconds(@Nullable Instant instant, @Nullable String country, Locale locale) {
        if (instant == null) {
            return "—";
        }
        return IcuMessages.dateTimeSeconds(instant.atZone(zone(country)), reading(country, locale));
    }

    /**
     * A calendar date in the reader's language, e.g. "23 oct. 2026", "Oct 23, 2026", or the Arabic form: a date
     * has no time zone. Form fields ({@code <input type=date>}) keep the ISO form, not this.
     */
    public String date(@Nullable LocalDate date, Locale locale) {
        return date(date, null, locale);
    }

    /** A calendar date in the reader's language and the country's digits. */
    public String date(@Nullable LocalDate date, @Nullable String country, Locale locale) {
        if (date == null) {
            return "—";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .localizedBy(reading(country, locale))
                .format(date);
    }

    /**
     * The direction of text in a language, for the {@code dir} beside a {@code lang}: {@code rtl} for Arabic,
     * {@code ltr} for another known language, {@code auto} (the browser looks at the text) when it is unknown.
     */
    public String direction(@Nullable String language) {
        if (language == null || language.isBlank()) {
            return "auto";
        }
        return "ar".equals(Locale.forLanguageTag(language).getLanguage()) ? "rtl" : "ltr";
    }

    /** The ISO-8601 form for a {@code <time datetime>} attribute. */
    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String money(@Nullable BigDecimal amount, String currency, Locale locale) {
        return money(amount, currency, null, locale);
    }

    /** An amount in the reader's language and the country's digits. */
    public String money(@Nullable BigDecimal amount, String currency, @Nullable String country, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(reading(country, locale));
        try {
            format.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException unknown) {
            return amount.toPlainString() + " " + currency;
        }
        return format.format(amount);
    }

    /** A number in the reader's language and the country's digits. */
    public String number(@Nullable Number number, @Nullable String country, Locale locale) {
        return number == null
                ? ""
                : NumberFormat.getInstance(reading(country, locale)).format(number);
    }

    /**
     * A message with counts in the plural rules of the reader's language (ICU), its numbers in the country's digits,
     * e.g. {@code count('complaints.desk.overdue', c, #locale, 3)}: "Dépassée de 3 jours".
     */
    public String count(String key, @Nullable String country, Locale locale, Object... args) {
        String pattern = messages.getMessage(key, null, locale);
        return IcuMessages.format(pattern, reading(country, locale), args);
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

    /** The country's name in the reader's language: the pack's, else the JDK's (e.g. "Sénégal" for SN). */
    public String countryName(@Nullable String country, Locale locale) {
        if (country == null || country.isBlank()) {
            return "—";
        }
        return pack(country).map(p -> p.name().in(locale)).orElseGet(() -> {
            try {
                String name = new Locale.Builder().setRegion(country).build().getDisplayCountry(locale);
                return name.isBlank() ? country : name;
            } catch (java.util.IllformedLocaleException notARegion) {
                return country;
            }
        });
    }
}
