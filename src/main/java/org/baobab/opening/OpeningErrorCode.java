// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import org.baobab.shared.ErrorCode;

/** Errors of the opening module; the codes are stable, the texts are in {@code i18n/opening*.properties}. */
public enum OpeningErrorCode implements ErrorCode {
    /** The actor holds no opening-committee role in a contracting authority. */
    NOT_COMMITTEE_MEMBER("OPENING-0001", "error.opening.not-committee-member", 403),
    /** The enrolment challenge is unknown, already used, expired or someone else's. */
    CHALLENGE_INVALID("OPENING-0002", "error.opening.challenge-invalid", 409),
    /** The public key sent is not a P-256 point. */
    INVALID_KEY("OPENING-0003", "error.opening.invalid-key", 400),
    /** The proof of possession does not match the key. */
    WRONG_PROOF("OPENING-0004", "error.opening.wrong-proof", 400),
    /** That key is enrolled already (by this or another member): each enrolment needs a fresh key. */
    KEY_ALREADY_ENROLLED("OPENING-0005", "error.opening.key-already-enrolled", 409),
    /** Only the PRM of the process's authority designates its committee. */
    NOT_PRM("OPENING-0006", "error.opening.not-prm", 403),
    /** The committee can only be changed before the notice is published. */
    ALREADY_FIXED("OPENING-0007", "error.opening.already-fixed", 409),
    /** Argument: how many members at least. */
    TOO_FEW_MEMBERS("OPENING-0008", "error.opening.too-few-members", 400),
    /** Argument: how many members at most. */
    TOO_MANY_MEMBERS("OPENING-0009", "error.opening.too-many-members", 400),
    /** A chosen member is not a committee member of the authority with an enrolled key. */
    NOT_ELIGIBLE("OPENING-0010", "error.opening.not-eligible", 400),
    /** Arguments: the lowest and the highest threshold allowed. */
    BAD_THRESHOLD("OPENING-0011", "error.opening.bad-threshold", 400),
    /** Argument: the ocid. The process has no possible committee (too few members with keys). */
    NO_COMMITTEE("OPENING-0012", "error.opening.no-committee", 409),
    /** Argument: when the opening may start. Before the deadline and the notice's opening time nothing opens. */
    TOO_EARLY("OPENING-0013", "error.opening.too-early", 409),
    /** Only a member of the process's committee (or its authority's PRM, to start) takes part in its opening. */
    NOT_IN_COMMITTEE("OPENING-0014", "error.opening.not-in-committee", 403),
    /** No such opening session. */
    UNKNOWN_SESSION("OPENING-0015", "error.opening.unknown-session", 404),
    /** The member must declare their presence and the absence of a conflict of interest first. */
    NOT_DECLARED("OPENING-0016", "error.opening.not-declared", 409),
    /** A member who declared a conflict of interest releases nothing. */
    CONFLICT_DECLARED("OPENING-0017", "error.opening.conflict-declared", 403),
    /** A released key does not open the member's share of that envelope: nothing was recorded. */
    WRONG_RELEASE("OPENING-0018", "error.opening.wrong-release", 400),
    /** The envelope is not one this session opens, or it is already opened. */
    NOT_OPENABLE("OPENING-0019", "error.opening.not-openable", 409),
    /** The member has declared already in this session. */
    ALREADY_DECLARED("OPENING-0020", "error.opening.already-declared", 409),
    /** A financial session opens financial envelopes of a two-envelope procedure, after its technical session. */
    NO_FINANCIAL_OPENING("OPENING-0021", "error.opening.no-financial-opening", 409),
    /** The minutes are approved once every envelope of the session is read. */
    MINUTES_NOT_READY("OPENING-0022", "error.opening.minutes-not-ready", 409),
    /** Observations are changed only before the first approval, and hold at most 4,000 characters. */
    MINUTES_LOCKED("OPENING-0023", "error.opening.minutes-locked", 409),
    /** The observations hold at most 4,000 characters. */
    OBSERVATIONS_TOO_LONG("OPENING-0024", "error.opening.observations-too-long", 400),
    /** The state of the pieces is recorded only for an envelope this session has opened and read. */
    NOT_READ("OPENING-0025", "error.opening.not-read", 409),
    /** Each document the notice requires needs one state (present, absent, non-compliant), and no other document. */
    PIECES_INCOMPLETE("OPENING-0026", "error.opening.pieces-incomplete", 400),
    /**
     * The bid security: an amount is a positive number with at most two decimals, the issuer at most 200 characters,
     * and neither is given for an absent security.
     */
    BAD_BID_SECURITY("OPENING-0027", "error.opening.bad-bid-security", 400),
    /** The list of the bidders' representatives present holds at most 4,000 characters. */
    REPRESENTATIVES_TOO_LONG("OPENING-0028", "error.opening.representatives-too-long", 400),
    /** Once a member approved the minutes, the state of the pieces and the representatives present are frozen. */
    MINUTES_FROZEN("OPENING-0029", "error.opening.minutes-frozen", 409);

    private final String code;
    private final String messageKey;
    private final int httpStatus;

    OpeningErrorCode(String code, String messageKey, int httpStatus) {
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
