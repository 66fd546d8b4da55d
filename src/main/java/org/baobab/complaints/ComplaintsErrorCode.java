// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints;

import org.baobab.shared.ErrorCode;

/** Errors of the complaints module; the codes are stable, the texts are in {@code i18n/complaints*.properties}. */
public enum ComplaintsErrorCode implements ErrorCode {
    /** Only a supplier's administrator or signatory files a complaint in its name. */
    NOT_COMPLAINANT("COMPLAINTS-0001", "error.complaints.not-complainant", 403),
    /** Argument: the ocid. No published process with that ocid. */
    NO_SUCH_PROCESS("COMPLAINTS-0002", "error.complaints.no-such-process", 404),
    /** Argument: the last day to file. */
    FILING_CLOSED("COMPLAINTS-0003", "error.complaints.filing-closed", 409),
    /** The contested act, the remedy or an objection is missing or too long. */
    INCOMPLETE("COMPLAINTS-0004", "error.complaints.incomplete", 400),
    /** The date of the act contested is missing, in the future, or before the notice's publication. */
    BAD_ACT_DATE("COMPLAINTS-0005", "error.complaints.bad-act-date", 400),
    /** Only the PRM of the process's authority answers a complaint. */
    NOT_AUTHORITY("COMPLAINTS-0006", "error.complaints.not-authority", 403),
    /** Argument: the last day to answer. */
    ANSWER_CLOSED("COMPLAINTS-0007", "error.complaints.answer-closed", 409),
    /** The complaint is not in a state that allows this action. */
    WRONG_STATE("COMPLAINTS-0008", "error.complaints.wrong-state", 409),
    /** Argument: the last day of the authority's time to answer. The authority may still answer until then. */
    TOO_EARLY_TO_ESCALATE("COMPLAINTS-0009", "error.complaints.too-early", 409),
    /** Argument: the last day to go to the regulator. */
    ESCALATION_CLOSED("COMPLAINTS-0010", "error.complaints.escalation-closed", 409),
    /** Only a complaints officer of the regulator of the process's country acts on a complaint before it. */
    NOT_COMPLAINTS_OFFICER("COMPLAINTS-0011", "error.complaints.not-officer", 403),
    /** The procedure is suspended already for this complaint. */
    ALREADY_SUSPENDED("COMPLAINTS-0012", "error.complaints.already-suspended", 409),
    /** The procedure is not suspended for this complaint. */
    NOT_SUSPENDED("COMPLAINTS-0013", "error.complaints.not-suspended", 409),
    /** The actor is not a party to the complaint. */
    NOT_PARTY("COMPLAINTS-0014", "error.complaints.not-party", 403),
    /** The evidence is not a document of the document store (a SHA-256 in hexadecimal and a name are needed). */
    BAD_EVIDENCE("COMPLAINTS-0015", "error.complaints.bad-evidence", 400);

    private final String code;
    private final String messageKey;
    private final int httpStatus;

    ComplaintsErrorCode(String code, String messageKey, int httpStatus) {
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
