// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
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
 * Each member's own marks (docs/evaluation.md): a member free of conflict marks every bid on every criterion on their
 * own, then submits; submitted marks no longer change.
 */
@Service
public class Marking {

    private final EvaluationContext context;

    Marking(EvaluationContext context) {
        this.context = context;
    }

    /** A member's own mark on one criterion: {@code passed} for pass/fail criteria, {@code points} for scored ones. */
    public record MarkInput(
            @Nullable Boolean passed, @Nullable BigDecimal points, String comment) {}

    /** A member records their own marks of one bidder (any subset of the criteria), until they submit. */
    @Transactional
    public void mark(CurrentUser actor, String ocid, UUID companyId, Map<String, MarkInput> marks) {
        EvaluationContext.Locked locked = context.lock(ocid);
        Evaluation e = locked.evaluation();
        Evaluation.Member member = Quorum.evaluator(e, actor.id());
        e.stage().require(Stage.TECHNICAL);
        if (member.submitted()) {
            throw new BaobabException(EvaluationErrorCode.ALREADY_SUBMITTED);
        }
        if (e.bidder(companyId) == null) {
            throw new BaobabException(EvaluationErrorCode.NO_SUCH_BIDDER);
        }
        Map<String, Evaluation.Criterion> byCode = new LinkedHashMap<>();
        e.criteria().forEach(c -> byCode.put(c.code(), c));
        List<Evaluation.Mark> valid = new ArrayList<>();
        for (Map.Entry<String, MarkInput> entry : marks.entrySet()) {
            Evaluation.Criterion c = byCode.get(entry.getKey());
            if (c == null) {
                throw new BaobabException(EvaluationErrorCode.BAD_MARK, entry.getKey());
            }
            MarkInput in = entry.getValue();
            Settlement.checkMark(c, in.passed(), in.points());
            String comment = in.comment().strip();
            if (comment.length() > Settlement.MAX_TEXT) {
                throw new BaobabException(EvaluationErrorCode.BAD_MARK, c.label());
            }
            valid.add(new Evaluation.Mark(
                    actor.id(), companyId, c.code(), c.scored() ? null : in.passed(), in.points(), comment));
        }
        Instant now = context.now();
        valid.forEach(m -> context.store().mark(locked.id(), m, now));
        if (!valid.isEmpty()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("position", member.position());
            payload.put("company", companyId.toString());
            Map<String, Object> given = new LinkedHashMap<>();
            valid.forEach(m -> given.put(m.code(), m.passed() != null ? m.passed() : String.valueOf(m.points())));
            payload.put("marks", given);
            context.publish(actor, "evaluation.marked", ocid, payload);
        }
    }

    /** A member submits their own evaluation once every bid is marked on every criterion; it no longer changes. */
    @Transactional
    public void submit(CurrentUser actor, String ocid) {
        EvaluationContext.Locked locked = context.lock(ocid);
        Evaluation e = locked.evaluation();
        Evaluation.Member member = Quorum.evaluator(e, actor.id());
        e.stage().require(Stage.TECHNICAL);
        if (member.submitted()) {
            throw new BaobabException(EvaluationErrorCode.ALREADY_SUBMITTED);
        }
        Map<UUID, Map<String, Evaluation.Mark>> mine = e.marksOf(actor.id());
        for (Evaluation.Bidder b : e.bidders()) {
            for (Evaluation.Criterion c : e.criteria()) {
                if (!mine.getOrDefault(b.companyId(), Map.of()).containsKey(c.code())) {
                    throw new BaobabException(EvaluationErrorCode.INCOMPLETE, b.name() + " — " + c.label());
                }
            }
        }
        context.store().submit(locked.id(), actor.id(), context.now());
        context.publish(actor, "evaluation.submitted", ocid, Map.of("position", member.position()));
    }
}
