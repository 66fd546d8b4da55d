// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.web;

import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the opening pages: a committee member enrols their key ({@code /committee/key} and its JSON calls).
 * The committee designation page lives under {@code /buyer/processes/…}, which tendering's rules give to buyers and
 * PRMs; the service lets only the PRM designate. The opening pages ({@code /opening/…}) are for committee members and
 * PRMs; the service lets only the process's committee (and its PRM, to start) take part. That rule covers the forms of
 * the minutes: observations, approval, the state of the pieces ({@code /opening/{ocid}/pieces}) and the representatives
 * present ({@code /opening/{ocid}/representatives}), which the service leaves to present members free of conflict and
 * to the PRM.
 */
@Configuration(proxyBeanMethods = false)
class OpeningAccessRules {

    @Bean
    HttpAccessRules openingRules() {
        return registry -> {
            registry.requestMatchers("/committee/**", "/api/committee/**")
                    .access(HttpAccessRules.signedInWithAnyOf(Role.COMMITTEE_MEMBER));
            registry.requestMatchers("/opening/**", "/api/opening/**")
                    .access(HttpAccessRules.signedInWithAnyOf(Role.COMMITTEE_MEMBER, Role.PRM));
        };
    }
}
