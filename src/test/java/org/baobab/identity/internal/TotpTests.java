// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTests {

    /** RFC 6238 appendix B test vectors (SHA-1 seed "12345678901234567890"), last 6 digits. */
    @Test
    void matchesTheRfc6238TestVectors() {
        String secret = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1111111109))))
                .isEqualTo("081804");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1234567890))))
                .isEqualTo("005924");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(2000000000))))
                .isEqualTo("279037");
    }

    @Test
    void acceptsOneStepOfDriftAndRefusesReplays() {
        String secret = Totp.newSecret(new SecureRandom());
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.step(now);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, -1)).hasValue(step - 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now, -1)).hasValue(step + 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 2), now, -1)).isEmpty();
        // a code whose step was already used is refused
        assertThat(Totp.verify(secret, Totp.code(secret, step), now, step)).isEmpty();
        assertThat(Totp.verify(secret, "12345", now, -1)).isEmpty();
        assertThat(Totp.verify(secret, "abcdef", now, -1)).isEmpty();
    }

    @Test
    void base32RoundTrips() {
        byte[] data = new byte[20];
        new SecureRandom().nextBytes(data);
        assertThat(Totp.unbase32(Totp.base32(data))).isEqualTo(data);
        assertThat(Totp.enrolmentUri("Baobab", "a b@x.sn", "ABC"))
                .isEqualTo(
                        "otpauth://totp/Baobab:a%20b%40x.sn?secret=ABC&issuer=Baobab&algorithm=SHA1&digits=6&period=30");
    }
}
