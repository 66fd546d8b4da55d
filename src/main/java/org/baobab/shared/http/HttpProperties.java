// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.http;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baobab.http.trusted-proxies}: the addresses or CIDR blocks (IPv4 or IPv6) of the reverse proxies in front of
 * the application, e.g. {@code 10.0.0.0/8,::1}. Only a request coming straight from one of them may set the client
 * address, host and scheme through {@code X-Forwarded-*} or {@code Forwarded}; empty (the default) believes no one.
 */
@ConfigurationProperties("baobab.http")
public record HttpProperties(@DefaultValue List<String> trustedProxies) {

    public HttpProperties {
        trustedProxies = trustedProxies.stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
