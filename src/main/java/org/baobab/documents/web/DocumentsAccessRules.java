// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.web;

import org.baobab.shared.HttpAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may upload and download documents: any fully signed-in user. */
@Configuration(proxyBeanMethods = false)
class DocumentsAccessRules {

    @Bean
    HttpAccessRules documentsRules() {
        return registry -> registry.requestMatchers("/api/documents", "/api/documents/**", "/documents/**")
                .hasAuthority(HttpAccessRules.SIGNED_IN);
    }
}
