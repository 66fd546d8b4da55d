// SPDX-License-Identifier: Apache-2.0
package org.baobab.award;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baobab.award.Recommendation.BidderResult;
import org.baobab.award.internal.AwardStore;
import org.baobab.award.internal.AwardStore.Row;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Deadline;
import org.baobab.shared.BaobabException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessStatus;
import org.baobab.tendering.ProcessView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The award (docs/award.md): the evaluation hands its approved {@link Recommendation} to {@link #recommend}, and the
 * award is read here by the authority's staff, the control body, the bidders and the public. The commands on it are
 * the use cases': {@link PriorReviews} (the control body's review, where the pack's {@code PRIOR_REVIEW} threshold
 * requires it or the PRM asks for it) and {@link AwardDecisions} (the provisional award, which starts the standstill
 * counted from the pack's {@value #STANDSTILL} time limit over the country's working days; the final award; the
 * cancellation). The statuses and their moves are plain Java ({@link AwardStatus}), and so are the checks and the
 * arithmetic ({@link AwardRules}).
 */
@Service
public class Awards {

    /** Pack time limit: the standstill between the provisional and the final award, from the publication. */
    public static final String STANDSTILL = "STANDSTILL";

    private final AwardContext context;
    private final AwardStore store;
    private final Notices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Awards(AwardContext context, Notices notices, ApplicationEventPublisher events, Clock clock) {
        this.context = context;
        this.store = context.store();
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    // ---- the evaluation

    /**
     * Records the recommendation of an approved evaluation report, in the caller's transaction. A later one for the
     * same process replaces it until the provisional award is published (a returned prior review starts again).
     *
     * @throws BaobabException {@code AWARD-0002} no such published process, {@code -0005} the process is cancelled,
     *     {@code -0004} the provisional award is published already, {@code -0014} an incomplete recommendation, or a
     *     lot the notice does not have
     */
    @Transactional
    public void recommend(Recommendation r) {
        ProcessView process = context.process(r.ocid());
        if (process.status() == ProcessStatus.CANCELLED) {
            throw new BaobabException(AwardErrorCode.PROCESS_CANCELLED);
        }
        AwardRules.validate(
                r,
                process.notice().lots().stream()
                        .map(l -> String.valueOf(l.number()))
                        .toList());
        Optional<Row> existing = store.lock(r.ocid());
        existing.map(AwardContext::status).ifPresent(AwardStatus::recommendAgain);
        store.save(r, process.country(), process.authorityId(), clock.instant(), existing.isPresent());
        events.publishEvent(new AwardEvents.Recommended(
                r.ocid(), r.reportId(), r.lots().size(), r.bidders().size(), existing.isPresent()));
    }

    // ---- reading

    /** The award as the authority's staff (PRM, buyers) and the country's control body see it. */
    @Transactional(readOnly = true)
    public Optional<AwardView> forStaff(CurrentUser actor, String ocid) {
        ProcessView process = context.process(ocid);
        boolean staff =
                actor.hasRoleIn(process.authorityId(), Role.PRM) || actor.hasRoleIn(process.authorityId(), Role.BUYER);
        boolean controller = actor.controlBodyFor(process.country()).isPresent();
        if (!staff && !controller) {
            throw new BaobabException(AwardErrorCode.NOT_PRM);
        }
        return store.find(ocid).map(row -> view(process, row));
    }

    /**
     * The awards waiting for the controller's prior review, in the countries of the controller's control bodies.
     *
     * @throws BaobabException {@code AWARD-0010} not a controller
     */
    @Transactional(readOnly = true)
    public List<ProcessView> reviewQueue(CurrentUser actor) {
        List<String> countries = actor.memberships().stream()
                .filter(m -> m.role() == Role.CONTROLLER && m.kind() == OrganisationKind.CONTROL_BODY)
                .map(CurrentUser.Membership::country)
                .distinct()
                .toList();
        if (countries.isEmpty()) {
            throw new BaobabException(AwardErrorCode.NOT_CONTROLLER);
        }
        return store.inReview(countries).stream()
                .map(notices::notice)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The published award (provisional, final, or cancelled after publication) as the public sees it. */
    @Transactional(readOnly = true)
    public Optional<AwardView> published(String ocid) {
        return store.find(ocid)
                .filter(row -> row.provisionalAt() != null)
                .flatMap(row -> notices.notice(ocid).map(p -> view(p, row).forPublic()));
    }

    /**
     * A bidder's own result, once the provisional award is published: its outcome, rank and reasons, never another
     * bidder's. For the notifications module and the bidder's page (which checks the reader's membership).
     */
    @Transactional(readOnly = true)
    public Optional<BidderResult> resultOf(String ocid, UUID companyId) {
        return store.find(ocid)
                .filter(row -> row.provisionalAt() != null)
                .flatMap(row -> store.recommendation(row).bidders().stream()
                        .filter(b -> b.companyId().equals(companyId))
                        .findFirst());
    }

    /**
     * The results of the companies the actor belongs to, once the provisional award is published.
     *
     * @throws BaobabException {@code AWARD-0015} none of the actor's companies bid, or nothing is published yet
     */
    @Transactional(readOnly = true)
    public List<BidderResult> mine(CurrentUser actor, String ocid) {
        List<BidderResult> mine = actor.memberships().stream()
                .filter(m -> m.kind() == OrganisationKind.SUPPLIER)
                // a membership per role: an admin who also signs is one company, told once
                .map(CurrentUser.Membership::organisationId)
                .distinct()
                .map(company -> resultOf(ocid, company))
                .flatMap(Optional::stream)
                .toList();
        if (mine.isEmpty()) {
            throw new BaobabException(AwardErrorCode.NOT_A_BIDDER);
        }
        return mine;
    }

    /** Whether the pack's prior review threshold requires the control body's approval for this award. */
    @Transactional(readOnly = true)
    public boolean reviewRequired(String ocid) {
        ProcessView process = context.process(ocid);
        return store.find(ocid)
                .map(row -> context.reviewRequired(process, store.recommendation(row)))
                .orElse(false);
    }

    /** The standstill counted from a provisional award published on {@code day} in the country. */
    public Deadline standstill(String country, LocalDate day) {
        return context.standstill(country, day);
    }

    /** Today in the country. */
    public LocalDate today(String country) {
        return context.today(country);
    }

    // ---- helpers

    private AwardView view(ProcessView process, Row row) {
        Recommendation r = store.recommendation(row);
        return new AwardView(
                row.ocid(),
                row.country(),
                row.status(),
                r,
                context.reviewRequired(process, r),
                row.reviewDecision(),
                row.reviewComments(),
                row.provisionalAt(),
                row.standstillEnds(),
                row.complainBy(),
                row.finalAt(),
                row.cancelledAt(),
                row.cancelReason());
    }
}
