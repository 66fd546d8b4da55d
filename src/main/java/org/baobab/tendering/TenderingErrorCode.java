// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import org.baobab.shared.ErrorCode;

/** Errors of the tendering module; the codes are stable, the texts are in {@code i18n/tendering*.properties}. */
public enum TenderingErrorCode implements ErrorCode {
    /** Argument: the process id or ocid. */
    UNKNOWN_PROCESS("TENDERING-0001", "error.tendering.unknown-process", 404),
    /** The actor is not staff of the authority with the role the action needs. */
    NOT_AUTHORITY_STAFF("TENDERING-0002", "error.tendering.not-staff", 403),
    /** Arguments: the current status, the action. */
    WRONG_STATUS("TENDERING-0003", "error.tendering.wrong-status", 409),
    /** Someone else changed the process meanwhile. */
    STALE("TENDERING-0004", "error.tendering.stale", 409),
    /** Argument: the number of blocking findings; the findings themselves are shown beside. */
    CHECKS_FAILED("TENDERING-0005", "error.tendering.checks-failed", 422),
    /** Argument: the field. */
    REQUIRED("TENDERING-0006", "error.tendering.required", 400),
    /** Argument: the procedure code. */
    UNKNOWN_PROCEDURE("TENDERING-0007", "error.tendering.unknown-procedure", 400),
    /** The process needs the control body's approval before publication. */
    REVIEW_REQUIRED("TENDERING-0008", "error.tendering.review-required", 409),
    /** The actor is not a controller of a control body of the process's country. */
    NOT_CONTROLLER("TENDERING-0009", "error.tendering.not-controller", 403),
    /** Argument: the deadline. */
    QUESTIONS_CLOSED("TENDERING-0010", "error.tendering.questions-closed", 409),
    /** Only a supplier's staff may ask questions. */
    NOT_SUPPLIER("TENDERING-0011", "error.tendering.not-supplier", 403),
    /** Argument: the current deadline. */
    DEADLINE_NOT_LATER("TENDERING-0012", "error.tendering.deadline-not-later", 400),
    /** The submission deadline has passed. */
    DEADLINE_PASSED("TENDERING-0013", "error.tendering.deadline-passed", 409),
    /** Argument: the question id. */
    UNKNOWN_QUESTION("TENDERING-0014", "error.tendering.unknown-question", 404),
    /** Argument: the text's maximum length. */
    TOO_LONG("TENDERING-0015", "error.tendering.too-long", 400),
    /** Argument: the plan line. */
    PLAN_LINE_UNAVAILABLE("TENDERING-0016", "error.tendering.plan-line-unavailable", 409),
    /** Argument: the document. */
    UNKNOWN_DOCUMENT("TENDERING-0017", "error.tendering.unknown-document", 404),
    /** Argument: the buyer category. */
    UNKNOWN_BUYER_CATEGORY("TENDERING-0018", "error.tendering.unknown-buyer-category", 400),
    /** Argument: the required document code. */
    UNKNOWN_REQUIRED_DOCUMENT("TENDERING-0019", "error.tendering.unknown-required-document", 400),
    /** Argument: the value given. */
    INVALID_VALUE("TENDERING-0020", "error.tendering.invalid-value", 400),
    /** The actor is neither a platform admin nor a member of the regulator of the incident's country. */
    NOT_INCIDENT_DECLARER("TENDERING-0021", "error.tendering.not-incident-declarer", 403),
    /** The incident's period is impossible: reversed, not over yet, or too old. */
    INCIDENT_PERIOD("TENDERING-0022", "error.tendering.incident-period", 400),
    /** Argument: the country. Its rule pack has no INCIDENT_EXTENSION time limit. */
    NO_INCIDENT_EXTENSION("TENDERING-0023", "error.tendering.no-incident-extension", 409);

    private final String code;
    private final String messageKey;
    private final int httpStatus;

    TenderingErrorCode(String code, String messageKey, int httpStatus) {
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
