// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.baobab.rules.PackFormat;
import org.baobab.tendering.Finding;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Formatting for the tendering pages, called from the templates as {@code @tenderingFormat}: the time left before a
 * deadline, a finding's text, a file size; dates, amounts and the pack's names come from {@code @packFormat}.
 */
@Component("tenderingFormat")
public class TenderingFormat {

    private final PackFormat pack;
    private final MessageSource messages;

    TenderingFormat(PackFormat pack, MessageSource messages) {
        this.pack = pack;
        this.messages = messages;
    }

    public ZoneId zone(String country) {
        return pack.zone(country);
    }

    /** The time left until the instant, as days and hours, or that it has passed. */
    public String remaining(@Nullable Instant deadline, Instant now, Locale locale) {
        return remaining(deadline, now, null, locale);
    }

    /**
     * The time left until the instant, as days and hours in the plural forms of the reader's language ("Reste 1 jour
     * et 3 heures."), with the country's digits, or that it has passed.
     */
    public String remaining(@Nullable Instant deadline, Instant now, @Nullable String country, Locale locale) {
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
            return pack.count("notice.remaining.days", country, locale, days, hours);
        }
        return pack.count("notice.remaining.hours", country, locale, hours, minutes);
    }

    /** A finding's text, with field names among its arguments translated too. */
    public String finding(Finding finding, Locale locale) {
        Object[] args = finding.arguments().stream()
                .map(a -> a instanceof String s && s.startsWith("tendering.field.")
                        ? messages.getMessage(s, null, s, locale)
                        : a)
                .toArray();
        return messages.getMessage(finding.messageKey(), args, finding.messageKey(), locale);
    }

    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
