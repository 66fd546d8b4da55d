// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads an account for the password check. A locked account (too many failures) and an unverified or deactivated one
 * cannot pass it; the authorities here are empty because the real ones are given only after the second factor.
 */
@Component
class UserAccountDetailsService implements UserDetailsService {

    private final IdentityStore store;
    private final Clock clock;

    UserAccountDetailsService(IdentityStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        IdentityStore.UserRow user =
                store.userByEmail(email).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        boolean locked = user.lockedUntil() != null && user.lockedUntil().isAfter(clock.instant());
        return new AccountDetails(
                user.id(), user.email(), user.passwordHash(), user.active() && user.emailVerified(), !locked);
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
