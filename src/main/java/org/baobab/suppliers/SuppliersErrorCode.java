// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import org.baobab.shared.ErrorCode;

/** Errors of the suppliers module; the codes are stable, the texts are in {@code i18n/suppliers*.properties}. */
public enum SuppliersErrorCode implements ErrorCode {
    /** The actor is not a complaints officer of a regulator. */
    NOT_REGULATOR("SUPPLIERS-0001", "error.suppliers.not-regulator", 403),
    /** Argument: the field. */
    REQUIRED("SUPPLIERS-0002", "error.suppliers.required", 400),
    /** Argument: the field. */
    TOO_LONG("SUPPLIERS-0003", "error.suppliers.too-long", 400),
    /** The period ends before it starts. */
    PERIOD_REVERSED("SUPPLIERS-0004", "error.suppliers.period-reversed", 400),
    /** The organisation chosen is not a registered supplier. */
    NOT_A_SUPPLIER("SUPPLIERS-0005", "error.suppliers.not-a-supplier", 400),
    /** Argument: the id. */
    UNKNOWN_EXCLUSION("SUPPLIERS-0006", "error.suppliers.unknown-exclusion", 404),
    /** Already lifted, or decided by another country's regulator. */
    CANNOT_LIFT("SUPPLIERS-0007", "error.suppliers.cannot-lift", 409);

    private final String code;
    private final String messageKey;
    private final int httpStatus;

    SuppliersErrorCode(String code, String messageKey, int httpStatus) {
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
