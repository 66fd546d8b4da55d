// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses sign-in attempts (password and code) from an address that failed too often recently: HTTP 429 and the login
 * page with an explanation. Refuses, without checking the password, a password attempt for an e-mail that this address
 * must wait before trying again ({@link SignIn#throttledUntil}), with the same answer whether an account has that
 * e-mail or not. Counted in PostgreSQL, so the limits hold across all nodes.
 */
@Component
class LoginRateLimitFilter extends OncePerRequestFilter {

    private final SignIn signIn;

    LoginRateLimitFilter(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !(path.equals("/login") || path.equals("/login/second-factor"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String ip = SignInHandlers.clientAddress(request);
        if (signIn.addressBlocked(ip)) {
            String email = request.getParameter("email");
            signIn.failed(email == null ? "" : email, ip, "RATE_LIMITED");
            response.setStatus(429);
            request.getRequestDispatcher("/login/too-many-attempts").forward(request, response);
            return;
        }
        String email = request.getParameter("email");
        if (email != null && request.getRequestURI().endsWith("/login")) {
            String typed = email.strip();
            if (signIn.throttledUntil(typed, ip).isPresent()) {
                signIn.failed(typed, ip, "LOCKED");
                response.sendRedirect(request.getContextPath() + "/login?locked");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
