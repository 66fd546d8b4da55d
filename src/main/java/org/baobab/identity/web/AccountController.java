// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.internal.SessionTermination;
import org.baobab.shared.BaobabException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in user's own page: who they are, their organisations and roles, their password. */
@Controller
class AccountController {

    private final Accounts accounts;
    private final SessionTermination sessions;

    AccountController(Accounts accounts, SessionTermination sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("user", user);
        return "identity/account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam String currentPassword,
            @RequestParam String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("user", user);
        try {
            accounts.changePassword(user, currentPassword, password);
        } catch (BaobabException e) {
            model.addAttribute("passwordError", e.errorCode().messageKey());
            response.setStatus(400);
            return "identity/account";
        }
        // other sessions of this account (another browser, a stolen cookie) end; this one goes on
        sessions.endAllExcept(user.email(), request.getSession().getId());
        return "redirect:/account?passwordChanged";
    }
}
