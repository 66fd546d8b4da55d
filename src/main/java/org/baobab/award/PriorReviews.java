// SPDX-License-Identifier: Apache-2.0
package org.baobab.award;

import java.time.Clock;
import java.util.UUID;
import org.baobab.award.internal.AwardStore.Row;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.ProcessView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The control body's prior review of an award (docs/award.md): the PRM sends it, required when the pack's
 * {@code PRIOR_REVIEW} threshold covers the amount awarded, else voluntary; the control body approves it or returns it
 * with comments.
 */
@Service
public class PriorReviews {

    private final AwardContext context;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PriorReviews(AwardContext context, ApplicationEventPublisher events, Clock clock) {
        this.context = context;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The PRM sends the award to the control body before publishing it: required when the pack's prior review
     * threshold covers the awarded amount, else voluntary.
     *
     * @throws BaobabException {@code AWARD-0001} not the PRM, {@code -0003} no recommendation, {@code -0009} not in
     *     the recommended state
     */
    @Transactional
    public void submitForReview(CurrentUser actor, String ocid) {
        ProcessView process = context.process(ocid);
        AwardContext.requirePrm(actor, process);
        Row row = context.lock(ocid);
        AwardContext.requireOpen(process);
        AwardStatus next = AwardContext.status(row).submitForReview();
        context.store().status(ocid, next.name());
        boolean required = context.reviewRequired(process, context.store().recommendation(row));
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
        ProcessView process = context.process(ocid);
        UUID controlBody = AwardContext.requireController(actor, process.country());
        Row row = context.lock(ocid);
        AwardStatus next = AwardContext.status(row).review(approve);
        String clean = comments == null ? "" : comments.strip();
        if (!approve && clean.isEmpty()) {
            throw new BaobabException(AwardErrorCode.REQUIRED, "comments");
        }
        AwardRules.limit(clean);
        context.store()
                .review(ocid, approve ? "APPROVED" : "RETURNED", clean, actor.email(), clock.instant(), next.name());
        events.publishEvent(new AwardEvents.Reviewed(actor.email(), controlBody.toString(), ocid, approve, clean));
    }
}
