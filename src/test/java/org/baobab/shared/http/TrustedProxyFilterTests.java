// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Forwarded headers are believed from the configured proxies only, and the client is the rightmost untrusted hop. */
class TrustedProxyFilterTests {

    private static HttpServletRequest through(TrustedProxyFilter filter, MockHttpServletRequest request)
            throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }

    private static MockHttpServletRequest fromPeer(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/account");
        request.setRemoteAddr(peer);
        request.setServerName("baobab.local");
        request.addHeader("X-Forwarded-For", forwardedFor);
        request.addHeader("X-Forwarded-Host", "marches.example.org");
        request.addHeader("X-Forwarded-Proto", "https");
        return request;
    }

    @Test
    void withNoProxyConfiguredNoHeaderIsBelieved() throws Exception {
        HttpServletRequest seen = through(new TrustedProxyFilter(List.of()), fromPeer("127.0.0.1", "203.0.113.9"));
        assertThat(seen.getRemoteAddr()).isEqualTo("127.0.0.1");
        assertThat(seen.getServerName()).isEqualTo("baobab.local");
        assertThat(seen.getScheme()).isEqualTo("http");
        assertThat(seen.getHeader("X-Forwarded-For")).isNull();
    }

    @Test
    void theConfiguredProxysHeadersAreHonoured() throws Exception {
        TrustedProxyFilter filter = new TrustedProxyFilter(List.of("10.0.0.0/8", "::1"));
        HttpServletRequest seen = through(filter, fromPeer("10.1.2.3", "198.51.100.7"));
        assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.7");
        assertThat(seen.getServerName()).isEqualTo("marches.example.org");
        assertThat(seen.getScheme()).isEqualTo("https");
    }

    @Test
    void whatAClientWroteLeftOfTheProxysHopIsIgnored() throws Exception {
        TrustedProxyFilter filter = new TrustedProxyFilter(List.of("10.0.0.0/8"));
        // the client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw, then a second proxy
        HttpServletRequest seen = through(filter, fromPeer("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.1"));
        assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.7");
    }

    @Test
    void aPeerOutsideTheListIsNotBelieved() throws Exception {
        TrustedProxyFilter filter = new TrustedProxyFilter(List.of("10.0.0.0/8"));
        HttpServletRequest seen = through(filter, fromPeer("192.0.2.44", "10.0.0.1"));
        assertThat(seen.getRemoteAddr()).isEqualTo("192.0.2.44");
        assertThat(seen.getServerName()).isEqualTo("baobab.local");
    }
}
