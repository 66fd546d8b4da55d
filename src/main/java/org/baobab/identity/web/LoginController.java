// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.internal.DemoAccounts;
import org.baobab.identity.internal.SignIn;
import org.baobab.identity.internal.SignInHandlers;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in pages: password, then the one-time code. */
@Controller
class LoginController {

    private final SignIn signIn;
    private final SignInHandlers handlers;
    private final DemoAccounts demoAccounts;

    LoginController(SignIn signIn, SignInHandlers handlers, DemoAccounts demoAccounts) {
        this.signIn = signIn;
        this.handlers = handlers;
        this.demoAccounts = demoAccounts;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demoAccounts", demoAccounts.listed());
        model.addAttribute("demoPassword", DemoAccounts.PASSWORD);
        return "identity/login";
    }

    @RequestMapping("/login/too-many-attempts")
    String tooManyAttempts(HttpServletResponse response) {
        response.setStatus(429);
        return "identity/too-many-attempts";
    }

    @GetMapping("/login/second-factor")
    String secondFactor(Model model) {
        model.addAttribute("demoCode", signIn.demoCode());
        return "identity/second-factor";
    }

    @PostMapping("/login/second-factor")
    String verifySecondFactor(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException, jakarta.servlet.ServletException {
        String ip = SignInHandlers.clientAddress(request);
        if (signIn.throttledUntil(user.email(), ip).isPresent()) {
            signIn.failed(user.email(), ip, "LOCKED");
            request.getSession().invalidate();
            return "redirect:/login?locked";
        }
        if (!signIn.verifyCode(user.id(), code)) {
            signIn.failed(user.email(), ip, "BAD_CODE");
            if (signIn.throttledUntil(user.email(), ip).isPresent() || signIn.addressBlocked(ip)) {
                request.getSession().invalidate();
                return "redirect:/login?locked";
            }
            model.addAttribute("codeError", true);
            model.addAttribute("demoCode", signIn.demoCode());
            response.setStatus(400);
            return "identity/second-factor";
        }
        Authentication full = signIn.complete(user, ip, true);
        request.changeSessionId();
        handlers.store(request, response, full);
        handlers.continueToTarget(request, response, full);
        return null;
    }
}
