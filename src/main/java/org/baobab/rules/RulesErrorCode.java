// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import org.baobab.shared.ErrorCode;

/** Errors of the rules module; the codes are stable, the texts are in {@code i18n/rules*.properties}. */
public enum RulesErrorCode implements ErrorCode {
    /** No rule pack for this country. */
    NO_PACK("RULES-0001", "error.rules.no-pack", 404),
    /** A rule pack file is broken: start-up stops. */
    INVALID_PACK("RULES-0002", "error.rules.invalid-pack", 500),
    /** The pack has no procedure, time limit or fee of that code. */
    UNKNOWN_RULE("RULES-0003", "error.rules.unknown-rule", 404);

    private final String code;
    private final String messageKey;
    private final int httpStatus;

    RulesErrorCode(String code, String messageKey, int httpStatus) {
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
