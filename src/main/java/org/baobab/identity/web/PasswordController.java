// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.baobab.identity.Accounts;
import org.baobab.identity.IdentityErrorCode;
import org.baobab.identity.internal.SessionTermination;
import org.baobab.identity.internal.SignIn;
import org.baobab.identity.internal.SignInHandlers;
import org.baobab.shared.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Forgotten password: a reset link by mail. The form answers the same whether or not the address has an account, and
 * its requests count towards the per-address limit so it cannot be used to flood a mailbox.
 */
@Controller
class PasswordController {

    private final Accounts accounts;
    private final SignIn signIn;
    private final SessionTermination sessions;

    private final FormErrors forms;

    PasswordController(Accounts accounts, SignIn signIn, SessionTermination sessions, FormErrors forms) {
        this.accounts = accounts;
        this.signIn = signIn;
        this.sessions = sessions;
        this.forms = forms;
    }

    /** A new password, typed twice (labels {@code passwordReset.<field>}). */
    record PasswordReset(
            String token,
            @NotBlank @Size(min = 12, max = 128) String password,
            @NotBlank String confirmation) {}

    @GetMapping("/password/forgot")
    String forgot() {
        return "identity/password-forgot";
    }

    @PostMapping("/password/forgot")
    String requestReset(
            @RequestParam String email, HttpServletRequest request, HttpServletResponse response, Model model) {
        String ip = SignInHandlers.clientAddress(request);
        if (signIn.addressBlocked(ip)) {
            response.setStatus(429);
            return "identity/too-many-attempts";
        }
        if (email.isBlank() || email.length() > 320 || !email.contains("@")) {
            model.addAttribute("emailError", true);
            response.setStatus(400);
            return "identity/password-forgot";
        }
        accounts.requestPasswordReset(email, ip);
        model.addAttribute("sent", true);
        return "identity/password-forgot";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("invalid", !accounts.tokenUsable(token, "RESET_PASSWORD"));
        model.addAttribute("passwordReset", new PasswordReset(token, "", ""));
        return "identity/password-reset";
    }

    @PostMapping("/password/reset")
    String reset(
            @Valid @ModelAttribute("passwordReset") PasswordReset form,
            BindingResult errors,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("token", form.token());
        if (!errors.hasFieldErrors("confirmation") && !form.confirmation().equals(form.password())) {
            errors.rejectValue("confirmation", "error.identity.passwords-differ");
        }
        return forms.on(errors)
                .statusOnFailure(response)
                .field(IdentityErrorCode.WEAK_PASSWORD, "password")
                .run(
                        () -> {
                            String email = accounts.resetPassword(form.token(), form.password());
                            // whoever held the old password is signed out everywhere
                            sessions.endAllExcept(email, null);
                        },
                        () -> "redirect:/login?reset",
                        () -> {
                            model.addAttribute(
                                    "invalid", FormErrors.refusedWith(errors, IdentityErrorCode.TOKEN_INVALID));
                            return "identity/password-reset";
                        });
    }
}
