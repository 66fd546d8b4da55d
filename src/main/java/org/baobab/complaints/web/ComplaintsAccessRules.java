// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints.web;

import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call the complaints endpoints: the public parts of complaints are open data ({@code GET /api/complaints}, {@code /complaints});
 * the regulator's desk is its complaints officers'. */
@Configuration(proxyBeanMethods = false)
class ComplaintsAccessRules {

    @Bean
    HttpAccessRules complaintsRules() {
        return registry -> {
            registry.requestMatchers(HttpMethod.GET, "/api/complaints", "/complaints")
                    .permitAll();
            registry.requestMatchers("/complaints/new")
                    .access(HttpAccessRules.signedInWithAnyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY));
            registry.requestMatchers(HttpMethod.POST, "/complaints")
                    .access(HttpAccessRules.signedInWithAnyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY));
            registry.requestMatchers(HttpMethod.GET, "/complaints/*").hasAuthority(HttpAccessRules.SIGNED_IN);
            registry.requestMatchers(HttpMethod.POST, "/complaints/*/messages").hasAuthority(HttpAccessRules.SIGNED_IN);
            registry.requestMatchers(HttpMethod.POST, "/complaints/*/answer")
                    .access(HttpAccessRules.signedInWithAnyOf(Role.PRM));
            registry.requestMatchers(HttpMethod.POST, "/complaints/*/escalate")
                    .access(HttpAccessRules.signedInWithAnyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY));
            registry.requestMatchers("/regulator/complaints", "/regulator/complaints/**")
                    .access(HttpAccessRules.signedInWithAnyOf(Role.COMPLAINTS_OFFICER));
        };
    }
}
