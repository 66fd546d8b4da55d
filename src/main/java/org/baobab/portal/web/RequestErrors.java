// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.baobab.shared.BaobabException;
import org.baobab.shared.SharedErrorCode;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The request errors Spring MVC raises before any controller runs (a malformed identifier in the address, a filter
 * that is not a number or a date, a missing parameter, a wrong method, an unknown address) answer like a refused
 * command ({@link ErrorHandling}): a translated page in the site's layout for a person, a translated RFC 9457 problem
 * with a stable {@code SHARED-} code for an API client. Spring's own English problems for them never reach anyone: this
 * advice runs before Spring Boot's {@code ProblemDetailsExceptionHandler}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestErrors {

    private final ErrorHandling errors;

    RequestErrors(ErrorHandling errors) {
        this.errors = errors;
    }

    @ExceptionHandler(TypeMismatchException.class)
    Object malformed(TypeMismatchException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String value = shown(e.getValue());
        if (e instanceof MethodArgumentTypeMismatchException m
                && m.getParameter()
                        .hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return errors.businessError(
                    new BaobabException(SharedErrorCode.MALFORMED_ADDRESS, value), request, response, locale);
        }
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return errors.businessError(
                new BaobabException(SharedErrorCode.MALFORMED_PARAMETER, String.valueOf(name), value),
                request,
                response,
                locale);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestValueException.class})
    Object missing(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String name = e instanceof MissingServletRequestParameterException m ? m.getParameterName() : "";
        return errors.businessError(
                new BaobabException(SharedErrorCode.MISSING_PARAMETER, name), request, response, locale);
    }

    /** Form fields or query parameters bound to an object ({@code @ModelAttribute}) that do not convert or validate. */
    @ExceptionHandler(BindException.class)
    Object invalid(BindException e, HttpServletRequest request, Locale locale) {
        return errors.invalidInput(e, request, locale);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object invalidArguments(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return errors.businessError(new BaobabException(SharedErrorCode.INVALID_INPUT), request, response, locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(
            HttpRequestMethodNotSupportedException e,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        if (e.getSupportedHttpMethods() != null) {
            response.setHeader(
                    "Allow",
                    String.join(
                            ", ",
                            e.getSupportedHttpMethods().stream()
                                    .map(Object::toString)
                                    .toList()));
        }
        return errors.businessError(new BaobabException(SharedErrorCode.METHOD_NOT_ALLOWED), request, response, locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return errors.businessError(
                new BaobabException(SharedErrorCode.UNSUPPORTED_MEDIA_TYPE), request, response, locale);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    Object notAcceptable(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return errors.status(406, request, response, locale);
    }

    /** A header, cookie or path variable a handler requires is missing or malformed. */
    @ExceptionHandler(ServletRequestBindingException.class)
    Object binding(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return errors.businessError(new BaobabException(SharedErrorCode.INVALID_INPUT), request, response, locale);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(
            NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return errors.status(404, request, response, locale);
    }

    /** Any other error Spring MVC gives a status to ({@code ResponseStatusException} among them). */
    @ExceptionHandler(org.springframework.web.ErrorResponseException.class)
    Object withStatus(
            org.springframework.web.ErrorResponseException e,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        return errors.status(statusOf(e), request, response, locale);
    }

    private static int statusOf(ErrorResponse e) {
        return e.getStatusCode().value();
    }

    /** The value as the page may show it: no more than a line. */
    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
