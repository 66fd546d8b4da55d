// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import org.baobab.shared.ErrorCode;

/** Errors of bid uploads and submission; the codes are stable, the texts are in {@code i18n/bidding*.properties}. */
public enum BiddingErrorCode implements ErrorCode {
    /** The actor is not a member of a supplier company allowed to prepare bids. */
    NOT_A_BIDDER("BIDDING-0001", "error.bidding.not-a-bidder", 403),
    /** Argument: the ocid. No published notice open for bids has it. */
    NOT_OPEN_FOR_BIDS("BIDDING-0002", "error.bidding.not-open-for-bids", 409),
    /** No upload of the actor's company has that id. */
    UNKNOWN_UPLOAD("BIDDING-0003", "error.bidding.unknown-upload", 404),
    /** Arguments: the offset sent, the offset the server has reached. */
    OFFSET_MISMATCH("BIDDING-0004", "error.bidding.offset-mismatch", 409),
    /** Argument: the largest envelope accepted, in MB. */
    ENVELOPE_TOO_LARGE("BIDDING-0005", "error.bidding.envelope-too-large", 413),
    /** Argument: the field. The size or SHA-256 announced is malformed. */
    INVALID_VALUE("BIDDING-0006", "error.bidding.invalid-value", 400),
    /** More bytes than announced. */
    UPLOAD_OVERFLOW("BIDDING-0007", "error.bidding.upload-overflow", 400),
    /** The upload is complete already. */
    UPLOAD_COMPLETE("BIDDING-0008", "error.bidding.upload-complete", 409),
    /** Arguments: the size and SHA-256 announced. The bytes received are not those: the upload starts again. */
    NOT_AS_ANNOUNCED("BIDDING-0009", "error.bidding.not-as-announced", 422),
    /** Arguments: the deadline and the server's instant of receipt, both in the country's time. Too late. */
    DEADLINE_PASSED("BIDDING-0010", "error.bidding.deadline-passed", 409),
    /** The upload is not complete yet: its ciphertext cannot become a bid. */
    UPLOAD_INCOMPLETE("BIDDING-0011", "error.bidding.upload-incomplete", 409),
    /** The upload's ciphertext was submitted already, as another envelope. */
    UPLOAD_USED("BIDDING-0012", "error.bidding.upload-used", 409),
    /** Argument: what is wrong with it (from the sealing library, in English). The manifest cannot be read. */
    INVALID_MANIFEST("BIDDING-0013", "error.bidding.invalid-manifest", 400),
    /** Argument: what differs (ocid, ciphertext). The manifest does not describe the uploaded ciphertext. */
    MANIFEST_MISMATCH("BIDDING-0014", "error.bidding.manifest-mismatch", 422),
    /** The envelope is not sealed to the process's opening committee (keys, order or threshold). */
    WRONG_COMMITTEE("BIDDING-0015", "error.bidding.wrong-committee", 422),
    /** Argument: the ocid. The process has no sealing set: it cannot take sealed bids. */
    NO_SEALING_SET("BIDDING-0016", "error.bidding.no-sealing-set", 409),
    /** Argument: the lot. The notice has no such lot. */
    UNKNOWN_LOT("BIDDING-0017", "error.bidding.unknown-lot", 422),
    /** Argument: the kind. This procedure does not take that kind of envelope. */
    KIND_NOT_ALLOWED("BIDDING-0018", "error.bidding.kind-not-allowed", 422),
    /** Argument: the reasons, translated. The company may not bid (exclusion, missing identifiers or documents). */
    NOT_ELIGIBLE("BIDDING-0019", "error.bidding.not-eligible", 403),
    /** The envelope id was used already for another envelope. */
    ENVELOPE_ID_USED("BIDDING-0020", "error.bidding.envelope-id-used", 409),
    /** The company has no current bid on the process to withdraw. */
    NO_CURRENT_BID("BIDDING-0021", "error.bidding.no-current-bid", 409),
    /** No envelope of the actor's company has that id. */
    UNKNOWN_ENVELOPE("BIDDING-0022", "error.bidding.unknown-envelope", 404);

    private final String code;
    private final String messageKey;
    private final int httpStatus;

    BiddingErrorCode(String code, String messageKey, int httpStatus) {
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
