// SPDX-License-Identifier: Apache-2.0
package org.baobab.award;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.baobab.award.Recommendation.BidderResult;
import org.baobab.award.Recommendation.LotResult;
import org.baobab.award.internal.AwardReleases;
import org.baobab.award.internal.AwardStore;
import org.baobab.award.internal.AwardStore.Row;
import org.baobab.complaints.Complaints;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Deadline;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.rules.Threshold;
import org.baobab.rules.ThresholdPurpose;
import org.baobab.rules.TimeLimit;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessStatus;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.Tendering;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The award (docs/award.md). The evaluation hands its approved {@link Recommendation} to {@link #recommend}; the PRM of
 * the process's authority publishes the provisional award (after the control body's approval when the pack's
 * {@code PRIOR_REVIEW} threshold requires it, or when the PRM asks for it), which starts the standstill counted from the
 * pack's {@value #STANDSTILL} time limit over the country's working days; each bidder is told its own outcome. Once the
 * standstill's last day is over, with no complaint pending and no suspension by the regulator, the PRM makes the award
 * final. Every step is journalled and the public ones are published as OCDS releases in their transaction.
 */
@Service
public class Awards {

    /** Pack time limit: the standstill between the provisional and the final award, from the publication. */
    public static final String STANDSTILL = "STANDSTILL";

    static final int MAX_TEXT = 8000;
    private static final Set<String> OUTCOMES = Set.of("recommended", "ranked", "rejected", "disqualified");

    private final AwardStore store;
    private final AwardReleases releases;
    private final Notices notices;
    private final Tendering tendering;
    private final Complaints complaints;
    private final RulePacks packs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Awards(
            AwardStore store,
            AwardReleases releases,
            Notices notices,
            Tendering tendering,
            Complaints complaints,
            RulePacks packs,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.releases = releases;
        this.notices = notices;
        this.tendering = tendering;
        this.complaints = complaints;
        this.packs = packs;
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
        ProcessView process = process(r.ocid());
        if (process.status() == ProcessStatus.CANCELLED) {
            throw new BaobabException(AwardErrorCode.PROCESS_CANCELLED);
        }
        validate(r);
        List<String> noticeLots = process.notice().lots().stream()
                .map(l -> String.valueOf(l.number()))
                .toList();
        for (LotResult l : r.lots()) {
            boolean known = noticeLots.isEmpty() ? l.lot().isEmpty() : noticeLots.contains(l.lot());
            if (!known) {
                throw new BaobabException(AwardErrorCode.INVALID_RECOMMENDATION, "lot " + l.lot());
            }
        }
        Optional<Row> existing = store.lock(r.ocid());
        if (existing.isPresent()) {
            String status = existing.get().status();
            if (!status.equals("RECOMMENDED") && !status.equals("IN_REVIEW") && !status.equals("APPROVED")) {
                throw new BaobabException(AwardErrorCode.ALREADY_PUBLISHED);
            }
        }
        store.save(r, process.country(), process.authorityId(), clock.instant(), existing.isPresent());
        events.publishEvent(new AwardEvents.Recommended(
                r.ocid(), r.reportId(), r.lots().size(), r.bidders().size(), existing.isPresent()));
    }

    // ---- prior review

    /**
     * The PRM sends the award to the control body before publishing it: required when the pack's prior review
     * threshold covers the awarded amount, else voluntary.
     *
     * @throws BaobabException {@code AWARD-0001} not the PRM, {@code -0003} no recommendation, {@code -0009} not in
     *     the recommended state
     */
    @Transactional
    public void submitForReview(CurrentUser actor, String ocid) {
        ProcessView process = process(ocid);
        requirePrm(actor, process);
        Row row = lock(ocid);
        requireOpen(process);
        if (!row.status().equals("RECOMMENDED")) {
            throw new BaobabException(AwardErrorCode.WRONG_STATE);
        }
        store.status(ocid, "IN_REVIEW");
        boolean required = reviewRequired(process, store.recommendation(row));
        events.publishEvent(new AwardEvents.SubmittedForReview(
                actor.email(), process.authorityId().toString(), ocid, required));
    }

