// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.util.Arrays;
import org.baobab.shared.BaobabException;

/**
 * Where an evaluation stands, and the moves it may make (docs/evaluation.md). Plain Java: the services ask the stage
 * for the next one and store its {@link #code()}; a move the stage does not allow is refused with
 * {@code EVALUATION-0009} ({@link EvaluationErrorCode#WRONG_STAGE}).
 *
 * <pre>
 * TECHNICAL ──closeTechnical──▶ FINANCIAL (one envelope)
 *           └─────────────────▶ FINANCIAL_OPENING ──second session's minutes published──▶ FINANCIAL (two envelopes)
 * FINANCIAL ──generate──▶ REPORT ──(re)generate, until a first approval──▶ REPORT ──last approval──▶ APPROVED
 * </pre>
 */
public enum Stage {
    /** Compliance and technical examination: members mark on their own, then the committee settles each mark. */
    TECHNICAL("technical"),
    /** Two envelopes: waiting for the second session, which opens the qualified bidders' financial envelopes. */
    FINANCIAL_OPENING("financial-opening"),
    /** The prices are known: the committee examines them. */
    FINANCIAL("financial"),
    /** The report is generated; the members approve it. */
    REPORT("report"),
    /** Every member free of conflict approved the report; its recommendation went to the award. */
    APPROVED("approved");

    private final String code;

    Stage(String code) {
        this.code = code;
    }

    /** The code stored and used in message keys ({@code evaluation.stage.<code>}). */
    public String code() {
        return code;
    }

    public static Stage of(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No evaluation stage " + code));
    }

    /** Refuses any command that this stage does not allow. */
    public void require(Stage expected) {
        if (this != expected) {
            throw new BaobabException(EvaluationErrorCode.WRONG_STAGE);
        }
    }

    /** Whether members may still mark and the committee settle: the technical stage. */
    public boolean technical() {
        return this == TECHNICAL;
    }

    /** Whether the prices of the bids are read, so that the result shows them. */
    public boolean pricesKnown() {
        return this == FINANCIAL || this == REPORT || this == APPROVED;
    }

    /** Whether the technical stage is over, so that the committee's pages show the result as it stands. */
    public boolean pastTechnical() {
        return this != TECHNICAL;
    }

    /** The stage once every mark is settled: the prices, or first the second opening in a two-envelope procedure. */
    public Stage closeTechnical(boolean twoStage) {
        require(TECHNICAL);
        return twoStage ? FINANCIAL_OPENING : FINANCIAL;
    }

    /**
     * The stage once the second session's minutes are published: the prices are known. Any other stage is left as it
     * is.
     */
    public Stage pricesRead() {
        return this == FINANCIAL_OPENING ? FINANCIAL : this;
    }

    /**
     * The stage once the report is generated: from the financial examination, or again from the report while nobody
     * approved it ({@code approvalsGiven} refuses with {@code EVALUATION-0018}).
     */
    public Stage generate(boolean approvalsGiven) {
        if (this == REPORT) {
            if (approvalsGiven) {
                throw new BaobabException(EvaluationErrorCode.REPORT_LOCKED);
            }
            return REPORT;
        }
        require(FINANCIAL);
        return REPORT;
    }

    /** The stage once the last member approved the report. */
    public Stage approve() {
        require(REPORT);
        return APPROVED;
    }
}
