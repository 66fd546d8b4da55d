// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.web;

import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exclusion list and the directory are public; the register takes a regulator's complaints officer, the company
 * profile a member of a supplier (the services check which organisation and whether the member may edit).
 */
@Configuration(proxyBeanMethods = false)
class SuppliersAccessRules {

    @Bean
    HttpAccessRules suppliersRules() {
        return registry -> {
            registry.requestMatchers("/suppliers", "/suppliers/excluded", "/api/suppliers/excluded")
                    .permitAll();
            registry.requestMatchers("/alerts", "/alerts/confirm", "/alerts/unsubscribe")
                    .permitAll();
            registry.requestMatchers("/alerts/*/remove").hasAuthority(HttpAccessRules.SIGNED_IN);
            registry.requestMatchers("/verification/documents", "/verification/documents/**")
                    .access(HttpAccessRules.signedInWithAnyOf(
                            Role.BUYER, Role.PRM, Role.COMPLAINTS_OFFICER, Role.REGULATOR_AUDITOR));
            registry.requestMatchers(
                            "/supplier",
                            "/supplier/profile",
                            "/supplier/documents",
                            "/supplier/categories",
                            "/supplier/categories/remove")
                    .access(HttpAccessRules.signedInWithAnyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
            registry.requestMatchers("/regulator/exclusions", "/regulator/exclusions/**")
                    .hasAllAuthorities(HttpAccessRules.SIGNED_IN, Role.COMPLAINTS_OFFICER.authority());
        };
    }
}