    /**
     * The control body approves the award (the PRM may then publish it) or returns it with comments.
     *
     * @throws BaobabException {@code AWARD-0010} not a controller of the country's control body, {@code -0009} not
     *     in review, {@code -0013} no comments when returning
     */
    @Transactional
    public void review(CurrentUser actor, String ocid, boolean approve, String comments) {
        ProcessView process = process(ocid);
        UUID controlBody = requireController(actor, process.country());
        Row row = lock(ocid);
        if (!row.status().equals("IN_REVIEW")) {
            throw new BaobabException(AwardErrorCode.WRONG_STATE);
        }
        String clean = comments == null ? "" : comments.strip();
        if (!approve && clean.isEmpty()) {
            throw new BaobabException(AwardErrorCode.REQUIRED, "comments");
        }
        limit(clean);
        store.review(
                ocid,
                approve ? "APPROVED" : "RETURNED",
                clean,
                actor.email(),
                clock.instant(),
                approve ? "APPROVED" : "RECOMMENDED");
        events.publishEvent(new AwardEvents.Reviewed(actor.email(), controlBody.toString(), ocid, approve, clean));
    }

    // ---- the provisional and the final award

    /**
     * Publishes the provisional award: its OCDS {@code award} release, the standstill's last day, and each bidder is
     * told its own outcome (by the notifications module, from the event).
     *
     * @throws BaobabException {@code AWARD-0001} not the PRM, {@code -0003} no recommendation, {@code -0005}
     *     cancelled, {@code -0006} bids still taken, {@code -0007} suspended by the regulator, {@code -0008} prior
     *     review required and not approved, {@code -0009} in review or published already
     */
    @Transactional
    public LocalDate publishProvisional(CurrentUser actor, String ocid) {
        ProcessView process = process(ocid);
        requirePrm(actor, process);
        Row row = lock(ocid);
        requireOpen(process);
        Instant now = clock.instant();
        if (process.status() == ProcessStatus.PUBLISHED && process.openForBids(now)) {
            throw new BaobabException(AwardErrorCode.NOT_CLOSED);
        }
        if (process.status() != ProcessStatus.CLOSED && process.status() != ProcessStatus.PUBLISHED) {
            throw new BaobabException(AwardErrorCode.NOT_CLOSED);
        }
        if (!row.status().equals("RECOMMENDED") && !row.status().equals("APPROVED")) {
            throw new BaobabException(AwardErrorCode.WRONG_STATE);
        }
        if (complaints.suspended(ocid)) {
            throw new BaobabException(AwardErrorCode.SUSPENDED);
        }
        Recommendation r = store.recommendation(row);
        if (reviewRequired(process, r) && !row.status().equals("APPROVED")) {
            throw new BaobabException(AwardErrorCode.REVIEW_REQUIRED);
        }
        LocalDate today = packs.today(process.country());
        Deadline standstill = standstill(process.country(), today);
        LocalDate complainBy = complaints.fileBy(process.country(), today).lastDay();
        // never shorter than the window to complain against the award, whatever the pack says
        LocalDate ends = standstill.lastDay().isBefore(complainBy) ? complainBy : standstill.lastDay();
        store.provisional(ocid, now, actor.email(), ends, complainBy);
        releases.publish(process, r, now, "award", "pending");
        Map<String, String> winners = new LinkedHashMap<>();
        for (LotResult l : r.lots()) {
            if (l.winnerId() != null) {
                winners.put(l.lot(), l.winnerId().toString());
            }
        }
        events.publishEvent(new AwardEvents.ProvisionalPublished(
                actor.email(),
                process.authorityId().toString(),
                ocid,
                process.notice().title(),
                process.country(),
                winners,
                r.bidders().stream().map(BidderResult::companyId).distinct().toList(),
                ends,
                complainBy));
        return ends;
    }

