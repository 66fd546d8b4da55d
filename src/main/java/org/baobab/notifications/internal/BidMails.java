// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.baobab.bidding.BiddingEvents;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.notifications.internal.Inbox.Argument;
import org.baobab.notifications.internal.Inbox.Kind;
import org.baobab.rules.PackFormat;
import org.baobab.shared.Role;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a company that its bid arrived (with the signed receipt in the mail, to keep outside the platform) or was
 * withdrawn: the member who did it and the company's admins, each in their language, by mail from the outbox and in
 * the notification centre.
 */
@Component
class BidMails {

    private final Accounts accounts;
    private final Notices notices;
    private final PackFormat format;
    private final Inbox inbox;
    private final PersonalMails mails;
    private final Clock clock;

    BidMails(Accounts accounts, Notices notices, PackFormat format, Inbox inbox, PersonalMails mails, Clock clock) {
        this.accounts = accounts;
        this.notices = notices;
        this.format = format;
        this.inbox = inbox;
        this.mails = mails;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(BiddingEvents.BidSubmitted event) {
        UUID company = UUID.fromString(event.organisation());
        ProcessView process = notices.notice(event.ocid()).orElse(null);
        String title = process == null ? event.ocid() : process.notice().title();
        String country = process == null ? "" : process.country();
        String link = "/bids/receipts/" + event.envelopeId();
        List<CurrentUser> people = recipients(company, event.submittedBy());
        for (CurrentUser person : people) {
            Locale locale = Locale.forLanguageTag(person.language());
            mails.send(
                    "bid:" + event.envelopeId() + ":" + person.id(),
                    person,
                    link,
                    "bid-receipt",
                    Map.of(
                            "title", title,
                            "ocid", event.ocid(),
                            "kind", event.kind(),
                            "when", format.dateTime(event.receivedAt(), country, locale),
                            "receipt", event.receiptDocument()));
        }
        inbox.add(
                people.stream().map(CurrentUser::id).toList(),
                Kind.BID_SUBMITTED,
                event.ocid(),
                event.envelopeId().toString(),
                link,
                "centre.bid-submitted",
                List.of(Argument.text(title), Argument.text(String.valueOf(event.logIndex()))),
                clock.instant());
    }

    @ApplicationModuleListener
    void on(BiddingEvents.BidWithdrawn event) {
        UUID company = UUID.fromString(event.organisation());
        ProcessView process = notices.notice(event.ocid()).orElse(null);
        String title = process == null ? event.ocid() : process.notice().title();
        String link = "/bids/" + event.ocid();
        UUID actor =
                accounts.currentUserByEmail(event.actor()).map(CurrentUser::id).orElse(null);
        List<CurrentUser> people = recipients(company, actor);
        for (CurrentUser person : people) {
            mails.send(
                    "bid-withdrawn:" + event.envelopes().get(0) + ":" + person.id(),
                    person,
                    link,
                    "bid-withdrawn",
                    Map.of("title", title, "ocid", event.ocid(), "kind", "", "when", "", "receipt", ""));
        }
        inbox.add(
                people.stream().map(CurrentUser::id).toList(),
                Kind.BID_WITHDRAWN,
                event.ocid(),
                event.envelopes().get(0).toString(),
                link,
                "centre.bid-withdrawn",
                List.of(Argument.text(title)),
                clock.instant());
    }

    /** The member who acted and the company's admins, once each. */
    private List<CurrentUser> recipients(UUID company, UUID actor) {
        Map<UUID, CurrentUser> people = new LinkedHashMap<>();
        if (actor != null) {
            accounts.currentUser(actor).ifPresent(u -> people.put(u.id(), u));
        }
        accounts.holders(company, Role.SUPPLIER_ADMIN).forEach(u -> people.putIfAbsent(u.id(), u));
        return List.copyOf(people.values());
    }
}
