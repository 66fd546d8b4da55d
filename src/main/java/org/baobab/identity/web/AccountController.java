// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.IdentityErrorCode;
import org.baobab.identity.internal.SessionTermination;
import org.baobab.shared.web.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The signed-in user's own page: who they are, their organisations and roles, their password. */
@Controller
class AccountController {

    private final Accounts accounts;
    private final SessionTermination sessions;
    private final FormErrors forms;

    AccountController(Accounts accounts, SessionTermination sessions, FormErrors forms) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.forms = forms;
    }

    /** The change of one's own password (labels {@code passwordChange.<field>}). */
    record PasswordChange(
            @NotBlank String currentPassword,
            @NotBlank @Size(min = 12, max = 128) String password) {}

    @GetMapping("/account")
    String account(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("user", user);
        if (!model.containsAttribute("passwordChange")) {
            model.addAttribute("passwordChange", new PasswordChange("", ""));
        }
        return "identity/account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("passwordChange") PasswordChange form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return forms.on(errors)
                .field(IdentityErrorCode.CURRENT_PASSWORD_WRONG, "currentPassword")
                .field(IdentityErrorCode.WEAK_PASSWORD, "password")
                .run(
                        () -> accounts.changePassword(user, form.currentPassword(), form.password()),
                        () -> {
                            // other sessions of this account (another browser, a stolen cookie) end; this one goes on
                            sessions.endAllExcept(
                                    user.email(), request.getSession().getId());
                            return "redirect:/account?passwordChanged";
                        },
                        () -> {
                            response.setStatus(400);
                            return account(user, model);
                        });
    }
}
