// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * An unreadable request body (malformed JSON, a wrong type, a string the edge refuses) answers the translated 400 of
 * {@link ErrorHandling}, before Spring's own untranslated problem for it.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableBodies {

    private final ErrorHandling errors;

    UnreadableBodies(ErrorHandling errors) {
        this.errors = errors;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(
            HttpMessageNotReadableException e,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        return errors.unreadableInput(e, request, response, locale);
    }
}
