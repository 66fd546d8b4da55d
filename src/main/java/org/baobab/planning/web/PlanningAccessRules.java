// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning.web;

import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Published plans and their AGPM are public; the plan editor takes a buyer or PRM (the service checks which). */
@Configuration(proxyBeanMethods = false)
class PlanningAccessRules {

    @Bean
    HttpAccessRules planningRules() {
        return registry -> {
            registry.requestMatchers("/plans", "/plans/**").permitAll();
            registry.requestMatchers("/buyer/plans", "/buyer/plans/**")
                    .access(HttpAccessRules.signedInWithAnyOf(Role.BUYER, Role.PRM));
        };
    }
}
