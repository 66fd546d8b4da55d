// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baobab.evaluation.EvaluationExamples.A;
import static org.baobab.evaluation.EvaluationExamples.FORM;
import static org.baobab.evaluation.EvaluationExamples.ONE;
import static org.baobab.evaluation.EvaluationExamples.THREE;
import static org.baobab.evaluation.EvaluationExamples.TWO;
import static org.baobab.evaluation.EvaluationExamples.bidders;
import static org.baobab.evaluation.EvaluationExamples.d;
import static org.baobab.evaluation.EvaluationExamples.evaluation;
import static org.baobab.evaluation.EvaluationExamples.mark;
import static org.baobab.evaluation.EvaluationExamples.member;
import static org.baobab.evaluation.EvaluationExamples.scored;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.baobab.shared.BaobabException;
import org.junit.jupiter.api.Test;

/** Who may act for the committee, and the rules of the marks and the setup, without Spring or a database. */
class SettlementTests {

    private static final UUID OUTSIDER = UUID.fromString("00000000-0000-0000-0000-000000000009");

    private static EvaluationErrorCode code(Throwable e) {
        return (EvaluationErrorCode) ((BaobabException) e).errorCode();
    }

    private static Evaluation committee(List<Evaluation.Member> members, List<Evaluation.Mark> marks) {
        return evaluation(
                "qualityOnly",
                false,
                null,
                d("70"),
                Stage.TECHNICAL,
                2,
                List.of(FORM, scored("T1", "10")),
                members,
                bidders(A),
                marks,
                List.of(),
                List.of());
    }

    @Test
    void aMemberActsForTheCommitteeOnlyOnceEveryMemberFreeOfConflictAndAtLeastKSubmitted() {
        Evaluation twoOfThree = committee(
                List.of(
                        member(ONE, 1, true, false, true),
                        member(TWO, 2, true, false, false),
                        member(THREE, 3, true, true, false)),
                List.of());
        assertThat(Quorum.evaluator(twoOfThree, TWO).position()).isEqualTo(2);
        assertThatThrownBy(() -> Quorum.evaluator(twoOfThree, THREE))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.NOT_DECLARED));
        assertThatThrownBy(() -> Quorum.evaluator(twoOfThree, OUTSIDER))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.NOT_MEMBER));
        // member 2 has not submitted: member 1 may not settle yet
        assertThatThrownBy(() -> Quorum.settler(twoOfThree, ONE))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.NOT_ENOUGH_SUBMITTED));

        Evaluation both = committee(
                List.of(
                        member(ONE, 1, true, false, true),
                        member(TWO, 2, true, false, true),
                        member(THREE, 3, true, true, false)),
                List.of());
        assertThat(Quorum.settler(both, ONE).position()).isEqualTo(1);
        assertThat(Quorum.allApproved(both, Set.of(ONE))).isFalse();
        assertThat(Quorum.allApproved(both, Set.of(ONE, TWO))).isTrue();

        Evaluation alone =
                committee(List.of(member(ONE, 1, true, false, true), member(TWO, 2, false, false, false)), List.of());
        // one member free of conflict submitted, but the committee's k is 2
        assertThatThrownBy(() -> Quorum.settler(alone, ONE))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.NOT_ENOUGH_SUBMITTED));
    }

    @Test
    void onlyTheMarksOfMembersWhoSubmittedCountAndPointsCompareWithoutTrailingZeros() {
        Evaluation e = committee(
                List.of(
                        member(ONE, 1, true, false, true),
                        member(TWO, 2, true, false, true),
                        member(THREE, 3, true, false, false)),
                List.of(
                        mark(ONE, A, "T1", null, "7.0"),
                        mark(TWO, A, "T1", null, "7"),
                        mark(THREE, A, "T1", null, "2"),
                        mark(ONE, A, "FORM", true, null),
                        mark(TWO, A, "FORM", false, null)));
        Evaluation.Criterion t1 = e.criteria().get(1);
        List<Evaluation.Mark> points = Settlement.submittedMarks(e, A, "T1");
        assertThat(points).hasSize(2);
        assertThat(Settlement.agree(t1, points)).isTrue();
        assertThat(Settlement.disagree(t1, points)).isFalse();
        assertThat(Settlement.departs(t1, points, null, new BigDecimal("7.00"))).isFalse();
        assertThat(Settlement.departs(t1, points, null, new BigDecimal("8"))).isTrue();

        List<Evaluation.Mark> form = Settlement.submittedMarks(e, A, "FORM");
        assertThat(Settlement.disagree(FORM, form)).isTrue();
        assertThat(Settlement.agree(FORM, form)).isFalse();
        assertThat(Settlement.agree(FORM, List.of())).isFalse();
    }

    @Test
    void aMarkMustFitItsCriterion() {
        Evaluation.Criterion t1 = scored("T1", "10");
        Settlement.checkMark(t1, null, d("10"));
        Settlement.checkMark(FORM, false, null);
        assertThatThrownBy(() -> Settlement.checkMark(t1, null, d("10.5")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.BAD_MARK));
        assertThatThrownBy(() -> Settlement.checkMark(t1, null, d("-1")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.BAD_MARK));
        assertThatThrownBy(() -> Settlement.checkMark(t1, true, null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.BAD_MARK));
        assertThatThrownBy(() -> Settlement.checkMark(FORM, null, null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.BAD_MARK));
    }

    @Test
    void theSetupFitsTheAwardMethod() {
        List<EvaluationSetup.TechnicalCriterion> scoredOnes =
                List.of(new EvaluationSetup.TechnicalCriterion(" Méthodologie ", true, d("60")));
        EvaluationSetup rated = new EvaluationSetup(scoredOnes, 80, d("70"), null);
        List<Evaluation.Criterion> criteria = rated.technicalCriteria();
        assertThat(criteria).containsExactly(new Evaluation.Criterion("T1", "score", "Méthodologie", d("60")));
        rated.check("ratedCriteria", criteria);
        assertThat(rated.lowBid()).isEqualByComparingTo("15");

        assertThatThrownBy(() -> rated.check("priceOnly", criteria))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.BAD_CRITERIA));
        assertThatThrownBy(() -> rated.check("qualityOnly", criteria))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.BAD_CRITERIA));
        EvaluationSetup heavy = new EvaluationSetup(scoredOnes, 96, d("70"), null);
        assertThatThrownBy(() -> heavy.check("ratedCriteria", criteria))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.BAD_CRITERIA));
        EvaluationSetup noPassMark = new EvaluationSetup(scoredOnes, null, null, null);
        assertThatThrownBy(() -> noPassMark.check("qualityOnly", criteria))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.BAD_CRITERIA));
        EvaluationSetup tooLow = new EvaluationSetup(List.of(), null, null, d("0.5"));
        assertThatThrownBy(tooLow::lowBid)
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.BAD_CRITERIA));
        EvaluationSetup unscoredMax = new EvaluationSetup(
                List.of(new EvaluationSetup.TechnicalCriterion("Délai", true, null)), null, null, null);
        assertThatThrownBy(unscoredMax::technicalCriteria)
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.BAD_CRITERIA));
        new EvaluationSetup(List.of(new EvaluationSetup.TechnicalCriterion("Délai", false, null)), null, null, null)
                .check("priceOnly", List.of(FORM));
    }
}
