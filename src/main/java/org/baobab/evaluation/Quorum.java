// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.util.UUID;
import org.baobab.shared.BaobabException;

/**
 * Who may act in an evaluation, from the evaluation alone (plain Java): a member who declared no conflict sees and
 * marks the bids; once enough of them submitted their own marks (the opening committee's k, and every member free of
 * conflict), each of them acts for the committee.
 */
final class Quorum {

    private Quorum() {}

    /** A member free of conflict, declared; else {@code NOT_MEMBER} or {@code NOT_DECLARED}. */
    static Evaluation.Member evaluator(Evaluation e, UUID userId) {
        Evaluation.Member member = e.member(userId);
        if (member == null) {
            throw new BaobabException(EvaluationErrorCode.NOT_MEMBER);
        }
        if (!member.mayEvaluate()) {
            throw new BaobabException(EvaluationErrorCode.NOT_DECLARED);
        }
        return member;
    }

    /** A member who submitted their own evaluation, once enough members have: they act for the committee. */
    static Evaluation.Member settler(Evaluation e, UUID userId) {
        Evaluation.Member member = evaluator(e, userId);
        long evaluators =
                e.members().stream().filter(Evaluation.Member::mayEvaluate).count();
        long submitted = e.members().stream()
                .filter(m -> m.mayEvaluate() && m.submitted())
                .count();
        if (!member.submitted() || submitted < e.threshold() || submitted < evaluators) {
            throw new BaobabException(EvaluationErrorCode.NOT_ENOUGH_SUBMITTED, Math.max(e.threshold(), evaluators));
        }
        return member;
    }

    /** Whether every member free of conflict is among {@code approved}: the report is then approved. */
    static boolean allApproved(Evaluation e, java.util.Set<UUID> approved) {
        return e.members().stream().filter(Evaluation.Member::mayEvaluate).allMatch(m -> approved.contains(m.userId()));
    }
}
