// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.internal.SignIn;
import org.baobab.identity.internal.SignInHandlers;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * First sign-in of a user whose roles need a second factor: the page shows a new secret (QR code and text), and the
 * secret is stored only when a code from the user's app proves the app holds it. The pending secret lives in the
 * session, never in the database, until then.
 */
@Controller
class SecondFactorSetupController {

    static final String PENDING_SECRET = "baobab.totp.pending";

    private final SignIn signIn;
    private final SignInHandlers handlers;
    private final MessageSource messages;

    SecondFactorSetupController(SignIn signIn, SignInHandlers handlers, MessageSource messages) {
        this.signIn = signIn;
        this.handlers = handlers;
        this.messages = messages;
    }

    @GetMapping("/account/second-factor/setup")
    String setup(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model, Locale locale) {
        if (signIn.enrolled(user.id())) {
            return "redirect:/login/second-factor";
        }
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = signIn.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        fill(model, user, secret, locale);
        return "identity/second-factor-setup";
    }

    @PostMapping("/account/second-factor/setup")
    String confirm(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam String code,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Model model,
            Locale locale)
            throws IOException, jakarta.servlet.ServletException {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            return "redirect:/account/second-factor/setup";
        }
        if (!signIn.enrol(user.id(), secret, code)) {
            signIn.failed(user.email(), SignInHandlers.clientAddress(request), "BAD_CODE");
            if (signIn.throttledUntil(user.email(), SignInHandlers.clientAddress(request))
                    .isPresent()) {
                session.invalidate();
                return "redirect:/login?locked";
            }
            fill(model, user, secret, locale);
            model.addAttribute("codeError", true);
            response.setStatus(400);
            return "identity/second-factor-setup";
        }
        session.removeAttribute(PENDING_SECRET);
        Authentication full = signIn.complete(user, SignInHandlers.clientAddress(request), true);
        request.changeSessionId();
        handlers.store(request, response, full);
        handlers.continueToTarget(request, response, full);
        return null;
    }

    private void fill(Model model, CurrentUser user, String secret, Locale locale) {
        String uri = signIn.enrolmentUri(user.email(), secret);
        model.addAttribute("qrSvg", QrCodes.svg(uri, messages.getMessage("second-factor.setup.qr", null, locale)));
        model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").trim());
    }
}
