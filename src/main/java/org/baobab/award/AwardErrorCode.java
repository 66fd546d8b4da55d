// SPDX-License-Identifier: Apache-2.0
package org.baobab.award;

import org.baobab.shared.ErrorCode;

/** Errors of the award module; the codes are stable, the texts are in {@code i18n/award*.properties}. */
public enum AwardErrorCode implements ErrorCode {
    /** Only the PRM of the process's authority publishes, finalises or cancels the award. */
    NOT_PRM("AWARD-0001", "error.award.not-prm", 403),
    /** Argument: the ocid. No published process with that ocid. */
    NO_SUCH_PROCESS("AWARD-0002", "error.award.no-such-process", 404),
    /** No approved evaluation recommends an award for this process yet. */
    NO_RECOMMENDATION("AWARD-0003", "error.award.no-recommendation", 409),
    /** The provisional award is published already: the recommendation cannot change any more. */
    ALREADY_PUBLISHED("AWARD-0004", "error.award.already-published", 409),
    /** The procedure is cancelled. */
    PROCESS_CANCELLED("AWARD-0005", "error.award.cancelled", 409),
    /** Bids are still being taken: the award comes after the submission deadline. */
    NOT_CLOSED("AWARD-0006", "error.award.not-closed", 409),
    /** The regulator suspended the procedure while it decides a complaint. */
    SUSPENDED("AWARD-0007", "error.award.suspended", 409),
    /** The control body must approve the award before it is published (prior review). */
    REVIEW_REQUIRED("AWARD-0008", "error.award.review-required", 409),
    /** The award is not in a state that allows this step. */
    WRONG_STATE("AWARD-0009", "error.award.wrong-state", 409),
    /** Only a controller of the country's control body reviews an award. */
    NOT_CONTROLLER("AWARD-0010", "error.award.not-controller", 403),
    /** Argument: the last day of the standstill. The award becomes final only after it. */
    STANDSTILL("AWARD-0011", "error.award.standstill", 409),
    /** A complaint about the process is pending. */
    COMPLAINT_PENDING("AWARD-0012", "error.award.complaint-pending", 409),
    /** Argument: the field. A reason or comment is required. */
    REQUIRED("AWARD-0013", "error.award.required", 400),
    /** Argument: what is wrong. The recommendation is incomplete or inconsistent. */
    INVALID_RECOMMENDATION("AWARD-0014", "error.award.invalid-recommendation", 400),
    /** The actor's company did not bid on this process, or the result is not published yet. */
    NOT_A_BIDDER("AWARD-0015", "error.award.not-a-bidder", 403);

    private final String code;
    private final String messageKey;
    private final int httpStatus;

    AwardErrorCode(String code, String messageKey, int httpStatus) {
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
