// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.baobab.identity.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * A person who gave the right password but not yet the second-factor code, and who opens a page that needs a full
 * sign-in, is sent to the code page (or to the enrolment page on a first sign-in) and, once the code is accepted, on
 * to the page they asked for: not told "access denied". Everyone else refused gets the usual 403; so does an API
 * client, which has no code page to go to.
 */
class SecondFactorDue implements AccessDeniedHandler {

    private final SignIn signIn;
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();
    private final AccessDeniedHandler refused = new AccessDeniedHandlerImpl();

    SecondFactorDue(SignIn signIn) {
        this.signIn = signIn;
        // after the code, back to the page's own address (without a "?continue" marker)
        requests.setMatchingRequestParameterName(null);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (authentication != null
                && authentication.getPrincipal() instanceof CurrentUser user
                && passwordOnly(authentication)
                && !path.startsWith("/api/")) {
            if ("GET".equals(request.getMethod())) {
                requests.saveRequest(request, response);
            }
            response.sendRedirect(request.getContextPath()
                    + (signIn.enrolled(user.id()) ? "/login/second-factor" : "/account/second-factor/setup"));
            return;
        }
        refused.handle(request, response, denied);
    }

    private static boolean passwordOnly(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(a -> SignIn.PASSWORD_VERIFIED.equals(a.getAuthority()));
    }
}
