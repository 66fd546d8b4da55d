// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.web;

import org.baobab.shared.HttpAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the documents endpoints: any fully signed-in user; which document a user may then download is decided
 * per document by {@link org.baobab.documents.Documents#read} (docs/documents.md#who-may-read-a-document).
 */
@Configuration(proxyBeanMethods = false)
class DocumentsAccessRules {

    @Bean
    HttpAccessRules documentsRules() {
        return registry -> registry.requestMatchers("/api/documents", "/api/documents/**", "/documents/**")
                .hasAuthority(HttpAccessRules.SIGNED_IN);
    }
}
