// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

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

    /** A fully signed-in session holding at least one of the roles, e.g. the buyer or the PRM of some authority. */
    static AuthorizationManager<RequestAuthorizationContext> signedInWithAnyOf(Role... roles) {
        Set<String> wanted = Arrays.stream(roles).map(Role::authority).collect(Collectors.toSet());
        return (authentication, context) -> {
            var authorities = authentication.get().getAuthorities().stream()
                    .map(a -> a.getAuthority())
                    .toList();
            return new AuthorizationDecision(
                    authorities.contains(SIGNED_IN) && authorities.stream().anyMatch(wanted::contains));
        };
    }

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry);
}
