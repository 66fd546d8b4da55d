// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import org.baobab.shared.ErrorCode;

/** Errors of the evaluation module; the codes are stable, the texts are in {@code i18n/evaluation*.properties}. */
public enum EvaluationErrorCode implements ErrorCode {
    /** Argument: the ocid. No published process with that ocid. */
    NO_SUCH_PROCESS("EVALUATION-0001", "error.evaluation.no-such-process", 404),
    /** Only the PRM of the process's authority starts the evaluation or opens the financial envelopes. */
    NOT_PRM("EVALUATION-0002", "error.evaluation.not-prm", 403),
    /** The bids are not all opened, or the opening minutes are not yet approved by every member present. */
    OPENING_NOT_DONE("EVALUATION-0003", "error.evaluation.opening-not-done", 409),
    /** The evaluation of this process has already started. */
    ALREADY_STARTED("EVALUATION-0004", "error.evaluation.already-started", 409),
    /** The criteria do not fit the award method (a scored criterion, a weight or a pass mark is missing or wrong). */
    BAD_CRITERIA("EVALUATION-0005", "error.evaluation.bad-criteria", 400),
    /** No evaluation has started for this process. */
    NOT_STARTED("EVALUATION-0006", "error.evaluation.not-started", 404),
    /** The actor is not a member of the process's committee. */
    NOT_MEMBER("EVALUATION-0007", "error.evaluation.not-member", 403),
    /** The member has not declared the absence of conflict of interest, or declared a conflict. */
    NOT_DECLARED("EVALUATION-0008", "error.evaluation.not-declared", 403),
    /** The evaluation is not at the step this action belongs to. */
    WRONG_STAGE("EVALUATION-0009", "error.evaluation.wrong-stage", 409),
    /** Argument: the criterion. A mark is missing or out of range (points above the maximum, no pass or fail). */
    BAD_MARK("EVALUATION-0010", "error.evaluation.bad-mark", 400),
    /** The member already submitted their own evaluation; it no longer changes. */
    ALREADY_SUBMITTED("EVALUATION-0011", "error.evaluation.already-submitted", 409),
    /** Argument: how many members must have submitted. Not enough members submitted their own evaluation yet. */
    NOT_ENOUGH_SUBMITTED("EVALUATION-0012", "error.evaluation.not-enough-submitted", 409),
    /** The members disagree, or the settled mark departs from theirs: a reason is required. */
    REASON_REQUIRED("EVALUATION-0013", "error.evaluation.reason-required", 400),
    /** Argument: what is missing. Something must be settled or decided before this step. */
    INCOMPLETE("EVALUATION-0014", "error.evaluation.incomplete", 409),
    /** The corrected amount is not an amount, or it differs from the amount read without a reason. */
    BAD_PRICE("EVALUATION-0015", "error.evaluation.bad-price", 400),
    /** Argument: the code. The pack holds no such preference margin. */
    UNKNOWN_MARGIN("EVALUATION-0016", "error.evaluation.unknown-margin", 400),
    /** No such bidder in this evaluation. */
    NO_SUCH_BIDDER("EVALUATION-0017", "error.evaluation.no-such-bidder", 404),
    /** The report is approved already, or another member approved it: it no longer changes. */
    REPORT_LOCKED("EVALUATION-0018", "error.evaluation.report-locked", 409),
    /** The member already approved the report. */
    ALREADY_APPROVED("EVALUATION-0019", "error.evaluation.already-approved", 409);

    private final String code;
    private final String messageKey;
    private final int httpStatus;

    EvaluationErrorCode(String code, String messageKey, int httpStatus) {
        this.code = code;
        this.messageKey = messageKey;
        this.httpStatus = httpStatus;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
