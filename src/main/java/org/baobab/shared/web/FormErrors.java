// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.baobab.shared.BaobabException;
import org.baobab.shared.ErrorCode;
import org.baobab.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way a page handles a form post: check the form object (Bean Validation, {@code @Valid}), run the command,
 * and on success redirect with a translated message; on a refusal show the same page again with every error next to
 * its field and in a summary at the top ({@code templates/fragments/forms.html}). Nothing was written: the command's
 * transaction rolled back.
 *
 * <p>A refusal lands on the form's {@link BindingResult}:
 *
 * <ul>
 *   <li>each violation of an {@link InvalidInput} on its field;
 *   <li>an error the controller ties to a field ({@link Submission#field}) on that field;
 *   <li>an error whose code names its field in its first argument ({@link Submission#namingField}, such as
 *       {@code error.suppliers.required} with {@code companyName}) on that field;
 *   <li>anything else as a global error of the form.
 * </ul>
 *
 * <p>An argument equal to the field's name is replaced by the field's <b>label</b>: the message key
 * {@code <form object name>.<field>} (for example {@code planLine.reference}), which the summary uses too. A field
 * error is looked up first as {@code <message key>.field} (a short text for beside the field, such as "This field is
 * required."), then as the message key itself.
 */
@Component
public class FormErrors {

    private final MessageSource messages;

    public FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** Puts a refusal on the form: its violations on their fields, anything else as a global error. */
    public static void reject(BindingResult errors, BaobabException e) {
        reject(errors, e, Map.of(), Set.of(), Map.of());
    }

    /**
     * As {@link #reject(BindingResult, BaobabException)}; {@code fields} ties codes to the field they are about, and
     * the codes in {@code naming} name their field in their first argument.
     */
    public static void reject(
            BindingResult errors,
            BaobabException e,
            Map<ErrorCode, String> fields,
            Set<ErrorCode> naming,
            Map<String, String> aliases) {
        if (e instanceof InvalidInput invalid) {
            invalid.violations()
                    .forEach(v -> rejectField(
                            errors,
                            aliases.getOrDefault(v.field(), v.field()),
                            v.code(),
                            labelled(
                                    errors,
                                    aliases.getOrDefault(v.field(), v.field()),
                                    v.field(),
                                    v.arguments().toArray())));
            return;
        }
        Object[] arguments = e.arguments();
        String field = fields.get(e.errorCode());
        if (field == null
                && naming.contains(e.errorCode())
                && arguments.length > 0
                && arguments[0] instanceof String named) {
            field = aliases.getOrDefault(named, named);
            arguments = labelled(errors, field, named, arguments);
        }
        if (field == null) {
            errors.addError(new ObjectError(
                    errors.getObjectName(),
                    new String[] {e.errorCode().messageKey()},
                    arguments,
                    e.errorCode().code()));
        } else {
            rejectField(errors, field, e.errorCode(), labelled(errors, field, field, arguments));
        }
    }

    private static void rejectField(BindingResult errors, String field, ErrorCode code, Object[] named) {
        if (isField(errors, field)) {
            errors.addError(new FieldError(
                    errors.getObjectName(),
                    field,
                    errors.getRawFieldValue(field),
                    false,
                    new String[] {code.messageKey() + ".field", code.messageKey()},
                    named,
                    code.code()));
        } else {
            errors.addError(
                    new ObjectError(errors.getObjectName(), new String[] {code.messageKey()}, named, code.code()));
        }
    }

    /** The arguments, with the field's name ({@code field} on the form, {@code named} by the service) as its label. */
    private static Object[] labelled(BindingResult errors, String field, String named, Object[] arguments) {
        Object[] copy = arguments.clone();
        for (int i = 0; i < copy.length; i++) {
            if (field.equals(copy[i]) || named.equals(copy[i])) {
                copy[i] = label(errors.getObjectName(), field);
            }
        }
        return copy;
    }

    /** Whether the form was refused, as a whole (not one of its fields), for this reason. */
    public static boolean refusedWith(BindingResult errors, ErrorCode code) {
        return errors.getGlobalErrors().stream().anyMatch(e -> code.messageKey().equals(e.getCode()));
    }

    /** The label of a form's field, as a message argument: the key {@code <form>.<field>}. */
    public static DefaultMessageSourceResolvable label(String form, String field) {
        return new DefaultMessageSourceResolvable(new String[] {form + "." + field}, field);
    }

    private static boolean isField(BindingResult errors, String field) {
        if (errors.getTarget() == null) {
            return false;
        }
        try {
            return errors.getFieldType(field) != null;
        } catch (RuntimeException notAField) {
            return false;
        }
    }

    /** Starts handling the post of a form checked into {@code errors}. */
    public Submission on(BindingResult errors) {
        return new Submission(errors);
    }

    /** {@code redirect:url}, with the translated {@code messageKey} shown once on the next page. */
    public String redirect(RedirectAttributes redirect, String url, String messageKey, Object... arguments) {
        redirect.addFlashAttribute(
                "message", messages.getMessage(messageKey, arguments, LocaleContextHolder.getLocale()));
        return "redirect:" + url;
    }

    /**
     * A button without fields (validate, publish, remove): runs the command and redirects to {@code url} with either
     * the translated {@code successKey} ({@code message}) or the refusal's message ({@code error}) shown once.
     */
    public String act(RedirectAttributes redirect, String url, String successKey, Runnable command) {
        return act(redirect, url, () -> {
            command.run();
            return redirect(redirect, url, successKey);
        });
    }

    /**
     * As {@link #act(RedirectAttributes, String, String, Runnable)}, for a command that chooses where to go (such as
     * the page of what it created): on a refusal, {@code redirect:failureUrl} with the refusal's message.
     */
    public String act(RedirectAttributes redirect, String failureUrl, Supplier<String> command) {
        return act(redirect, failureUrl, command, () -> {});
    }

    /**
     * As {@link #act(RedirectAttributes, String, Supplier)}; {@code alsoOnFailure} adds what the page needs to show
     * the refusal where it belongs (the text typed, the section to open).
     */
    public String act(
            RedirectAttributes redirect, String failureUrl, Supplier<String> command, Runnable alsoOnFailure) {
        try {
            return command.get();
        } catch (BaobabException e) {
            redirect.addFlashAttribute("error", message(e));
            alsoOnFailure.run();
            return "redirect:" + failureUrl;
        }
    }

    /**
     * As {@link #act(RedirectAttributes, String, String, Runnable)} for a button whose refusal may name a field of
     * the small form it sits in (a reason to give): an argument that is a field's name on {@code form} is shown as the
     * field's label ({@code <form>.<field>}).
     */
    public String act(RedirectAttributes redirect, String url, String successKey, String form, Runnable command) {
        return actNaming(redirect, url, form, () -> {
            command.run();
            return redirect(redirect, url, successKey);
        });
    }

    /**
     * As {@link #act(RedirectAttributes, String, Supplier)}, an argument of the refusal that is a field's name on
     * {@code form} shown as the field's label ({@code <form>.<field>}).
     */
    public String actNaming(RedirectAttributes redirect, String failureUrl, String form, Supplier<String> command) {
        try {
            return command.get();
        } catch (BaobabException e) {
            redirect.addFlashAttribute("error", message(e, form));
            return "redirect:" + failureUrl;
        }
    }

    /** The translated message of a refusal, in the reader's language. */
    public String message(BaobabException e) {
        return messages.getMessage(e.errorCode().messageKey(), e.arguments(), LocaleContextHolder.getLocale());
    }

    /** As {@link #message(BaobabException)}, an argument that names a field of {@code form} shown as its label. */
    public String message(BaobabException e, String form) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] arguments = e.arguments().clone();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof String name) {
                String label = messages.getMessage(form + "." + name, null, null, locale);
                if (label != null) {
                    arguments[i] = label;
                }
            }
        }
        return messages.getMessage(e.errorCode().messageKey(), arguments, locale);
    }

    /** The post of one form: which errors go on which field, then the command and the two outcomes. */
    public static final class Submission {

        private final BindingResult errors;
        private final Map<ErrorCode, String> fields = new HashMap<>();
        private final Set<ErrorCode> naming = new HashSet<>();
        private final Map<String, String> aliases = new HashMap<>();
        private @Nullable HttpServletResponse response;

        private Submission(BindingResult errors) {
            this.errors = errors;
        }

        /** A refusal with this code is about that field. */
        public Submission field(ErrorCode code, String field) {
            fields.put(code, field);
            return this;
        }

        /** Refusals with these codes name their field in their first argument (the field's name on the form). */
        public Submission namingField(ErrorCode... codes) {
            naming.addAll(List.of(codes));
            return this;
        }

        /**
         * On failure, answers with an error status: 400 for a form that fails its checks, the refusal's own status
         * ({@link ErrorCode#httpStatus()}) for a refusal of the service.
         */
        public Submission statusOnFailure(HttpServletResponse response) {
            this.response = response;
            return this;
        }

        /** A violation the service reports on {@code serviceField} is shown on the form's {@code formField}. */
        public Submission alias(String serviceField, String formField) {
            aliases.put(serviceField, formField);
            return this;
        }

        /**
         * Runs {@code command} unless the form already has errors; on success answers {@code success}, else puts the
         * refusal on the form and answers {@code failure} (typically the form's page again).
         */
        public String run(Runnable command, Supplier<String> success, Supplier<String> failure) {
            return submit(
                    () -> {
                        command.run();
                        return Boolean.TRUE;
                    },
                    done -> success.get(),
                    failure);
        }

        /** As {@link #run}, for a command that answers something the success needs (the id of what it created). */
        public <T> String submit(Supplier<T> command, Function<T, String> success, Supplier<String> failure) {
            if (errors.hasErrors()) {
                if (response != null) {
                    response.setStatus(400);
                }
                return failure.get();
            }
            T result;
            try {
                result = command.get();
            } catch (BaobabException e) {
                reject(errors, e, fields, naming, aliases);
                if (response != null) {
                    response.setStatus(e.errorCode().httpStatus());
                }
                return failure.get();
            }
            return success.apply(result);
        }
    }
}
