// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.baobab.rules.RulePacks;
import org.baobab.shared.CountryCode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Formatting for the tendering pages, called from the templates as {@code @tenderingFormat}: instants in the
 * notice country's time zone (deadlines are authoritative on the server and shown where the buyer is), amounts in the
 * reader's locale, and the pack's names of procedures and documents in the reader's language.
 */
@Component("tenderingFormat")
public class TenderingFormat {

    private final RulePacks packs;
    private final MessageSource messages;

    TenderingFormat(RulePacks packs, MessageSource messages) {
        this.packs = packs;
        this.messages = messages;
    }

    public ZoneId zone(String country) {
        return packs.find(new CountryCode(country)).map(p -> p.timeZone()).orElse(ZoneId.of("UTC"));
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

    /** The ISO-8601 form for a {@code <time datetime>} attribute. */
    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** The time left until the instant, as days and hours, or that it has passed. */
    public String remaining(@Nullable Instant deadline, Instant now, Locale locale) {
        if (deadline == null) {
            return "";
        }
        if (!deadline.isAfter(now)) {
            return messages.getMessage("notice.remaining.passed", null, locale);
        }
        Duration left = Duration.between(now, deadline);
        long days = left.toDays();
        long hours = left.minusDays(days).toHours();
        long minutes = left.minusDays(days).minusHours(hours).toMinutes();
        if (days > 0) {
            return messages.getMessage("notice.remaining.days", new Object[] {days, hours}, locale);
        }
        return messages.getMessage("notice.remaining.hours", new Object[] {hours, minutes}, locale);
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

    /** A finding's text, with field names among its arguments translated too. */
    public String finding(org.baobab.tendering.Finding finding, Locale locale) {
        Object[] args = finding.arguments().stream()
                .map(a -> a instanceof String s && s.startsWith("tendering.field.")
                        ? messages.getMessage(s, null, s, locale)
                        : a)
                .toArray();
        return messages.getMessage(finding.messageKey(), args, finding.messageKey(), locale);
    }

    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " o";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " Kio";
        }
        return String.format(Locale.ROOT, "%.1f Mio", bytes / (1024.0 * 1024.0));
    }
}
