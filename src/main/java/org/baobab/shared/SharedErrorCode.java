// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

/** Error codes that belong to no single module. */
public enum SharedErrorCode implements ErrorCode {
    NOT_FOUND("SHARED-0001", "error.shared.not-found", 404),
    INVALID_INPUT("SHARED-0002", "error.shared.invalid-input", 400),
    FORBIDDEN("SHARED-0003", "error.shared.forbidden", 403),
    CONFLICT("SHARED-0004", "error.shared.conflict", 409),
    /** Control characters, lone surrogates or a path trick in the request: refused before any module sees it. */
    UNACCEPTABLE_CHARACTERS("SHARED-0005", "error.shared.unacceptable-characters", 400),
    /** A value in the address's path that cannot be what it names (an identifier that is not one): no such page. */
    MALFORMED_ADDRESS("SHARED-0006", "error.shared.malformed-address", 404),
    /** A query parameter or form field whose value cannot be read as what it must be (a number, a date, a choice). */
    MALFORMED_PARAMETER("SHARED-0007", "error.shared.malformed-parameter", 400),
    /** A required parameter or form field is missing. */
    MISSING_PARAMETER("SHARED-0008", "error.shared.missing-parameter", 400),
    /** A method the address does not take (a GET where only a form post goes, say). */
    METHOD_NOT_ALLOWED("SHARED-0009", "error.shared.method-not-allowed", 405),
    /** A body of a type the endpoint does not read. */
    UNSUPPORTED_MEDIA_TYPE("SHARED-0010", "error.shared.unsupported-media-type", 415);

    private final String code;
    private final String messageKey;
    private final int httpStatus;

    SharedErrorCode(String code, String messageKey, int httpStatus) {
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
