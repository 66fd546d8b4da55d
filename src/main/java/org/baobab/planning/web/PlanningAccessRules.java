// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning.web;

import java.util.Set;
import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;

/** Published plans and their AGPM are public; the plan editor takes a buyer or PRM (the service checks which). */
@Configuration(proxyBeanMethods = false)
class PlanningAccessRules {

    @Bean
    HttpAccessRules planningRules() {
        Set<String> staff = Set.of(Role.BUYER.authority(), Role.PRM.authority());
        return registry -> {
            registry.requestMatchers("/plans", "/plans/**").permitAll();
            registry.requestMatchers("/buyer/plans", "/buyer/plans/**")
                    .access((authentication, context) ->
                            new AuthorizationDecision(authentication.get().getAuthorities().stream()
                                            .anyMatch(a -> HttpAccessRules.SIGNED_IN.equals(a.getAuthority()))
                                    && authentication.get().getAuthorities().stream()
                                            .anyMatch(a -> staff.contains(a.getAuthority()))));
        };
    }
}
