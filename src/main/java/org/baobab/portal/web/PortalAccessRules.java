// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import org.baobab.shared.HttpAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may read the portal's own pages: everyone. The versioned static assets ({@link StaticAssets}:
 * {@code /favicon-<hash>.svg}, {@code /<hash>/js/…}) are public like the unversioned ones the security chain already
 * lets through, and so is the API's page for people.
 */
@Configuration(proxyBeanMethods = false)
class PortalAccessRules {

    @Bean
    HttpAccessRules portalRules() {
        return registry -> registry.requestMatchers(HttpMethod.GET, "/favicon-*.svg", "/*/js/**", "/developers")
                .permitAll();
    }
}
