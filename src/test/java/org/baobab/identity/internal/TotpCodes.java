// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.internal;

import java.time.Instant;

/** Test access to the TOTP algorithm: what a user's authenticator app would show. */
public final class TotpCodes {

    private TotpCodes() {}

    public static String now(String base32Secret) {
        return Totp.code(base32Secret, Totp.step(Instant.now()));
    }

    /** The code of the next 30-second step (a code already used in this step would be refused as a replay). */
    public static String next(String base32Secret) {
        return Totp.code(base32Secret, Totp.step(Instant.now()) + 1);
    }
}
