// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.internal;

import java.util.List;
import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.Role;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The one security chain. Public pages are listed here; each module adds the rules of its own endpoints through an
 * {@link HttpAccessRules} bean; anything else requires a fully signed-in session ({@link HttpAccessRules#SIGNED_IN}),
 * which a session gets only after the second factor its roles require.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * No inline script or style anywhere: pages load {@code /css} and {@code /js} from our origin only. Images may be
     * data: URIs (QR codes are inline SVG, which is markup, not script).
     */
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id, OWASP's recommended parameters for 2023+ (19 MiB, 2 iterations, 1 lane)
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    /** The rate limit runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<LoginRateLimitFilter> rateLimitNotAsServletFilter(LoginRateLimitFilter filter) {
        FilterRegistrationBean<LoginRateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    AuthenticationManager authenticationManager(UserAccountDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        // an unverified or deactivated account is told so only after the right password: a wrong one gets the answer
        // of an unknown account (which Spring checks against a dummy hash, so it takes as long)
        provider.setPreAuthenticationChecks(user -> {});
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("not verified or deactivated");
            }
        });
        return new ProviderManager(provider);
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            List<HttpAccessRules> moduleRules,
            SignInHandlers signInHandlers,
            LoginRateLimitFilter rateLimit,
            SignIn signIn,
            AuthenticationManager authenticationManager)
            throws Exception {
        http.authenticationManager(authenticationManager);
        http.authorizeHttpRequests(registry -> {
            registry.requestMatchers("/", "/favicon.svg", "/css/**", "/js/**", "/img/**", "/webjars/**", "/error")
                    .permitAll();
            registry.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll();
            registry.requestMatchers("/actuator/**")
                    .hasAllAuthorities(HttpAccessRules.SIGNED_IN, Role.PLATFORM_ADMIN.authority());
            registry.requestMatchers("/api/docs", "/api/docs/**", "/api/docs.yaml", "/api/docs.yaml/**")
                    .permitAll();
            moduleRules.forEach(rules -> rules.configure(registry));
            registry.anyRequest().hasAuthority(HttpAccessRules.SIGNED_IN);
        });
        http.formLogin(form -> form.loginPage("/login")
                .loginProcessingUrl("/login")
                .usernameParameter("email")
                .passwordParameter("password")
                .successHandler(signInHandlers)
                .failureHandler(signInHandlers)
                .permitAll());
        http.addFilterBefore(rateLimit, UsernamePasswordAuthenticationFilter.class);
        http.logout(logout ->
                logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").deleteCookies("BAOBAB_SESSION"));
        http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                .accessDeniedHandler(new SecondFactorDue(signIn)));
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer ->
                        referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .permissionsPolicyHeader(
                        permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")));
        return http.build();
    }
}
