// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Believes forwarded headers only from the configured proxies. A request from anyone else has its {@code Forwarded}
 * and {@code X-Forwarded-*} headers removed, so a client cannot choose the address the rate limit counts and the journal
 * records, nor the host a redirect leads to. A request from a trusted proxy gets its host, scheme, port and prefix from
 * Spring's {@link ForwardedHeaderFilter}, and its client address from {@code X-Forwarded-For} read from the right: the
 * first address that is not itself a trusted proxy (what a client wrote to the left of it is ignored).
 */
public final class TrustedProxyFilter extends OncePerRequestFilter {

    private final List<IpAddressMatcher> proxies;
    private final ForwardedHeaderFilter apply = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter remove = new ForwardedHeaderFilter();

    public TrustedProxyFilter(List<String> trustedProxies) {
        this.proxies = trustedProxies.stream().map(IpAddressMatcher::new).toList();
        remove.setRemoveOnly(true);
    }

    /** Whether the address is one of the trusted proxies. */
    boolean trusted(String address) {
        for (IpAddressMatcher proxy : proxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!trusted(request.getRemoteAddr())) {
            remove.doFilter(request, response, chain);
            return;
        }
        String client = client(request);
        apply.doFilter(
                request,
                response,
                (forwarded, out) -> chain.doFilter(new ClientAddress((HttpServletRequest) forwarded, client), out));
    }

    /** The client's address: the rightmost one of {@code X-Forwarded-For} that is not a trusted proxy. */
    private String client(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? request.getRemoteAddr() : hops.get(0);
    }

    /** The request as seen from the client's address. */
    private static final class ClientAddress extends HttpServletRequestWrapper {

        private final String address;

        ClientAddress(HttpServletRequest request, String address) {
            super(request);
            this.address = address;
        }

        @Override
        public String getRemoteAddr() {
            return address;
        }

        @Override
        public String getRemoteHost() {
            return address;
        }
    }
}
