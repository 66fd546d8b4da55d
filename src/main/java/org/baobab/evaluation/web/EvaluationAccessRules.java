// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation.web;

import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the evaluation pages: committee members and PRMs, signed in with their second factor. The service then
 * lets only the process's committee and its authority's PRM see or act, each in their part.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationAccessRules {

    @Bean
    HttpAccessRules evaluationRules() {
        return registry -> registry.requestMatchers("/evaluation/**")
                .access(HttpAccessRules.signedInWithAnyOf(Role.COMMITTEE_MEMBER, Role.PRM));
    }
}
