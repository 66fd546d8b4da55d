// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity;

import org.baobab.shared.ErrorCode;

/** Errors of the identity module; the codes are stable, the texts are in {@code i18n/identity*.properties}. */
public enum IdentityErrorCode implements ErrorCode {
    EMAIL_TAKEN("IDENTITY-0001", "error.identity.email-taken", 409),
    ORGANISATION_NAME_TAKEN("IDENTITY-0002", "error.identity.organisation-name-taken", 409),
    WEAK_PASSWORD("IDENTITY-0003", "error.identity.weak-password", 400),
    TOKEN_INVALID("IDENTITY-0004", "error.identity.token-invalid", 400),
    TOTP_CODE_INVALID("IDENTITY-0005", "error.identity.totp-code-invalid", 400),
    ROLE_NOT_ALLOWED("IDENTITY-0006", "error.identity.role-not-allowed", 400),
    NOT_ORGANISATION_ADMIN("IDENTITY-0007", "error.identity.not-organisation-admin", 403),
    LAST_ADMIN("IDENTITY-0008", "error.identity.last-admin", 409),
    INVALID_COUNTRY("IDENTITY-0009", "error.identity.invalid-country", 400),
    ALREADY_MEMBER("IDENTITY-0010", "error.identity.already-member", 409),
    CURRENT_PASSWORD_WRONG("IDENTITY-0011", "error.identity.current-password-wrong", 400),
    INVALID_EMAIL("IDENTITY-0012", "error.identity.email-invalid", 400);

    private final String code;
    private final String messageKey;
    private final int httpStatus;

    IdentityErrorCode(String code, String messageKey, int httpStatus) {
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
