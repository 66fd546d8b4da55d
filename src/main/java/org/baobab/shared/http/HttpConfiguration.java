// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.http;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link TrustedProxyFilter} first of all filters (before the security chain and the session), in place of
 * Spring Boot's {@code server.forward-headers-strategy}, which is {@code none}: Boot's own strategies either believe
 * every client ({@code framework}) or take a regular expression ({@code native}); this one takes CIDR blocks.
 */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    @Bean
    FilterRegistrationBean<TrustedProxyFilter> trustedProxyFilter(HttpProperties properties) {
        FilterRegistrationBean<TrustedProxyFilter> registration =
                new FilterRegistrationBean<>(new TrustedProxyFilter(properties.trustedProxies()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }
}
