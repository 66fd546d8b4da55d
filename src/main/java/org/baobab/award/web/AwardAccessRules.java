// SPDX-License-Identifier: Apache-2.0
package org.baobab.award.web;

import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the award endpoints: the award page is the authority's (PRM, buyers) and the control body's; the PRM
 * publishes, finalises and cancels; the controller reviews; a bidder's members read their own result. The public award
 * is a section of the public notice page (tendering's endpoint).
 */
@Configuration(proxyBeanMethods = false)
class AwardAccessRules {

    @Bean
    HttpAccessRules awardRules() {
        return registry -> {
            registry.requestMatchers(HttpMethod.GET, "/award/reviews")
                    .access(HttpAccessRules.signedInWithAnyOf(Role.CONTROLLER));
            registry.requestMatchers(HttpMethod.GET, "/award/*/mine")
                    .access(HttpAccessRules.signedInWithAnyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
            registry.requestMatchers(HttpMethod.GET, "/award/*")
                    .access(HttpAccessRules.signedInWithAnyOf(Role.PRM, Role.BUYER, Role.CONTROLLER));
            registry.requestMatchers(HttpMethod.POST, "/award/*/review")
                    .access(HttpAccessRules.signedInWithAnyOf(Role.CONTROLLER));
            registry.requestMatchers(
                            HttpMethod.POST,
                            "/award/*/review-request",
                            "/award/*/provisional",
                            "/award/*/final",
                            "/award/*/cancel")
                    .access(HttpAccessRules.signedInWithAnyOf(Role.PRM));
        };
    }
}
