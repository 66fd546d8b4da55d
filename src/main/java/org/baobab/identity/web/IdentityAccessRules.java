// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import org.baobab.identity.internal.SignIn;
import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call the identity module's pages. */
@Configuration(proxyBeanMethods = false)
class IdentityAccessRules {

    @Bean
    HttpAccessRules identityRules() {
        return registry -> {
            registry.requestMatchers(
                            "/login",
                            "/login/too-many-attempts",
                            "/register",
                            "/register/**",
                            "/verify-email",
                            "/verify-email/**",
                            "/password/**",
                            "/invitation")
                    .permitAll();
            registry.requestMatchers("/login/second-factor", "/account/second-factor/setup")
                    .hasAuthority(SignIn.PASSWORD_VERIFIED);
            registry.requestMatchers("/organisation/**")
                    .access((authentication, context) ->
                            new org.springframework.security.authorization.AuthorizationDecision(
                                    authentication.get().getAuthorities().stream()
                                                    .anyMatch(a ->
                                                            a.getAuthority().equals(HttpAccessRules.SIGNED_IN))
                                            && authentication.get().getAuthorities().stream()
                                                    .anyMatch(a ->
                                                            a.getAuthority().equals(Role.ORGANISATION_ADMIN.authority())
                                                                    || a.getAuthority()
                                                                            .equals(Role.SUPPLIER_ADMIN.authority()))));
            registry.requestMatchers("/admin/organisations", "/admin/organisations/**")
                    .hasAllAuthorities(HttpAccessRules.SIGNED_IN, Role.PLATFORM_ADMIN.authority());
        };
    }
}
