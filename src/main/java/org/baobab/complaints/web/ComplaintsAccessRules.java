// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints.web;

import org.baobab.shared.HttpAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call the complaints endpoints: the public parts of complaints are open data ({@code GET /api/complaints}). */
@Configuration(proxyBeanMethods = false)
class ComplaintsAccessRules {

    @Bean
    HttpAccessRules complaintsRules() {
        return registry ->
                registry.requestMatchers(HttpMethod.GET, "/api/complaints").permitAll();
    }
}
