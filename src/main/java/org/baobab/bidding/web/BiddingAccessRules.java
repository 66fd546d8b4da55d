// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.web;

import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call the bidding endpoints: uploads take a supplier's member who prepares bids (the service checks again). */
@Configuration(proxyBeanMethods = false)
class BiddingAccessRules {

    @Bean
    HttpAccessRules biddingUploadRules() {
        return registry -> registry.requestMatchers("/api/bids/uploads", "/api/bids/uploads/**")
                .access(HttpAccessRules.signedInWithAnyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
    }

    @Bean
    HttpAccessRules biddingRules() {
        return registry -> registry.requestMatchers(HttpMethod.GET, "/api/bids/sealing-sets/*")
                .permitAll()
                .requestMatchers("/api/bids", "/api/bids/**", "/bids", "/bids/**")
                .access(HttpAccessRules.signedInWithAnyOf(Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER));
    }
}
