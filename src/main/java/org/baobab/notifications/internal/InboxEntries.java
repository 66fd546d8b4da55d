// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.Organisation;
import org.baobab.notifications.internal.Inbox.Argument;
import org.baobab.notifications.internal.Inbox.Kind;
import org.baobab.shared.Role;
import org.baobab.suppliers.SupplierEvents;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.TenderingEvents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes the in-app notifications, from the same events as the mails (so both channels tell the same facts): to the
 * followers of a notice, its addenda, answers, approaching deadline and cancellation; to a company's admins, a document
 * expiring; to the owner of an alert, a matching notice. Each listener runs from the outbox and may be handed the same
 * event again: the inbox keeps one notification per user per fact.
 */
@Component
class InboxEntries {

    private final Inbox inbox;
    private final Notices notices;
    private final Accounts accounts;
    private final Clock clock;

    InboxEntries(Inbox inbox, Notices notices, Accounts accounts, Clock clock) {
        this.inbox = inbox;
        this.notices = notices;
        this.accounts = accounts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(TenderingEvents.AddendumPublished event) {
        toFollowers(
                event.ocid(),
                Kind.NOTICE_ADDENDUM,
                String.valueOf(event.number()),
                "centre.notice-addendum",
                Argument.text(String.valueOf(event.number())));
    }

    @ApplicationModuleListener
    void on(TenderingEvents.QuestionAnswered event) {
        toFollowers(event.ocid(), Kind.NOTICE_ANSWER, event.questionId(), "centre.notice-answer");
    }

    @ApplicationModuleListener
    void on(TenderingEvents.DeadlineApproaching event) {
        toFollowers(
                event.ocid(),
                Kind.NOTICE_DEADLINE,
                event.deadline().toString(),
                "centre.notice-deadline",
                Argument.instant(event.deadline(), event.country()));
    }

    @ApplicationModuleListener
    void on(TenderingEvents.ProcessCancelled event) {
        if (event.wasPublic()) {
            toFollowers(event.ocid(), Kind.NOTICE_CANCELLED, "", "centre.notice-cancelled");
        }
    }

    @ApplicationModuleListener
    void on(SupplierEvents.DocumentExpiring event) {
        String country = accounts.organisation(event.organisationId())
                .map(Organisation::country)
                .orElse("");
        List<UUID> admins = accounts.holders(event.organisationId(), Role.SUPPLIER_ADMIN).stream()
                .map(CurrentUser::id)
                .toList();
        inbox.add(
                admins,
                Kind.DOCUMENT_EXPIRING,
                event.documentId().toString(),
                event.expiresOn().toString(),
                "/supplier/documents",
                "centre.document-expiring",
                List.of(Argument.document(event.code(), country), Argument.date(event.expiresOn())),
                clock.instant());
    }

    /** Only an alert owned by an account has an inbox; an anonymous visitor's alert is mailed only. */
    @ApplicationModuleListener
    void on(SupplierEvents.AlertMatched event) {
        if (event.userId() == null) {
            return;
        }
        // one notification per notice, however many of the user's alerts it matches
        inbox.add(
                List.of(event.userId()),
                Kind.ALERT_MATCH,
                event.ocid(),
                "",
                "/notices/" + event.ocid(),
                "centre.alert-match",
                List.of(Argument.text(event.title())),
                clock.instant());
    }

    /** The notice's title comes first in every message about a notice, then {@code more}. */
    private void toFollowers(String ocid, Kind kind, String discriminator, String messageKey, Argument... more) {
        List<UUID> followers = notices.followers(ocid);
        if (followers.isEmpty()) {
            return;
        }
        String title = notices.notice(ocid)
                .map(ProcessView::notice)
                .map(n -> n.title())
                .orElse(ocid);
        List<Argument> arguments = new ArrayList<>();
        arguments.add(Argument.text(title));
        arguments.addAll(List.of(more));
        inbox.add(followers, kind, ocid, discriminator, "/notices/" + ocid, messageKey, arguments, clock.instant());
    }
}