    /**
     * Makes the provisional award final once the standstill is over (the day after its last day, in the country's
     * time), with no complaint pending and no suspension.
     *
     * @throws BaobabException {@code AWARD-0001} not the PRM, {@code -0009} not provisional, {@code -0011} the
     *     standstill is running, {@code -0007} suspended, {@code -0012} a complaint is pending, {@code -0005}
     *     cancelled
     */
    @Transactional
    public void finalise(CurrentUser actor, String ocid) {
        ProcessView process = process(ocid);
        requirePrm(actor, process);
        Row row = lock(ocid);
        requireOpen(process);
        if (!row.status().equals("PROVISIONAL") || row.standstillEnds() == null) {
            throw new BaobabException(AwardErrorCode.WRONG_STATE);
        }
        LocalDate today = packs.today(process.country());
        if (!today.isAfter(row.standstillEnds())) {
            throw new BaobabException(AwardErrorCode.STANDSTILL, row.standstillEnds());
        }
        if (complaints.suspended(ocid)) {
            throw new BaobabException(AwardErrorCode.SUSPENDED);
        }
        if (complaints.pending(ocid)) {
            throw new BaobabException(AwardErrorCode.COMPLAINT_PENDING);
        }
        Instant now = clock.instant();
        store.finalised(ocid, now, actor.email());
        releases.publish(process, store.recommendation(row), now, "awardUpdate", "active");
        events.publishEvent(
                new AwardEvents.Finalised(actor.email(), process.authorityId().toString(), ocid, row.standstillEnds()));
    }

