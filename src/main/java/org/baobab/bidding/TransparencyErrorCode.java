// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import org.baobab.shared.ErrorCode;

/**
 * Errors of bid receipts and the transparency log; the codes are stable (the BIDDING-01xx range), the texts are in
 * {@code i18n/bidding*.properties}.
 */
public enum TransparencyErrorCode implements ErrorCode {
    /** Argument: the parameter's name. */
    INVALID_PARAMETER("BIDDING-0101", "error.bidding.transparency.invalid-parameter", 400),
    /** Arguments: the leaf index, the tree size. */
    INDEX_OUTSIDE_TREE("BIDDING-0102", "error.bidding.transparency.index-outside-tree", 400),
    /** Arguments: the tree size asked for, the log's size. */
    TREE_TOO_LARGE("BIDDING-0103", "error.bidding.transparency.tree-too-large", 400),
    /** Arguments: the first size, the second size. */
    SIZES_OUT_OF_ORDER("BIDDING-0104", "error.bidding.transparency.sizes-out-of-order", 400),
    /** Argument: the leaf index. */
    UNKNOWN_LEAF("BIDDING-0105", "error.bidding.transparency.unknown-leaf", 404),
    /** Argument: what is wrong (the field's name). */
    INVALID_RECEIPT("BIDDING-0106", "error.bidding.transparency.invalid-receipt", 400),
    /** Argument: the envelope id. The envelope already has a receipt that says something else. */
    RECEIPT_CONFLICT("BIDDING-0107", "error.bidding.transparency.receipt-conflict", 409),
    /** Argument: what the statement is about (an ocid, a user id, a journal sequence number). Not in the log. */
    NO_STATEMENT("BIDDING-0108", "error.bidding.transparency.no-statement", 404),
    /** Argument: what the statement is about. The log already holds another statement about it. */
    STATEMENT_CONFLICT("BIDDING-0109", "error.bidding.transparency.statement-conflict", 409);

    private final String code;
    private final String messageKey;
    private final int httpStatus;

    TransparencyErrorCode(String code, String messageKey, int httpStatus) {
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
