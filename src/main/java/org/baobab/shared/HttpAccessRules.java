// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's declaration of who may call its endpoints. Each module that serves pages or an API provides one bean; the
 * identity module's security chain applies them all before its final rule (anything else requires a fully signed-in
 * session). {@code EndpointAuthorizationTests} checks that every endpoint is covered and tested.
 *
 * <p>Use {@link Role#authority()} and {@link #SIGNED_IN} in the rules, e.g. {@code
 * registry.requestMatchers("/api/audit/**").hasAllAuthorities(SIGNED_IN, Role.REGULATOR_AUDITOR.authority())}.
 */
@FunctionalInterface
public interface HttpAccessRules {

    /** Held by a session that passed every factor its roles require (password, and TOTP where mandatory). */
    String SIGNED_IN = "SESSION_FULL";

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry);
}