    /**
     * Cancels the procedure at the award stage with its reason (the PRM): the process is cancelled (tendering's
     * cancellation, its OCDS release) and a published provisional award is withdrawn ({@code awardUpdate},
     * {@code cancelled}). A final award is not cancelled here.
     *
     * @throws BaobabException {@code AWARD-0001} not the PRM, {@code -0013} no reason, {@code -0005} cancelled
     *     already, {@code -0009} the award is final
     */
    @Transactional
    public void cancel(CurrentUser actor, String ocid, String reason) {
        ProcessView process = process(ocid);
        requirePrm(actor, process);
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty()) {
            throw new BaobabException(AwardErrorCode.REQUIRED, "reason");
        }
        limit(clean);
        Optional<Row> row = store.lock(ocid);
        requireOpen(process);
        if (row.isPresent() && row.get().status().equals("FINAL")) {
            throw new BaobabException(AwardErrorCode.WRONG_STATE);
        }
        tendering.cancel(actor, process.id(), clean);
        boolean published = row.isPresent() && row.get().provisionalAt() != null;
        Instant now = clock.instant();
        if (row.isPresent()) {
            store.cancelled(ocid, now, actor.email(), clean);
            if (published) {
                ProcessView cancelled = process(ocid);
                releases.publish(cancelled, store.recommendation(row.get()), now, "awardUpdate", "cancelled");
            }
        }
        events.publishEvent(
                new AwardEvents.Cancelled(actor.email(), process.authorityId().toString(), ocid, clean, published));
    }

    // ---- reading

    /** The award as the authority's staff (PRM, buyers) and the country's control body see it. */
    @Transactional(readOnly = true)
    public Optional<AwardView> forStaff(CurrentUser actor, String ocid) {
        ProcessView process = process(ocid);
        boolean staff =
                actor.hasRoleIn(process.authorityId(), Role.PRM) || actor.hasRoleIn(process.authorityId(), Role.BUYER);
        boolean controller = actor.memberships().stream()
                .anyMatch(m -> m.role() == Role.CONTROLLER
                        && m.kind() == OrganisationKind.CONTROL_BODY
                        && m.country().equals(process.country()));
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
        ProcessView process = process(ocid);
        return store.find(ocid)
                .map(row -> reviewRequired(process, store.recommendation(row)))
                .orElse(false);
    }

    /** The standstill counted from a provisional award published on {@code day} in the country. */
    public Deadline standstill(String country, LocalDate day) {
        RulePack pack = packs.pack(new CountryCode(country));
        TimeLimit limit = pack.timeLimit(STANDSTILL)
                .orElseThrow(() -> new IllegalStateException("the " + country + " pack has no " + STANDSTILL));
        return pack.lastDay(limit, day);
    }

    /** Today in the country. */
    public LocalDate today(String country) {
        return packs.today(country);
    }

    // ---- helpers

    private AwardView view(ProcessView process, Row row) {
        Recommendation r = store.recommendation(row);
        return new AwardView(
                row.ocid(),
                row.country(),
                row.status(),
                r,
                reviewRequired(process, r),
                row.reviewDecision(),
                row.reviewComments(),
                row.provisionalAt(),
                row.standstillEnds(),
                row.complainBy(),
                row.finalAt(),
                row.cancelledAt(),
                row.cancelReason());
    }

    private boolean reviewRequired(ProcessView process, Recommendation r) {
        BigDecimal total = r.lots().stream()
                .map(LotResult::amount)
                .filter(a -> a != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() <= 0) {
            return false;
        }
        RulePack pack = packs.pack(new CountryCode(process.country()));
        return pack.threshold(
                        ThresholdPurpose.PRIOR_REVIEW,
                        process.notice().classification().buyerCategory(),
                        process.notice().classification().nature(),
                        process.notice().classification().scope(),
                        total)
                .filter(Threshold::enforceable)
                .isPresent();
    }

    private static void validate(Recommendation r) {
        if (r.lots().isEmpty()) {
            throw new BaobabException(AwardErrorCode.INVALID_RECOMMENDATION, "lots");
        }
        for (LotResult l : r.lots()) {
            if (l.winnerId() != null && (l.amount() == null || l.amount().signum() <= 0 || l.winnerName() == null)) {
                throw new BaobabException(AwardErrorCode.INVALID_RECOMMENDATION, "lot " + l.lot());
            }
            if (!l.currency().matches("[A-Z]{3}")) {
                throw new BaobabException(AwardErrorCode.INVALID_RECOMMENDATION, "currency");
            }
        }
        for (BidderResult b : r.bidders()) {
            if (!OUTCOMES.contains(b.outcome())) {
                throw new BaobabException(AwardErrorCode.INVALID_RECOMMENDATION, b.outcome());
            }
            if (b.lots().stream().anyMatch(l -> l.contains(","))) {
                throw new BaobabException(AwardErrorCode.INVALID_RECOMMENDATION, "lots");
            }
        }
    }

    private ProcessView process(String ocid) {
        return notices.notice(ocid).orElseThrow(() -> new BaobabException(AwardErrorCode.NO_SUCH_PROCESS, ocid));
    }

    private Row lock(String ocid) {
        return store.lock(ocid).orElseThrow(() -> new BaobabException(AwardErrorCode.NO_RECOMMENDATION));
    }

    private static void requireOpen(ProcessView process) {
        if (process.status() == ProcessStatus.CANCELLED) {
            throw new BaobabException(AwardErrorCode.PROCESS_CANCELLED);
        }
    }

    private static void requirePrm(CurrentUser actor, ProcessView process) {
        if (!actor.hasRoleIn(process.authorityId(), Role.PRM)) {
            throw new BaobabException(AwardErrorCode.NOT_PRM);
        }
    }

    private static UUID requireController(CurrentUser actor, String country) {
        return actor.memberships().stream()
                .filter(m -> m.role() == Role.CONTROLLER
                        && m.kind() == OrganisationKind.CONTROL_BODY
                        && m.country().equals(country))
                .map(CurrentUser.Membership::organisationId)
                .findFirst()
                .orElseThrow(() -> new BaobabException(AwardErrorCode.NOT_CONTROLLER));
    }

    private static void limit(String text) {
        if (text.length() > MAX_TEXT) {
            throw new BaobabException(AwardErrorCode.REQUIRED, "length");
        }
    }
}
