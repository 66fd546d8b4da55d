// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.RulePacks;
import org.baobab.suppliers.SupplierDocuments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a notification for its reader when it is read: the message in the reader's language, a date in the
 * reader's language, an instant in the time zone of the country it belongs to, a document kind by its name in the
 * pack.
 */
@Component
public class InboxText {

    private final MessageSource messages;
    private final RulePacks packs;
    private final SupplierDocuments documents;

    InboxText(MessageSource messages, RulePacks packs, SupplierDocuments documents) {
        this.messages = messages;
        this.packs = packs;
        this.documents = documents;
    }

    /** The notification's text for this reader. */
    public String text(Inbox.Entry entry, Locale locale) {
        Object[] arguments =
                entry.arguments().stream().map(a -> argument(a, locale)).toArray();
        return messages.getMessage(entry.messageKey(), arguments, entry.messageKey(), locale);
    }

    /** When, for a reader in {@code zone}: e.g. "23 nov. 2026, 10:00 (Africa/Dakar)". */
    public String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(instant.atZone(zone))
                + " (" + zone.getId() + ")";
    }

    /** The user's time zone: that of the country of the organisation the pages act for by default (else UTC). */
    public ZoneId zone(CurrentUser user) {
        return packs.zone(
                user.primaryMembership().map(CurrentUser.Membership::country).orElse(""));
    }

    private String argument(Inbox.Argument argument, Locale locale) {
        String country = argument.country() == null ? "" : argument.country();
        try {
            return switch (argument.type()) {
                case "date" ->
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                            .withLocale(locale)
                            .format(LocalDate.parse(argument.value()));
                case "instant" -> dateTime(Instant.parse(argument.value()), packs.zone(country), locale);
                case "document" -> documents.kindName(country, argument.value(), locale);
                default -> argument.value();
            };
        } catch (DateTimeParseException e) {
            return argument.value();
        }
    }
}
