// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads an account for the password check. An unverified or deactivated one cannot pass it, which is told only after
 * the right password (SecurityConfiguration), so that the answer to a wrong one does not tell whether the account
 * exists; nothing locks an account (failures slow down the address that made them, see SignIn#throttledUntil). The
 * authorities here are empty because the real ones are given only after the second factor.
 */
@Component
class UserAccountDetailsService implements UserDetailsService {

    private final IdentityStore store;

    UserAccountDetailsService(IdentityStore store) {
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        IdentityStore.UserRow user =
                store.userByEmail(email).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return new AccountDetails(
                user.id(), user.email(), user.passwordHash(), user.active() && user.emailVerified(), true);
    }

    /** The account as the password check sees it. */
    static final class AccountDetails extends User {
        private static final long serialVersionUID = 1L;
        private final UUID id;

        AccountDetails(UUID id, String email, String hash, boolean enabled, boolean nonLocked) {
            super(email, hash, enabled, true, true, nonLocked, List.of());
            this.id = id;
        }

        UUID id() {
            return id;
        }
    }
}
