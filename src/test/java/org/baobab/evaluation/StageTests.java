// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.baobab.shared.BaobabException;
import org.junit.jupiter.api.Test;

/** The stages of an evaluation and the moves each allows, without Spring or a database. */
class StageTests {

    private static EvaluationErrorCode code(Throwable e) {
        return (EvaluationErrorCode) ((BaobabException) e).errorCode();
    }

    @Test
    void oneEnvelopeGoesFromTheTechnicalStageToThePricesToTheReportToItsApproval() {
        Stage financial = Stage.TECHNICAL.closeTechnical(false);
        assertThat(financial).isEqualTo(Stage.FINANCIAL);
        Stage report = financial.generate(false);
        assertThat(report).isEqualTo(Stage.REPORT);
        assertThat(report.generate(false)).isEqualTo(Stage.REPORT);
        assertThat(report.approve()).isEqualTo(Stage.APPROVED);
    }

    @Test
    void twoEnvelopesWaitForTheSecondOpeningBeforeThePrices() {
        Stage waiting = Stage.TECHNICAL.closeTechnical(true);
        assertThat(waiting).isEqualTo(Stage.FINANCIAL_OPENING);
        assertThat(waiting.pricesKnown()).isFalse();
        assertThatThrownBy(() -> waiting.generate(false))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.WRONG_STAGE));
        assertThat(waiting.pricesRead()).isEqualTo(Stage.FINANCIAL);
        assertThat(Stage.TECHNICAL.pricesRead()).isEqualTo(Stage.TECHNICAL);
        assertThat(Stage.REPORT.pricesRead()).isEqualTo(Stage.REPORT);
    }

    @Test
    void aMoveTheStageDoesNotAllowIsRefusedAndAReportOnceApprovedByOneMemberIsNotRegenerated() {
        assertThatThrownBy(() -> Stage.FINANCIAL.closeTechnical(false))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.WRONG_STAGE));
        assertThatThrownBy(() -> Stage.TECHNICAL.generate(false))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.WRONG_STAGE));
        assertThatThrownBy(() -> Stage.FINANCIAL.approve())
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.WRONG_STAGE));
        assertThatThrownBy(() -> Stage.APPROVED.generate(false))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.WRONG_STAGE));
        assertThatThrownBy(() -> Stage.REPORT.generate(true))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.REPORT_LOCKED));
        assertThatThrownBy(() -> Stage.REPORT.require(Stage.TECHNICAL))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EvaluationErrorCode.WRONG_STAGE));
    }

    @Test
    void eachStageIsStoredByItsCodeAndSaysWhatThePagesShow() {
        for (Stage s : Stage.values()) {
            assertThat(Stage.of(s.code())).isEqualTo(s);
        }
        assertThat(Stage.FINANCIAL_OPENING.code()).isEqualTo("financial-opening");
        assertThatThrownBy(() -> Stage.of("consolidation")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Stage.TECHNICAL.technical()).isTrue();
        assertThat(Stage.TECHNICAL.pastTechnical()).isFalse();
        assertThat(Stage.FINANCIAL_OPENING.pastTechnical()).isTrue();
        assertThat(Stage.APPROVED.pricesKnown()).isTrue();
    }
}
