// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.baobab.bidding.Bids;
import org.baobab.bidding.SubmittedEnvelope;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.IdentityEvents;
import org.baobab.rules.PackFormat;
import org.baobab.shared.PublicUrl;
import org.baobab.shared.Role;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.TenderingEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the followers of a notice and the companies that bid on it (the member who submitted and the company's admins)
 * that it changed: an addendum (a deadline extended after a platform incident among them), a published answer, a
 * cancellation. The change's event is fanned out, from the outbox, into one mail request per person, each itself sent
 * from the outbox: one person's mail failing is retried alone, and never sent twice to the others.
 */
@Component
class NoticeMails {

    private final Notices notices;
    private final Bids bids;
    private final Accounts accounts;
    private final PackFormat format;
    private final ApplicationEventPublisher events;
    private final String baseUrl;

    NoticeMails(
            Notices notices,
            Bids bids,
            Accounts accounts,
            PackFormat format,
            ApplicationEventPublisher events,
            PublicUrl publicUrl) {
        this.notices = notices;
        this.bids = bids;
        this.accounts = accounts;
        this.format = format;
        this.events = events;
        this.baseUrl = publicUrl.base();
    }

    /** One mail to one follower about one change of a notice. */
    record NoticeMailRequested(
            String key,
            String recipient,
            String recipientName,
            String language,
            String link,
            String title,
            String change,
            String detail)
            implements IdentityEvents.MailRequest {

        @Override
        public String template() {
            return "deadline".equals(change) ? "notice-deadline" : "notice-changed";
        }
    }

    @ApplicationModuleListener
    void on(TenderingEvents.AddendumPublished event) {
        fanOut(event.ocid(), "addendum-" + event.number(), "addendum", reader -> event.description());
    }

    @ApplicationModuleListener
    void on(TenderingEvents.QuestionAnswered event) {
        fanOut(event.ocid(), "answer-" + event.questionId(), "answer", reader -> "");
    }

    @ApplicationModuleListener
    void on(TenderingEvents.DeadlineApproaching event) {
        // the deadline in the country's time zone, written as each reader reads dates
        fanOut(
                event.ocid(),
                "deadline-" + event.deadline().toEpochMilli(),
                "deadline",
                reader -> format.dateTime(event.deadline(), event.country(), Locale.forLanguageTag(reader.language())));
    }

    @ApplicationModuleListener
    void on(TenderingEvents.ProcessCancelled event) {
        if (event.wasPublic()) {
            fanOut(event.ocid(), "cancelled", "cancelled", reader -> event.reason());
        }
    }

    private void fanOut(String ocid, String changeKey, String change, Function<CurrentUser, String> detail) {
        String title = notices.notice(ocid)
                .map(ProcessView::notice)
                .map(n -> n.title())
                .orElse(ocid);
        Set<UUID> people = new LinkedHashSet<>(notices.followers(ocid));
        for (SubmittedEnvelope envelope : bids.envelopes(ocid)) {
            people.add(envelope.submittedBy());
            accounts.holders(envelope.organisationId(), Role.SUPPLIER_ADMIN).forEach(a -> people.add(a.id()));
        }
        for (UUID person : people) {
            accounts.currentUser(person)
                    .ifPresent(user ->
                            events.publishEvent(request(user, ocid, changeKey, change, title, detail.apply(user))));
        }
    }

    private NoticeMailRequested request(
            CurrentUser user, String ocid, String changeKey, String change, String title, String detail) {
        return new NoticeMailRequested(
                "notice:" + ocid + ":" + changeKey + ":" + user.id(),
                user.email(),
                user.fullName(),
                user.language(),
                baseUrl + "/notices/" + ocid,
                title,
                change,
                detail);
    }
}
