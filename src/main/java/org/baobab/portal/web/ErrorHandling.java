// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baobab.shared.BaobabException;
import org.baobab.shared.SharedErrorCode;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns a business-rule violation into what its reader expects: an RFC 9457 problem (with a stable {@code code} and a
 * translated {@code title} and {@code detail}) for API clients (under {@code /api/}, or asking for JSON and not for
 * HTML), a translated error page in the site's layout for people. The transaction of the command has already rolled
 * back, so nothing was changed. {@link RequestErrors} sends Spring MVC's own request errors here too.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorHandling {

    static final URI PROBLEM_BASE = URI.create("https://baobab.example/problems/");

    private final MessageSource messages;

    ErrorHandling(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BaobabException.class)
    Object businessError(BaobabException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String detail = messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale);
        int status = e.errorCode().httpStatus();
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
            problem.setType(PROBLEM_BASE.resolve(e.errorCode().code().toLowerCase(Locale.ROOT)));
            problem.setTitle(messages.getMessage("error.title." + status, null, detail, locale));
            problem.setProperty("code", e.errorCode().code());
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        response.setStatus(status);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status);
        page.addObject("message", detail);
        page.addObject("code", e.errorCode().code());
        return page;
    }

    /**
     * A request the firewall refused lazily, or an unreadable body (see {@link UnreadableBodies}): a JSON string the edge
     * refuses ({@link InputEdge}) keeps its own code, anything else is invalid input.
     */
    @ExceptionHandler(RequestRejectedException.class)
    Object unreadableInput(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        BaobabException cause = null;
        for (Throwable t = e; t != null && cause == null; t = t.getCause()) {
            if (t instanceof BaobabException b) {
                cause = b;
            }
        }
        if (cause == null) {
            cause = new BaobabException(
                    e instanceof RequestRejectedException
                            ? SharedErrorCode.UNACCEPTABLE_CHARACTERS
                            : SharedErrorCode.INVALID_INPUT);
        }
        return businessError(cause, request, response, locale);
    }

    /** An error known by its status only (an unknown address, say): the status's translated title and text. */
    Object status(int status, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String text = messages.getMessage("error.text." + status, null, null, locale);
        String detail = text != null ? text : messages.getMessage("error.text.default", null, locale);
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
            problem.setTitle(messages.getMessage("error.title." + status, null, detail, locale));
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        response.setStatus(status);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status);
        return page;
    }

    Object invalidInput(BindException e, HttpServletRequest request, Locale locale) {
        String detail = messages.getMessage(SharedErrorCode.INVALID_INPUT.messageKey(), null, locale);
        if (!isApi(request)) {
            ModelAndView page = new ModelAndView("error");
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject("status", 400);
            page.addObject("message", detail);
            page.addObject("code", SharedErrorCode.INVALID_INPUT.code());
            page.addObject(
                    "details",
                    e.getFieldErrors().stream()
                            .map(f -> message(f, locale))
                            .distinct()
                            .toList());
            return page;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(PROBLEM_BASE.resolve("shared-0002"));
        problem.setTitle(messages.getMessage("error.title.400", null, locale));
        problem.setProperty("code", SharedErrorCode.INVALID_INPUT.code());
        List<Map<String, String>> errors = e.getFieldErrors().stream()
                .map(f -> Map.of(
                        "field", f.getField(),
                        "code", String.valueOf(f.getCode()),
                        "message", message(f, locale)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private String message(FieldError error, Locale locale) {
        return messages.getMessage(error, locale);
    }

    /** An API client: under {@code /api/}, or asking for JSON without asking for HTML. */
    static boolean isApi(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> accepted = MediaType.parseMediaTypes(accept);
            return accepted.stream().noneMatch(m -> m.isCompatibleWith(MediaType.TEXT_HTML) && !m.isWildcardType())
                    && accepted.stream()
                            .anyMatch(m -> !m.isWildcardType()
                                    && (m.isCompatibleWith(MediaType.APPLICATION_JSON)
                                            || m.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
