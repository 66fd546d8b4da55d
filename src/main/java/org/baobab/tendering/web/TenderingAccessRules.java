// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call the tendering pages: notices and their documents are public; asking a question takes a signed-in
 * supplier; the buyer pages take a buyer or PRM; declaring a platform incident a platform admin or a regulator's
 * member (the list of incidents is public); the review queue a control body's controller. The service checks
 * again which organisation the user acts for.
 */
@Configuration(proxyBeanMethods = false)
class TenderingAccessRules {

    @Bean
    HttpAccessRules tenderingRules() {
        return registry -> {
            registry.requestMatchers(HttpMethod.POST, "/notices/*/questions")
                    .access(signedInWithAny(Role.SUPPLIER_ADMIN, Role.BID_PREPARER, Role.SIGNATORY));
            registry.requestMatchers(HttpMethod.POST, "/notices/*/follow").hasAuthority(HttpAccessRules.SIGNED_IN);
            registry.requestMatchers(
                            "/notices",
                            "/notices/**",
                            "/notices.atom",
                            "/api/notices",
                            "/api/notices/**",
                            "/sitemap.xml",
                            "/robots.txt")
                    .permitAll();
            registry.requestMatchers("/incidents/declare")
                    .access(signedInWithAny(Role.PLATFORM_ADMIN, Role.COMPLAINTS_OFFICER, Role.REGULATOR_AUDITOR));
            registry.requestMatchers(HttpMethod.POST, "/incidents")
                    .access(signedInWithAny(Role.PLATFORM_ADMIN, Role.COMPLAINTS_OFFICER, Role.REGULATOR_AUDITOR));
            registry.requestMatchers(HttpMethod.GET, "/incidents").permitAll();
            registry.requestMatchers("/buyer/**").access(signedInWithAny(Role.BUYER, Role.PRM));
            registry.requestMatchers("/review", "/review/**").access(signedInWithAny(Role.CONTROLLER));
        };
    }

    static AuthorizationManager<RequestAuthorizationContext> signedInWithAny(Role... roles) {
        Set<String> wanted = Arrays.stream(roles).map(Role::authority).collect(Collectors.toSet());
        return (authentication, context) -> {
            var authorities = authentication.get().getAuthorities();
            boolean full = authorities.stream().anyMatch(a -> HttpAccessRules.SIGNED_IN.equals(a.getAuthority()));
            boolean role = authorities.stream().anyMatch(a -> wanted.contains(a.getAuthority()));
            return new AuthorizationDecision(full && role);
        };
    }
}
