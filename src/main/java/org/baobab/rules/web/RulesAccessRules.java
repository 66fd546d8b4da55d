// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.web;

import org.baobab.shared.HttpAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the rules module's endpoints: everyone. Procurement rules are public law, the CPV a public standard; bidders, journalists and
 * other countries' portals must read them without an account.
 */
@Configuration(proxyBeanMethods = false)
class RulesAccessRules {

    @Bean
    HttpAccessRules rulesRules() {
        return registry -> registry.requestMatchers(
                        "/rules",
                        "/rules/**",
                        "/api/rules",
                        "/api/rules/**",
                        "/classification",
                        "/classification/**",
                        "/api/classification/**")
                .permitAll();
    }
}
