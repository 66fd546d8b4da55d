// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import org.baobab.identity.IdentityErrorCode;
import org.baobab.shared.BaobabException;
import org.springframework.validation.BindingResult;

/** Puts a business-rule refusal next to the field it concerns, or at the top of the form. */
final class FormErrors {

    private FormErrors() {}

    static void reject(BindingResult errors, BaobabException e) {
        String field = e.errorCode() instanceof IdentityErrorCode code
                ? switch (code) {
                    case EMAIL_TAKEN -> "email";
                    case ORGANISATION_NAME_TAKEN -> "companyName";
                    case WEAK_PASSWORD -> "password";
                    case INVALID_COUNTRY -> "country";
                    case CURRENT_PASSWORD_WRONG -> "currentPassword";
                    default -> null;
                }
                : null;
        if (field != null && errors.getTarget() != null && hasField(errors, field)) {
            errors.rejectValue(
                    field,
                    e.errorCode().messageKey(),
                    e.arguments(),
                    e.errorCode().code());
        } else {
            errors.reject(
                    e.errorCode().messageKey(), e.arguments(), e.errorCode().code());
        }
    }

    private static boolean hasField(BindingResult errors, String field) {
        try {
            errors.getFieldType(field);
            return errors.getFieldType(field) != null;
        } catch (RuntimeException notAField) {
            return false;
        }
    }
}
