// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.baobab.award.AwardEvents;
import org.baobab.award.Awards;
import org.baobab.award.Recommendation.BidderResult;
import org.baobab.bidding.Bids;
import org.baobab.bidding.SubmittedEnvelope;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.notifications.internal.Inbox.Argument;
import org.baobab.notifications.internal.Inbox.Kind;
import org.baobab.rules.PackFormat;
import org.baobab.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells each bidder the provisional award: to the company's admins and the member who submitted its bid, each in their
 * language, its own outcome, rank and the reasons given for its bid (never another bidder's), the standstill's last day
 * and how to complain; by mail from the outbox and in the notification centre.
 */
@Component
class AwardMails {

    private final Awards awards;
    private final Bids bids;
    private final Accounts accounts;
    private final PackFormat format;
    private final MessageSource messages;
    private final Inbox inbox;
    private final PersonalMails mails;
    private final Clock clock;

    AwardMails(
            Awards awards,
            Bids bids,
            Accounts accounts,
            PackFormat format,
            MessageSource messages,
            Inbox inbox,
            PersonalMails mails,
            Clock clock) {
        this.awards = awards;
        this.bids = bids;
        this.accounts = accounts;
        this.format = format;
        this.messages = messages;
        this.inbox = inbox;
        this.mails = mails;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AwardEvents.ProvisionalPublished event) {
        List<SubmittedEnvelope> envelopes = bids.envelopes(event.ocid());
        String link = "/award/" + event.ocid() + "/mine";
        for (UUID company : event.bidders()) {
            BidderResult result = awards.resultOf(event.ocid(), company).orElse(null);
            if (result == null) {
                continue;
            }
            List<CurrentUser> people = recipients(company, envelopes);
            for (CurrentUser person : people) {
                Locale locale = Locale.forLanguageTag(person.language());
                mails.send(
                        "award-provisional:" + event.ocid() + ":" + company + ":" + person.id(),
                        person,
                        link,
                        "award-provisional",
                        Map.of(
                                "title", event.title(),
                                "outcome",
                                        messages.getMessage(
                                                "mail.award-provisional.outcome." + result.outcome(), null, locale),
                                "rank", result.rank() == null ? "" : String.valueOf(result.rank()),
                                "reasons", result.reasons(),
                                "lots", String.join(", ", result.lots()),
                                "standstill", format.date(event.standstillEnds(), locale),
                                "complainBy", format.date(event.complainBy(), locale),
                                "complainLink", mails.url("/complaints/new?ocid=" + event.ocid())));
            }
            inbox.add(
                    people.stream().map(CurrentUser::id).toList(),
                    Kind.AWARD_PROVISIONAL,
                    event.ocid(),
                    company.toString(),
                    link,
                    "centre.award-provisional",
                    List.of(Argument.text(event.title()), Argument.date(event.standstillEnds())),
                    clock.instant());
        }
    }

    /** The members who submitted the company's current envelopes and the company's admins, once each. */
    private List<CurrentUser> recipients(UUID company, List<SubmittedEnvelope> envelopes) {
        Map<UUID, CurrentUser> people = new LinkedHashMap<>();
        envelopes.stream()
                .filter(e -> e.organisationId().equals(company) && e.state() == SubmittedEnvelope.State.CURRENT)
                .map(SubmittedEnvelope::submittedBy)
                .distinct()
                .forEach(id -> accounts.currentUser(id).ifPresent(u -> people.put(u.id(), u)));
        accounts.holders(company, Role.SUPPLIER_ADMIN).forEach(u -> people.putIfAbsent(u.id(), u));
        return List.copyOf(people.values());
    }
}
