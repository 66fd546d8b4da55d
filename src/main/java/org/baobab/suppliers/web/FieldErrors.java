// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.web;

import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.baobab.shared.BaobabException;
import org.baobab.shared.ErrorCode;
import org.baobab.suppliers.SuppliersErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * An error of the registry's services as a form shows it: the errors about a field (missing, too long, not valid)
 * name it by its label on that form ({@code <form prefix>.<field>}) rather than by its code name.
 */
final class FieldErrors {

    private static final Set<ErrorCode> ABOUT_A_FIELD =
            Set.of(SuppliersErrorCode.REQUIRED, SuppliersErrorCode.TOO_LONG, SuppliersErrorCode.INVALID_VALUE);

    private FieldErrors() {}

    static String message(MessageSource messages, BaobabException e, String form, Locale locale) {
        return message(messages, e, form, UnaryOperator.identity(), locale);
    }

    /** As above; {@code otherSubject} rewrites the first argument of the other errors (e.g. a code into its name). */
    static String message(
            MessageSource messages, BaobabException e, String form, UnaryOperator<String> otherSubject, Locale locale) {
        // a copy: the exception's own arguments stay as thrown, whatever it hands out
        Object[] arguments = e.arguments().clone();
        if (arguments.length > 0 && arguments[0] instanceof String subject) {
            arguments[0] = ABOUT_A_FIELD.contains(e.errorCode())
                    ? messages.getMessage(form + "." + subject, null, subject, locale)
                    : otherSubject.apply(subject);
        }
        return messages.getMessage(e.errorCode().messageKey(), arguments, locale);
    }

    /** The form's field an error is about (its name, the first argument), or null when it is about no one field. */
    static @Nullable String field(BaobabException e) {
        Object[] arguments = e.arguments();
        return ABOUT_A_FIELD.contains(e.errorCode()) && arguments.length > 0 && arguments[0] instanceof String name
                ? name
                : null;
    }
}
