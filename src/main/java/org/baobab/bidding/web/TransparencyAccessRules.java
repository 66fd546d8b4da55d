// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.web;

import org.baobab.shared.HttpAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the transparency log's page and API: everyone. A log that only the platform could read would prove
 * nothing; bidders, journalists and auditors check it without an account.
 */
@Configuration(proxyBeanMethods = false)
class TransparencyAccessRules {

    @Bean
    HttpAccessRules transparencyRules() {
        return registry -> registry.requestMatchers("/transparency", "/api/transparency/**")
                .permitAll();
    }
}
