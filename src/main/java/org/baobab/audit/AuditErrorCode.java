// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit;

import org.baobab.shared.ErrorCode;

/** Errors of the audit module. */
public enum AuditErrorCode implements ErrorCode {
    INVALID_QUERY("AUDIT-0001", "error.audit.invalid-query", 400);

    private final String code;
    private final String messageKey;
    private final int httpStatus;

    AuditErrorCode(String code, String messageKey, int httpStatus) {
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
