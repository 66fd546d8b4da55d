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
    /** No such exclusion. */
    UNKNOWN_EXCLUSION("SUPPLIERS-0006", "error.suppliers.unknown-exclusion", 404),
    /** Already lifted, or decided by another country's regulator. */
    CANNOT_LIFT("SUPPLIERS-0007", "error.suppliers.cannot-lift", 409),
    /** The actor is not an admin of that supplier company. */
    NOT_SUPPLIER_ADMIN("SUPPLIERS-0008", "error.suppliers.not-supplier-admin", 403),
    /** Arguments: the identifier's code, the value. Characters other than letters, digits, spaces, . / - */
    BAD_IDENTIFIER("SUPPLIERS-0009", "error.suppliers.bad-identifier", 400),
    /** Arguments: the identifier's code, the expected example. A verified format not followed. */
    IDENTIFIER_FORMAT("SUPPLIERS-0010", "error.suppliers.identifier-format", 400),
    /** Argument: the identifier's code. Required by an enforceable rule. */
    IDENTIFIER_REQUIRED("SUPPLIERS-0011", "error.suppliers.identifier-required", 400),
    /** Arguments: the identifier's code, the value. Another company holds it. */
    DUPLICATE_IDENTIFIER("SUPPLIERS-0012", "error.suppliers.duplicate-identifier", 409),
    /** Argument: the identifier's code. Not one of the country's. */
    UNKNOWN_IDENTIFIER("SUPPLIERS-0013", "error.suppliers.unknown-identifier", 400),
    /** Argument: the field. */
    INVALID_VALUE("SUPPLIERS-0014", "error.suppliers.invalid-value", 400),
    /** Argument: the code. Not a document the country's rule pack asks for. */
    UNKNOWN_DOCUMENT_KIND("SUPPLIERS-0015", "error.suppliers.unknown-document-kind", 400),
    /** The dates of a document are impossible: issued in the future, or expiring before issue. */
    DOCUMENT_DATES("SUPPLIERS-0016", "error.suppliers.document-dates", 400),
    /** No such document. */
    UNKNOWN_DOCUMENT("SUPPLIERS-0017", "error.suppliers.unknown-document", 404),
    /** The actor may not verify documents of that company (not a buyer or regulator of its country). */
    NOT_VERIFIER("SUPPLIERS-0018", "error.suppliers.not-verifier", 403),
    /** The document was replaced or already decided. */
    ALREADY_DECIDED("SUPPLIERS-0019", "error.suppliers.already-decided", 409),
    /** The confirmation or unsubscribe link is unknown or already used. */
    UNKNOWN_ALERT("SUPPLIERS-0020", "error.suppliers.unknown-alert", 404),
    /** Argument: what was given. Not a code of the CPV classification. */
    UNKNOWN_CPV("SUPPLIERS-0021", "error.suppliers.unknown-cpv", 400),
    /** Argument: the most categories a company may have. */
    TOO_MANY_CATEGORIES("SUPPLIERS-0022", "error.suppliers.too-many-categories", 400);

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
