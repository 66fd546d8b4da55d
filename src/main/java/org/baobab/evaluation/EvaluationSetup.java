// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.baobab.shared.BaobabException;
import org.jspecify.annotations.Nullable;

/**
 * What the PRM fixes when the evaluation starts ({@link EvaluationStart#start}), and its checks against the notice's
 * award method (plain Java). Every refusal is {@code EVALUATION-0008} ({@link EvaluationErrorCode#BAD_CRITERIA}).
 *
 * @param technicalWeight {@code ratedCriteria} only: the technical score's weight in percent (e.g. 80)
 * @param passMark the technical score out of 100 a bid needs when criteria are scored
 * @param lowBidPercent how far below the mean a price is flagged abnormally low; null for the default
 */
public record EvaluationSetup(
        List<TechnicalCriterion> technical,
        @Nullable Integer technicalWeight,
        @Nullable BigDecimal passMark,
        @Nullable BigDecimal lowBidPercent) {

    /** The default share below the mean of a lot's prices from which a price is flagged abnormally low. */
    public static final BigDecimal DEFAULT_LOW_BID_PERCENT = BigDecimal.valueOf(15);

    static final int MAX_CRITERIA = 20;

    public EvaluationSetup {
        technical = List.copyOf(technical);
    }

    /** A technical criterion the PRM sets from the notice: pass/fail, or scored out of {@code maxPoints}. */
    public record TechnicalCriterion(
            String label, boolean scored, @Nullable BigDecimal maxPoints) {}

    /** The technical criteria, numbered {@code T1}, {@code T2}…, each checked. */
    List<Evaluation.Criterion> technicalCriteria() {
        if (technical.size() > MAX_CRITERIA) {
            throw bad();
        }
        List<Evaluation.Criterion> criteria = new ArrayList<>();
        int n = 0;
        for (TechnicalCriterion t : technical) {
            String label = t.label().strip();
            if (label.isEmpty() || label.length() > 300) {
                throw bad();
            }
            BigDecimal max = t.maxPoints();
            if (t.scored() && (max == null || max.signum() <= 0 || max.compareTo(BigDecimal.valueOf(1000)) > 0)) {
                throw bad();
            }
            n++;
            criteria.add(
                    new Evaluation.Criterion("T" + n, t.scored() ? "score" : "pass", label, t.scored() ? max : null));
        }
        return criteria;
    }

    /**
     * Checks the weight and the pass mark against the award method: {@code ratedCriteria} needs scored criteria and a
     * weight from 50 to 95, {@code qualityOnly} scored criteria and no weight, a price method neither; a pass mark
     * (0 to 100) goes with scored criteria only.
     */
    void check(String method, List<Evaluation.Criterion> criteria) {
        boolean anyScored = criteria.stream().anyMatch(Evaluation.Criterion::scored);
        Integer weight = technicalWeight;
        switch (method) {
            case "ratedCriteria" -> {
                if (!anyScored || weight == null || weight < 50 || weight > 95) {
                    throw bad();
                }
            }
            case "qualityOnly" -> {
                if (!anyScored || weight != null) {
                    throw bad();
                }
            }
            default -> {
                if (anyScored || weight != null) {
                    throw bad();
                }
            }
        }
        if (anyScored != (passMark != null)
                || (passMark != null && (passMark.signum() < 0 || passMark.compareTo(BigDecimal.valueOf(100)) > 0))) {
            throw bad();
        }
    }

    /** The share below the mean from which a price is abnormally low: the default, or 1 to 90. */
    BigDecimal lowBid() {
        BigDecimal low = lowBidPercent == null ? DEFAULT_LOW_BID_PERCENT : lowBidPercent;
        if (low.compareTo(BigDecimal.ONE) < 0 || low.compareTo(BigDecimal.valueOf(90)) > 0) {
            throw bad();
        }
        return low;
    }

    private static BaobabException bad() {
        return new BaobabException(EvaluationErrorCode.BAD_CRITERIA);
    }
}
