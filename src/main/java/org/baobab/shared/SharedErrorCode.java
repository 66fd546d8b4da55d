// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

/** Error codes that belong to no single module. */
public enum SharedErrorCode implements ErrorCode {
    NOT_FOUND("SHARED-0001", "error.shared.not-found", 404),
    INVALID_INPUT("SHARED-0002", "error.shared.invalid-input", 400),
    FORBIDDEN("SHARED-0003", "error.shared.forbidden", 403),
    CONFLICT("SHARED-0004", "error.shared.conflict", 409),
    /** Control characters, lone surrogates or a path trick in the request: refused before any module sees it. */
    UNACCEPTABLE_CHARACTERS("SHARED-0005", "error.shared.unacceptable-characters", 400);

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
