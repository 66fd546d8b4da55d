// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.baobab.shared.BaobabException;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the marks, from the evaluation alone (plain Java): a valid mark for a criterion, the marks the members
 * who submitted gave, whether they disagree, and whether a settled mark departs from theirs.
 */
final class Settlement {

    static final int MAX_TEXT = 2000;

    private Settlement() {}

    /** Refuses a mark the criterion does not take: points within its maximum, or pass/fail. */
    static void checkMark(Evaluation.Criterion c, @Nullable Boolean passed, @Nullable BigDecimal points) {
        if (c.scored()) {
            BigDecimal max = Objects.requireNonNull(c.maxPoints());
            if (points == null || points.signum() < 0 || points.compareTo(max) > 0) {
                throw new BaobabException(EvaluationErrorCode.BAD_MARK, c.label());
            }
        } else if (passed == null) {
            throw new BaobabException(EvaluationErrorCode.BAD_MARK, c.label());
        }
    }

    /** The marks given to a bid on a criterion by the members free of conflict who submitted. */
    static List<Evaluation.Mark> submittedMarks(Evaluation e, UUID companyId, String code) {
        Set<UUID> submitted = e.members().stream()
                .filter(m -> m.mayEvaluate() && m.submitted())
                .map(Evaluation.Member::userId)
                .collect(Collectors.toSet());
        return e.marks().stream()
                .filter(m -> submitted.contains(m.userId())
                        && m.companyId().equals(companyId)
                        && m.code().equals(code))
                .toList();
    }

    /** Whether the members gave different marks. */
    static boolean disagree(Evaluation.Criterion c, List<Evaluation.Mark> marks) {
        return distinct(c, marks) > 1;
    }

    /** Whether the members gave one and the same mark (at least one of them). */
    static boolean agree(Evaluation.Criterion c, List<Evaluation.Mark> marks) {
        return !marks.isEmpty() && distinct(c, marks) == 1;
    }

    /** Whether a mark differs from one the members gave. */
    static boolean departs(
            Evaluation.Criterion c,
            List<Evaluation.Mark> marks,
            @Nullable Boolean passed,
            @Nullable BigDecimal points) {
        String settled = key(c, passed, points);
        return marks.stream().anyMatch(m -> !key(c, m.passed(), m.points()).equals(settled));
    }

    private static long distinct(Evaluation.Criterion c, List<Evaluation.Mark> marks) {
        return marks.stream()
                .map(m -> key(c, m.passed(), m.points()))
                .distinct()
                .count();
    }

    /** A mark as compared: its points without trailing zeros, or pass/fail. */
    private static String key(Evaluation.Criterion c, @Nullable Boolean passed, @Nullable BigDecimal points) {
        return c.scored()
                ? (points == null ? "-" : points.stripTrailingZeros().toPlainString())
                : String.valueOf(passed);
    }
}
