// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents;

import org.baobab.shared.ErrorCode;

/** Errors of the documents module; the codes are stable, the texts are in {@code i18n/documents*.properties}. */
public enum DocumentsErrorCode implements ErrorCode {
    /** Arguments: file name, the limit in megabytes. */
    TOO_LARGE("DOCUMENTS-0001", "error.documents.too-large", 413),
    /** Arguments: file name, what the file really is. */
    TYPE_NOT_ALLOWED("DOCUMENTS-0002", "error.documents.type-not-allowed", 415),
    /** Arguments: file name, what the file really is, what its name or declared type claims. */
    TYPE_MISMATCH("DOCUMENTS-0003", "error.documents.type-mismatch", 415),
    /** Argument: the SHA-256 asked for. */
    UNKNOWN_DOCUMENT("DOCUMENTS-0004", "error.documents.unknown", 404),
    /** Argument: the address given. */
    BAD_ADDRESS("DOCUMENTS-0005", "error.documents.bad-address", 400),
    /** Argument: the SHA-256 of the altered document. */
    INTEGRITY_FAILURE("DOCUMENTS-0006", "error.documents.integrity", 500),
    /** Arguments: the announced size and SHA-256. A sealed envelope's bytes are not those announced. */
    SEALED_MISMATCH("DOCUMENTS-0007", "error.documents.sealed-mismatch", 422);

    private final String code;
    private final String messageKey;
    private final int httpStatus;

    DocumentsErrorCode(String code, String messageKey, int httpStatus) {
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
