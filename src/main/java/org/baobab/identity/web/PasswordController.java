// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baobab.identity.Accounts;
import org.baobab.identity.internal.SessionTermination;
import org.baobab.identity.internal.SignIn;
import org.baobab.identity.internal.SignInHandlers;
import org.baobab.shared.BaobabException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    PasswordController(Accounts accounts, SignIn signIn, SessionTermination sessions) {
        this.accounts = accounts;
        this.signIn = signIn;
        this.sessions = sessions;
    }

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
        return "identity/password-reset";
    }

    @PostMapping("/password/reset")
    String reset(
            @RequestParam String token,
            @RequestParam String password,
            @RequestParam String confirmation,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("token", token);
        model.addAttribute("invalid", false);
        if (!password.equals(confirmation)) {
            model.addAttribute("passwordError", "error.identity.passwords-differ");
            response.setStatus(400);
            return "identity/password-reset";
        }
        try {
            String email = accounts.resetPassword(token, password);
            // whoever held the old password is signed out everywhere
            sessions.endAllExcept(email, null);
        } catch (BaobabException e) {
            model.addAttribute("passwordError", e.errorCode().messageKey());
            model.addAttribute("invalid", "IDENTITY-0004".equals(e.errorCode().code()));
            response.setStatus(400);
            return "identity/password-reset";
        }
        return "redirect:/login?reset";
    }
}
