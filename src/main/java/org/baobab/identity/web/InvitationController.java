// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.baobab.identity.Accounts;
import org.baobab.shared.BaobabException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** An invited official or colleague follows the mail's link and sets their name and password. */
@Controller
class InvitationController {

    private final Accounts accounts;

    InvitationController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/invitation")
    String form(@RequestParam String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("invalid", !accounts.tokenUsable(token, "INVITATION"));
        return "identity/invitation";
    }

    @PostMapping("/invitation")
    String accept(
            @RequestParam String token,
            @RequestParam String fullName,
            @RequestParam String password,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("token", token);
        model.addAttribute("invalid", false);
        if (fullName.isBlank() || fullName.length() > 200) {
            model.addAttribute("nameError", true);
            response.setStatus(400);
            return "identity/invitation";
        }
        try {
            accounts.acceptInvitation(token, fullName, password, locale.getLanguage());
        } catch (BaobabException e) {
            model.addAttribute("passwordError", e.errorCode().messageKey());
            model.addAttribute("invalid", "IDENTITY-0004".equals(e.errorCode().code()));
            response.setStatus(400);
            return "identity/invitation";
        }
        return "redirect:/login?welcome";
    }
}
