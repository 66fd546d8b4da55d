// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata;

import org.baobab.shared.ErrorCode;

/** Errors of the open-data module; the codes are stable, the texts are in {@code i18n/opendata*.properties}. */
public enum OpenDataErrorCode implements ErrorCode {
    /** Arguments: the ocid, the release id. */
    DUPLICATE_RELEASE("OPENDATA-0001", "error.opendata.duplicate-release", 409),
    /** Arguments: the ocid, the platform's ocid prefix. */
    FOREIGN_OCID("OPENDATA-0002", "error.opendata.foreign-ocid", 400),
    /** Argument: what is wrong with the release. */
    INVALID_RELEASE("OPENDATA-0003", "error.opendata.invalid-release", 400),
    /** Arguments: the parameter, the value given. */
    BAD_QUERY("OPENDATA-0004", "error.opendata.bad-query", 400);

    private final String code;
    private final String messageKey;
    private final int httpStatus;

    OpenDataErrorCode(String code, String messageKey, int httpStatus) {
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
