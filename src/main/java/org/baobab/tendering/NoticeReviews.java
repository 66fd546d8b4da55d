// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.baobab.tendering.StaffChecks.limit;
import static org.baobab.tendering.StaffChecks.lockForStaff;
import static org.baobab.tendering.StaffChecks.requireController;
import static org.baobab.tendering.StaffChecks.requireStatus;
import static org.baobab.tendering.StaffChecks.unknown;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.tendering.TenderingEvents.ReviewDecided;
import org.baobab.tendering.TenderingEvents.SubmittedForReview;
import org.baobab.tendering.internal.NoticeChecks;
import org.baobab.tendering.internal.ProcessStore;
import org.baobab.tendering.internal.ProcessStore.Row;
import org.baobab.tendering.internal.ProcessViews;
import org.baobab.tendering.internal.ReviewStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prior review by the control body: the authority submits a draft, a controller of the country approves it or returns
 * it with comments; every round is kept.
 */
@Service
public class NoticeReviews {

    private final ProcessStore store;
    private final ProcessViews views;
    private final ReviewStore reviews;
    private final RulePacks packs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeReviews(
            ProcessStore store,
            ProcessViews views,
            ReviewStore reviews,
            RulePacks packs,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.views = views;
        this.reviews = reviews;
        this.packs = packs;
        this.events = events;
        this.clock = clock;
    }

    /** Sends a draft to the control body for prior review (required above the pack's threshold, else voluntary). */
    @Transactional
    public void submitForReview(CurrentUser actor, UUID processId) {
        Row row = lockForStaff(store, actor, processId, Role.BUYER, Role.PRM);
        requireStatus(row, "submit", ProcessStatus.DRAFT);
        NoticeChecks.Outcome outcome = requireNoBlockingFinding(views, packs, clock, row);
        store.transition(processId, ProcessStatus.DRAFT, ProcessStatus.IN_REVIEW, clock.instant());
        reviews.insert(UUID.randomUUID(), processId, actor.email(), clock.instant());
        events.publishEvent(new SubmittedForReview(
                actor.email(), row.authorityId().toString(), row.ocid(), outcome.reviewRequired()));
    }

    /**
     * The control body's decision: approve (the PRM may then publish) or return with comments (back to draft).
     * Comments are mandatory when returning.
     */
    @Transactional
    public void decideReview(CurrentUser actor, UUID processId, boolean approve, String comments) {
        Row row = store.lock(processId).orElseThrow(() -> unknown(processId));
        UUID controlBody = requireController(actor, row.country());
        requireStatus(row, "review", ProcessStatus.IN_REVIEW);
        if (!approve && comments.isBlank()) {
            throw new BaobabException(TenderingErrorCode.REQUIRED, "comments");
        }
        String clean = limit(comments.strip());
        reviews.decide(processId, approve ? "APPROVED" : "RETURNED", clean, actor.email(), clock.instant());
        store.transition(
                processId,
                ProcessStatus.IN_REVIEW,
                approve ? ProcessStatus.APPROVED : ProcessStatus.DRAFT,
                clock.instant());
        events.publishEvent(new ReviewDecided(actor.email(), controlBody.toString(), row.ocid(), approve, clean));
    }

    /**
     * One page of the processes waiting for the controller's review, in the countries of the controller's control
     * bodies, oldest first.
     */
    @Transactional(readOnly = true)
    public SearchResult<ProcessView> reviewQueue(CurrentUser actor, int page) {
        List<String> countries = actor.memberships().stream()
                .filter(m -> m.role() == Role.CONTROLLER && m.kind() == OrganisationKind.CONTROL_BODY)
                .map(CurrentUser.Membership::country)
                .distinct()
                .toList();
        return views.inReview(countries, Math.max(page, 0), Tendering.PAGE_SIZE);
    }

    /** The checks of the process, refused when one blocks. */
    static NoticeChecks.Outcome requireNoBlockingFinding(ProcessViews views, RulePacks packs, Clock clock, Row row) {
        ProcessView view = views.view(row);
        RulePack pack = packs.pack(new CountryCode(row.country()));
        NoticeChecks.Outcome outcome =
                NoticeChecks.check(pack, view.notice(), packs.today(pack.country()), clock.instant());
        if (outcome.errors() > 0) {
            throw new BaobabException(TenderingErrorCode.CHECKS_FAILED, outcome.errors());
        }
        return outcome;
    }
}
