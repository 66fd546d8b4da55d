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
            registry.requestMatchers("/verification/documents", "/verification/documents/**")
                    .access((authentication, context) -> {
                        var authorities = authentication.get().getAuthorities().stream()
                                .map(a -> a.getAuthority())
                                .toList();
                        return new org.springframework.security.authorization.AuthorizationDecision(
                                authorities.contains(HttpAccessRules.SIGNED_IN)
                                        && (authorities.contains(Role.BUYER.authority())
                                                || authorities.contains(Role.PRM.authority())
                                                || authorities.contains(Role.COMPLAINTS_OFFICER.authority())
                                                || authorities.contains(Role.REGULATOR_AUDITOR.authority())));
                    });
            registry.requestMatchers("/supplier/profile", "/supplier/documents").access((authentication, context) -> {
                var authorities = authentication.get().getAuthorities().stream()
                        .map(a -> a.getAuthority())
                        .toList();
                return new org.springframework.security.authorization.AuthorizationDecision(
                        authorities.contains(HttpAccessRules.SIGNED_IN)
                                && (authorities.contains(Role.SUPPLIER_ADMIN.authority())
                                        || authorities.contains(Role.SIGNATORY.authority())
                                        || authorities.contains(Role.BID_PREPARER.authority())));
            });
            registry.requestMatchers("/regulator/exclusions", "/regulator/exclusions/**")
                    .hasAllAuthorities(HttpAccessRules.SIGNED_IN, Role.COMPLAINTS_OFFICER.authority());
        };
    }
}
