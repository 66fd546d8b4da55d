// SPDX-License-Identifier: Apache-2.0
package org.baobab.award;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.baobab.award.Recommendation.BidderResult;
import org.baobab.award.Recommendation.LotResult;
import org.baobab.award.internal.AwardReleases;
import org.baobab.award.internal.AwardStore.Row;
import org.baobab.complaints.Complaints;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Deadline;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.ProcessStatus;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.Tendering;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PRM's decisions on the award (docs/award.md): publishing the provisional award (after the control body's
 * approval where required), which starts the standstill and tells each bidder its own outcome; making it final once
 * the standstill is over with no complaint pending and no suspension; or cancelling the procedure at the award stage.
 * The public steps are published as OCDS releases in their transaction.
 */
@Service
public class AwardDecisions {

    private final AwardContext context;
    private final AwardReleases releases;
    private final Tendering tendering;
    private final Complaints complaints;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AwardDecisions(
            AwardContext context,
            AwardReleases releases,
            Tendering tendering,
            Complaints complaints,
            ApplicationEventPublisher events,
            Clock clock) {
        this.context = context;
        this.releases = releases;
        this.tendering = tendering;
        this.complaints = complaints;
        this.events = events;
        this.clock = clock;
    }

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
        ProcessView process = context.process(ocid);
        AwardContext.requirePrm(actor, process);
        Row row = context.lock(ocid);
        AwardContext.requireOpen(process);
        Instant now = clock.instant();
        if (process.status() == ProcessStatus.PUBLISHED && process.openForBids(now)) {
            throw new BaobabException(AwardErrorCode.NOT_CLOSED);
        }
        if (process.status() != ProcessStatus.CLOSED && process.status() != ProcessStatus.PUBLISHED) {
            throw new BaobabException(AwardErrorCode.NOT_CLOSED);
        }
        AwardStatus status = AwardContext.status(row);
        status.publishProvisional();
        if (complaints.suspended(ocid)) {
            throw new BaobabException(AwardErrorCode.SUSPENDED);
        }
        Recommendation r = context.store().recommendation(row);
        if (context.reviewRequired(process, r) && !status.approvedInReview()) {
            throw new BaobabException(AwardErrorCode.REVIEW_REQUIRED);
        }
        LocalDate today = context.today(process.country());
        Deadline standstill = context.standstill(process.country(), today);
        LocalDate complainBy = complaints.fileBy(process.country(), today).lastDay();
        LocalDate ends = AwardRules.standstillEnds(standstill.lastDay(), complainBy);
        context.store().provisional(ocid, now, actor.email(), ends, complainBy);
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
        ProcessView process = context.process(ocid);
        AwardContext.requirePrm(actor, process);
        Row row = context.lock(ocid);
        AwardContext.requireOpen(process);
        AwardContext.status(row).finalise();
        LocalDate standstillEnds = row.standstillEnds();
        if (standstillEnds == null) {
            throw new BaobabException(AwardErrorCode.WRONG_STATE);
        }
        LocalDate today = context.today(process.country());
        if (!today.isAfter(standstillEnds)) {
            throw new BaobabException(AwardErrorCode.STANDSTILL, standstillEnds);
        }
        if (complaints.suspended(ocid)) {
            throw new BaobabException(AwardErrorCode.SUSPENDED);
        }
        if (complaints.pending(ocid)) {
            throw new BaobabException(AwardErrorCode.COMPLAINT_PENDING);
        }
        Instant now = clock.instant();
        context.store().finalised(ocid, now, actor.email());
        releases.publish(process, context.store().recommendation(row), now, "awardUpdate", "active");
        events.publishEvent(
                new AwardEvents.Finalised(actor.email(), process.authorityId().toString(), ocid, standstillEnds));
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
        ProcessView process = context.process(ocid);
        AwardContext.requirePrm(actor, process);
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty()) {
            throw new BaobabException(AwardErrorCode.REQUIRED, "reason");
        }
        AwardRules.limit(clean);
        Optional<Row> row = context.store().lock(ocid);
        AwardContext.requireOpen(process);
        row.map(AwardContext::status).ifPresent(AwardStatus::cancel);
        tendering.cancel(actor, process.id(), clean);
        boolean published = row.isPresent() && row.get().provisionalAt() != null;
        Instant now = clock.instant();
        if (row.isPresent()) {
            context.store().cancelled(ocid, now, actor.email(), clean);
            if (published) {
                ProcessView cancelled = context.process(ocid);
                releases.publish(cancelled, context.store().recommendation(row.get()), now, "awardUpdate", "cancelled");
            }
        }
        events.publishEvent(
                new AwardEvents.Cancelled(actor.email(), process.authorityId().toString(), ocid, clean, published));
    }
}
