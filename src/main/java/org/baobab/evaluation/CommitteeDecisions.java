// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee's decisions on the technical stage (docs/evaluation.md): once enough members submitted their own marks,
 * the committee settles each mark, giving a reason where members disagreed or where it departs from theirs (the
 * members' own marks are kept), then closes the technical stage.
 */
@Service
public class CommitteeDecisions {

    private final EvaluationContext context;

    CommitteeDecisions(EvaluationContext context) {
        this.context = context;
    }

    /**
     * The committee settles a bid's mark on a criterion. A reason is required where the members who submitted gave
     * different marks, or where the settled mark is not one of theirs.
     */
    @Transactional
    public void settle(
            CurrentUser actor,
            String ocid,
            UUID companyId,
            String code,
            @Nullable Boolean passed,
            @Nullable BigDecimal points,
            String reason) {
        EvaluationContext.Locked locked = context.lock(ocid);
        Evaluation e = locked.evaluation();
        Quorum.settler(e, actor.id());
        e.stage().require(Stage.TECHNICAL);
        if (e.bidder(companyId) == null) {
            throw new BaobabException(EvaluationErrorCode.NO_SUCH_BIDDER);
        }
        Evaluation.Criterion c = e.criteria().stream()
                .filter(x -> x.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new BaobabException(EvaluationErrorCode.BAD_MARK, code));
        Settlement.checkMark(c, passed, points);
        List<Evaluation.Mark> theirs = Settlement.submittedMarks(e, companyId, code);
        boolean disagreement = Settlement.disagree(c, theirs);
        boolean departs = Settlement.departs(c, theirs, passed, points);
        String why = reason.strip();
        if (why.length() > Settlement.MAX_TEXT) {
            throw new BaobabException(EvaluationErrorCode.BAD_MARK, c.label());
        }
        if ((disagreement || departs) && why.isEmpty()) {
            throw new BaobabException(EvaluationErrorCode.REASON_REQUIRED);
        }
        context.store()
                .settle(
                        locked.id(),
                        new Evaluation.Settled(
                                companyId,
                                code,
                                c.scored() ? null : passed,
                                c.scored() ? points : null,
                                why,
                                disagreement,
                                actor.email()),
                        context.now());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("company", companyId.toString());
        payload.put("criterion", code);
        payload.put("mark", c.scored() ? String.valueOf(points) : passed);
        payload.put("disagreement", disagreement);
        payload.put("reason", why);
        context.publish(actor, "evaluation.settled", ocid, payload);
    }

    /** Settles at once every mark on which all the members who submitted agree (no reason needed). */
    @Transactional
    public int settleAgreed(CurrentUser actor, String ocid) {
        EvaluationContext.Locked locked = context.lock(ocid);
        Evaluation e = locked.evaluation();
        Quorum.settler(e, actor.id());
        e.stage().require(Stage.TECHNICAL);
        Instant now = context.now();
        int settled = 0;
        for (Evaluation.Bidder b : e.bidders()) {
            for (Evaluation.Criterion c : e.criteria()) {
                if (e.settled(b.companyId(), c.code()) != null) {
                    continue;
                }
                List<Evaluation.Mark> theirs = Settlement.submittedMarks(e, b.companyId(), c.code());
                if (!Settlement.agree(c, theirs)) {
                    continue;
                }
                Evaluation.Mark m = theirs.get(0);
                context.store()
                        .settle(
                                locked.id(),
                                new Evaluation.Settled(
                                        b.companyId(), c.code(), m.passed(), m.points(), "", false, actor.email()),
                                now);
                settled++;
            }
        }
        if (settled > 0) {
            context.publish(actor, "evaluation.settled-agreed", ocid, Map.of("marks", settled));
        }
        return settled;
    }

    /**
     * Closes the technical stage once every mark is settled: single-envelope evaluations go on to the prices; in a
     * two-envelope procedure the PRM opens the qualified bidders' financial envelopes next.
     */
    @Transactional
    public void closeTechnical(CurrentUser actor, String ocid) {
        EvaluationContext.Locked locked = context.lock(ocid);
        Evaluation e = locked.evaluation();
        Quorum.settler(e, actor.id());
        e.stage().require(Stage.TECHNICAL);
        for (Evaluation.Bidder b : e.bidders()) {
            for (Evaluation.Criterion c : e.criteria()) {
                if (e.settled(b.companyId(), c.code()) == null) {
                    throw new BaobabException(EvaluationErrorCode.INCOMPLETE, b.name() + " — " + c.label());
                }
            }
        }
        context.stage(locked, e.stage().closeTechnical(e.twoStage()));
        List<String> qualified = e.bidders().stream()
                .filter(b -> ResultCalculator.qualified(e, b))
                .map(b -> b.companyId().toString())
                .toList();
        context.publish(actor, "evaluation.technical-settled", ocid, Map.of("qualified", qualified));
    }
}
