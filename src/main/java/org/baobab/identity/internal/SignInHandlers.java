// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * After the password check: either straight to the second factor (code, or enrolment for a first sign-in), or, for a
 * user whose roles need none, to the page first asked for. Failures are counted and journalled.
 */
@Component
public class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final SignIn signIn;
    private final Accounts accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SavedRequestAwareAuthenticationSuccessHandler savedRequest =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SignInHandlers(SignIn signIn, Accounts accounts) {
        this.signIn = signIn;
        this.accounts = accounts;
        savedRequest.setDefaultTargetUrl("/account");
        savedRequest.setRedirectStrategy(SignInHandlers::redirectWithinSite);
    }

    /**
     * Sends the browser to the path (and query) of the page first asked for, never to another site: the saved URL's
     * scheme and host came from the request, which a client could have forged.
     */
    static void redirectWithinSite(HttpServletRequest request, HttpServletResponse response, String url)
            throws IOException {
        String target;
        try {
            java.net.URI uri = new java.net.URI(url);
            String path = uri.getRawPath();
            target = path == null || !path.startsWith("/") || path.startsWith("//")
                    ? request.getContextPath() + "/account"
                    : (uri.isAbsolute() ? "" : request.getContextPath())
                            + path
                            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (java.net.URISyntaxException e) {
            target = request.getContextPath() + "/account";
        }
        response.sendRedirect(response.encodeRedirectURL(target));
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        UserAccountDetailsService.AccountDetails details =
                (UserAccountDetailsService.AccountDetails) authentication.getPrincipal();
        CurrentUser user = accounts.currentUser(details.id()).orElseThrow();
        if (user.requiresSecondFactor()) {
            store(request, response, signIn.passwordOnly(user));
            response.sendRedirect(request.getContextPath()
                    + (signIn.enrolled(user.id()) ? "/login/second-factor" : "/account/second-factor/setup"));
            return;
        }
        Authentication full = signIn.complete(user, clientAddress(request), false);
        store(request, response, full);
        savedRequest.onAuthenticationSuccess(request, response, full);
    }

    /** Replaces the session's authentication (and keeps it in the session). */
    public void store(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** Sends the browser on to the page it first asked for, or the account page. */
    public void continueToTarget(HttpServletRequest request, HttpServletResponse response, Authentication full)
            throws IOException, jakarta.servlet.ServletException {
        savedRequest.onAuthenticationSuccess(request, response, full);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String email = String.valueOf(request.getParameter("email")).trim();
        String reason;
        String target;
        if (exception instanceof LockedException) {
            reason = "LOCKED";
            target = "/login?locked";
        } else if (exception instanceof DisabledException) {
            reason = "NOT_VERIFIED";
            target = "/login?unverified";
        } else {
            reason = "BAD_CREDENTIALS";
            target = "/login?error";
        }
        signIn.failed(email, clientAddress(request), reason);
        response.sendRedirect(request.getContextPath() + target);
    }

    /**
     * The client's address: the peer's, or behind a trusted proxy the one it forwarded ({@code
     * org.baobab.shared.http.TrustedProxyFilter} has already applied it; no one else's header is believed).
     */
    public static String clientAddress(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
