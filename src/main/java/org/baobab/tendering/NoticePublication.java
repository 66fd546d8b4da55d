// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.baobab.tendering.StaffChecks.limit;
import static org.baobab.tendering.StaffChecks.lockForStaff;
import static org.baobab.tendering.StaffChecks.requireStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.shared.Role;
import org.baobab.tendering.TenderingEvents.AddendumPublished;
import org.baobab.tendering.TenderingEvents.NoticePublished;
import org.baobab.tendering.TenderingEvents.ProcessCancelled;
import org.baobab.tendering.TenderingEvents.SubmissionClosed;
import org.baobab.tendering.internal.AddendumStore;
import org.baobab.tendering.internal.NoticeChecks;
import org.baobab.tendering.internal.OcdsPublication;
import org.baobab.tendering.internal.ProcessStore;
import org.baobab.tendering.internal.ProcessStore.Row;
import org.baobab.tendering.internal.ProcessViews;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public life of a notice: its publication (PRM only, with its OCDS release), addenda, cancellation, the
 * reminders before its deadline and its closing at the deadline.
 */
@Service
public class NoticePublication {

    private final ProcessStore store;
    private final ProcessViews views;
    private final AddendumStore addenda;
    private final NoticeDrafting drafting;
    private final RulePacks packs;
    private final OcdsPublication ocds;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticePublication(
            ProcessStore store,
            ProcessViews views,
            AddendumStore addenda,
            NoticeDrafting drafting,
            RulePacks packs,
            OcdsPublication ocds,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.views = views;
        this.addenda = addenda;
        this.drafting = drafting;
        this.packs = packs;
        this.ocds = ocds;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Publishes the notice (PRM only): it becomes public, searchable and open for bids, and its OCDS tender release is
     * published in the same transaction.
     */
    @Transactional
    public void publish(CurrentUser actor, UUID processId) {
        Row row = lockForStaff(store, actor, processId, Role.PRM);
        requireStatus(row, "publish", ProcessStatus.DRAFT, ProcessStatus.APPROVED);
        NoticeChecks.Outcome outcome = NoticeReviews.requireNoBlockingFinding(views, packs, clock, row);
        if ((row.reviewRequired() || outcome.reviewRequired()) && row.status() != ProcessStatus.APPROVED) {
            throw new BaobabException(TenderingErrorCode.REVIEW_REQUIRED);
        }
        long gated = drafting.gateFindings(views.view(row)).stream()
                .filter(Finding::blocking)
                .count();
        if (gated > 0) {
            throw new BaobabException(TenderingErrorCode.CHECKS_FAILED, gated);
        }
        Instant now = clock.instant();
        store.transition(processId, row.status(), ProcessStatus.PUBLISHED, now);
        store.markPublished(processId, now);
        ProcessView published = views.view(processId).orElseThrow();
        ocds.published(published, packs.pack(new CountryCode(row.country())));
        events.publishEvent(new NoticePublished(
                actor.email(),
                row.authorityId().toString(),
                row.ocid(),
                published.notice().title(),
                published.notice().dates().submissionDeadline(),
                packs.pack(new CountryCode(row.country())).mainText().name().fr()));
    }

    /**
     * Publishes an addendum to a published notice before its deadline (PRM only). A new deadline must be later than
     * the current one, and the opening follows it when it would otherwise precede it. Returns the addendum number.
     */
    @Transactional
    public int publishAddendum(CurrentUser actor, UUID processId, Tendering.AddendumRequest request) {
        Row row = lockForStaff(store, actor, processId, Role.PRM);
        requireStatus(row, "addendum", ProcessStatus.PUBLISHED);
        Instant now = clock.instant();
        Instant deadline = Objects.requireNonNull(row.notice().dates().submissionDeadline());
        if (!deadline.isAfter(now)) {
            throw new BaobabException(TenderingErrorCode.DEADLINE_PASSED);
        }
        if (request.description().isBlank()) {
            throw new BaobabException(TenderingErrorCode.REQUIRED, "description");
        }
        Instant newDeadline = request.newDeadline();
        if (newDeadline != null && !newDeadline.isAfter(deadline)) {
            // the deadline as the buyer reads it: in the country's time zone, formatted in the reader's language
            throw new BaobabException(
                    TenderingErrorCode.DEADLINE_NOT_LATER, deadline.atZone(packs.zone(row.country())));
        }
        Instant newOpening = request.newOpeningAt();
        Instant effectiveDeadline = newDeadline == null ? deadline : newDeadline;
        Instant opening = newOpening != null ? newOpening : row.notice().dates().openingAt();
        if (opening != null && opening.isBefore(effectiveDeadline)) {
            if (newOpening != null) {
                throw new BaobabException(TenderingErrorCode.INVALID_VALUE, newOpening);
            }
            newOpening = effectiveDeadline;
        }
        int number = addenda.nextNumber(processId);
        ProcessView.Addendum addendum = new ProcessView.Addendum(
                number, limit(request.description().strip()), deadline, newDeadline, newOpening, now);
        addenda.insert(processId, addendum, actor.email());
        store.moveDeadlines(processId, newDeadline, newOpening, now);
        if (request.document() != null) {
            drafting.attach(
                    actor,
                    row,
                    request.document(),
                    request.fileName() == null ? "addendum" : request.fileName(),
                    request.contentType(),
                    request.documentTitle() == null ? "" : request.documentTitle(),
                    "clarifications",
                    number);
        }
        ProcessView view = views.view(processId).orElseThrow();
        ocds.amended(view, number, packs.pack(new CountryCode(row.country())));
        events.publishEvent(new AddendumPublished(
                actor.email(), row.authorityId().toString(), row.ocid(), number, addendum.description(), newDeadline));
        return number;
    }

    /** Cancels a process with a reason (PRM only); a published one stays public, marked cancelled. */
    @Transactional
    public void cancel(CurrentUser actor, UUID processId, String reason) {
        Row row = lockForStaff(store, actor, processId, Role.PRM);
        requireStatus(
                row,
                "cancel",
                ProcessStatus.DRAFT,
                ProcessStatus.IN_REVIEW,
                ProcessStatus.APPROVED,
                ProcessStatus.PUBLISHED,
                ProcessStatus.CLOSED);
        if (reason.isBlank()) {
            throw new BaobabException(TenderingErrorCode.REQUIRED, "reason");
        }
        String clean = limit(reason.strip());
        Instant now = clock.instant();
        store.transition(processId, row.status(), ProcessStatus.CANCELLED, now);
        store.markCancelled(processId, clean, now);
        boolean wasPublic = row.publishedAt() != null;
        if (wasPublic) {
            ocds.cancelled(views.view(processId).orElseThrow(), packs.pack(new CountryCode(row.country())));
        }
        events.publishEvent(
                new ProcessCancelled(actor.email(), row.authorityId().toString(), row.ocid(), clean, wasPublic));
    }

    /**
     * Announces the published notices whose deadline is {@link Tendering#DEADLINE_REMINDER} away or less, once per deadline
     * (run every hour by a job). Returns how many.
     */
    @Transactional
    public int remindDeadlines() {
        Instant now = clock.instant();
        var due = store.dueForReminder(now, now.plus(Tendering.DEADLINE_REMINDER));
        for (var d : due) {
            store.markReminded(d.id(), d.deadline());
            events.publishEvent(new TenderingEvents.DeadlineApproaching(d.ocid(), d.country(), d.deadline()));
        }
        return due.size();
    }

    /**
     * Closes the published processes whose submission deadline has passed (run every minute by a job; the deadline
     * itself is enforced on the server clock whether or not the job has run). Returns how many were closed.
     */
    @Transactional
    public int closeDue() {
        Instant now = clock.instant();
        int closed = 0;
        for (UUID id : store.dueForClosing(now)) {
            Row row = store.lock(id).orElseThrow();
            if (row.status() != ProcessStatus.PUBLISHED
                    || row.notice().dates().submissionDeadline() == null
                    || row.notice().dates().submissionDeadline().isAfter(now)) {
                continue;
            }
            store.transition(id, ProcessStatus.PUBLISHED, ProcessStatus.CLOSED, now);
            store.markClosed(id, now);
            events.publishEvent(
                    new SubmissionClosed(row.ocid(), row.notice().dates().submissionDeadline()));
            closed++;
        }
        return closed;
    }
}
