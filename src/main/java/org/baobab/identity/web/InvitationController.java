// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.baobab.identity.Accounts;
import org.baobab.identity.IdentityErrorCode;
import org.baobab.shared.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** An invited official or colleague follows the mail's link and sets their name and password. */
@Controller
class InvitationController {

    private final Accounts accounts;

    private final FormErrors forms;

    InvitationController(Accounts accounts, FormErrors forms) {
        this.accounts = accounts;
        this.forms = forms;
    }

    /** The invited person's name and password (labels {@code activation.<field>}). */
    record Activation(
            String token,
            @NotBlank @Size(max = 200) String fullName,
            @NotBlank @Size(min = 12, max = 128) String password) {}

    @GetMapping("/invitation")
    String form(@RequestParam String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("invalid", !accounts.tokenUsable(token, "INVITATION"));
        model.addAttribute("activation", new Activation(token, "", ""));
        return "identity/invitation";
    }

    @PostMapping("/invitation")
    String accept(
            @Valid @ModelAttribute("activation") Activation form,
            BindingResult errors,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("token", form.token());
        return forms.on(errors)
                .statusOnFailure(response)
                .field(IdentityErrorCode.WEAK_PASSWORD, "password")
                .run(
                        () -> accounts.acceptInvitation(
                                form.token(), form.fullName(), form.password(), locale.getLanguage()),
                        () -> "redirect:/login?welcome",
                        () -> {
                            model.addAttribute(
                                    "invalid", FormErrors.refusedWith(errors, IdentityErrorCode.TOKEN_INVALID));
                            return "identity/invitation";
                        });
    }
}
