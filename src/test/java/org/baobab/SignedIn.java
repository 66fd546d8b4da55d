// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.ArrayList;
import java.util.List;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.HttpAccessRules;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A MockMvc request made by a user already signed in (with a full session), with the authorities of its roles. */
public final class SignedIn {

    private SignedIn() {}

    public static RequestPostProcessor as(CurrentUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(HttpAccessRules.SIGNED_IN));
        user.memberships()
                .forEach(
                        m -> authorities.add(new SimpleGrantedAuthority(m.role().authority())));
        return authentication(new UsernamePasswordAuthenticationToken(user, null, authorities));
    }
}
