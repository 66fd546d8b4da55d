// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.web;

import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The exclusion list is public; the register takes a regulator's complaints officer (the service checks which). */
@Configuration(proxyBeanMethods = false)
class SuppliersAccessRules {

    @Bean
    HttpAccessRules suppliersRules() {
        return registry -> {
            registry.requestMatchers("/suppliers/excluded", "/api/suppliers/excluded")
                    .permitAll();
            registry.requestMatchers("/regulator/exclusions", "/regulator/exclusions/**")
                    .hasAllAuthorities(HttpAccessRules.SIGNED_IN, Role.COMPLAINTS_OFFICER.authority());
        };
    }
}
