// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.web;

import org.baobab.shared.HttpAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may read open data: everyone, without an account. That is the point of it. */
@Configuration(proxyBeanMethods = false)
class OpenDataAccessRules {

    @Bean
    HttpAccessRules openDataRules() {
        return registry ->
                registry.requestMatchers("/api/ocds/**", "/open-data").permitAll();
    }
}
