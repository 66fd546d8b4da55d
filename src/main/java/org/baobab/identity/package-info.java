// SPDX-License-Identifier: Apache-2.0
/**
 * Who is who: organisations of four kinds, users, memberships with roles; sign-in with Argon2id-hashed passwords and a
 * mandatory TOTP second factor, lock-out and rate limit; e-mail verification, password reset, supplier
 * self-registration and invitations. Every change and every sign-in is journalled through {@link
 * org.baobab.shared.AuditableEvent}s.
 */
@ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"shared"})
@NullMarked
package org.baobab.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
