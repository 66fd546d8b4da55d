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
    NOT_AS_ANNOUNCED("BIDDING-0009", "error.bidding.not-as-announced", 422);

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
