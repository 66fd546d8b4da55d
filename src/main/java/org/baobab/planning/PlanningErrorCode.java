// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning;

import org.baobab.shared.ErrorCode;

/** Errors of the planning module; the codes are stable, the texts are in {@code i18n/planning*.properties}. */
public enum PlanningErrorCode implements ErrorCode {
    /** Argument: the plan or line id. */
    UNKNOWN_PLAN("PLANNING-0001", "error.planning.unknown-plan", 404),
    /** The actor is not a buyer or PRM of the plan's authority (or the action needs the PRM). */
    NOT_STAFF("PLANNING-0002", "error.planning.not-staff", 403),
    /** Arguments: the current status, the action. */
    WRONG_STATUS("PLANNING-0003", "error.planning.wrong-status", 409),
    /** Arguments: authority, year. */
    PLAN_EXISTS("PLANNING-0004", "error.planning.plan-exists", 409),
    /** Argument: the field. */
    REQUIRED("PLANNING-0005", "error.planning.required", 400),
    /** Argument: the procedure code. */
    UNKNOWN_PROCEDURE("PLANNING-0006", "error.planning.unknown-procedure", 400),
    /** Argument: the value given. */
    INVALID_VALUE("PLANNING-0007", "error.planning.invalid-value", 400),
    /** Argument: the reference. */
    DUPLICATE_REFERENCE("PLANNING-0008", "error.planning.duplicate-reference", 409),
    /** The dates of a line are out of order. */
    DATES_OUT_OF_ORDER("PLANNING-0009", "error.planning.dates-out-of-order", 400),
    /** Argument: the number of rows in error. */
    IMPORT_FAILED("PLANNING-0010", "error.planning.import-failed", 422),
    /** A plan without lines cannot be validated. */
    EMPTY_PLAN("PLANNING-0011", "error.planning.empty-plan", 409),
    /** A revision is already being prepared. */
    REVISION_OPEN("PLANNING-0012", "error.planning.revision-open", 409),
    /** Not published, another authority's, or already launched. */
    LINE_UNAVAILABLE("PLANNING-0013", "error.planning.line-unavailable", 409),
    /** A line launched as a procurement process stays in the plan's later revisions. */
    LINE_LAUNCHED("PLANNING-0014", "error.planning.line-launched", 409);

    private final String code;
    private final String messageKey;
    private final int httpStatus;

    PlanningErrorCode(String code, String messageKey, int httpStatus) {
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
