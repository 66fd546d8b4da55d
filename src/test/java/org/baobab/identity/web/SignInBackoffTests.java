// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.time.Instant;
import org.baobab.IntegrationTest;
import org.baobab.TestClock;
import org.baobab.WebClient;
import org.baobab.identity.internal.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The back-off of one e-mail from one address: 30 s after five failures, doubled at each further one, at most 15
 * minutes; other addresses are not slowed.
 */
@IntegrationTest
class SignInBackoffTests {

    private final MockMvc mvc;
    private final SignIn signIn;
    private final TestClock clock;
    private final SignInAbuseTests accounts;

    SignInBackoffTests(MockMvc mvc, JdbcClient jdbc, SignIn signIn, TestClock clock) {
        this.mvc = mvc;
        this.signIn = signIn;
        this.clock = clock;
        this.accounts = new SignInAbuseTests(mvc, jdbc);
    }

    @Test
    void theWaitDoublesAfterEachFurtherFailureUpToACap() throws Exception {
        String email = accounts.registerVerified();
        String address = SignInAbuseTests.newAddress();
        WebClient attacker = new WebClient(mvc, address);
        try {
            Instant start = Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            clock.stopAt(start);
            for (int i = 0; i < 5; i++) {
                attacker.post("/login", "email", email, "password", "essai " + i);
            }
            assertThat(signIn.throttledUntil(email, address)).contains(start.plusSeconds(30));
            Instant now = start;
            Duration expected = Duration.ofSeconds(60);
            for (int round = 0; round < 7; round++) {
                now = signIn.throttledUntil(email, address).orElseThrow().plusMillis(1);
                clock.stopAt(now);
                assertThat(signIn.throttledUntil(email, address)).isEmpty();
                attacker.post("/login", "email", email, "password", "encore " + round)
                        .andExpect(redirectedUrl("/login?error"));
                assertThat(signIn.throttledUntil(email, address)).contains(now.plus(expected));
                expected = expected.multipliedBy(2).compareTo(Duration.ofMinutes(15)) > 0
                        ? Duration.ofMinutes(15)
                        : expected.multipliedBy(2);
            }
            // another address is not slowed at all
            assertThat(signIn.throttledUntil(email, SignInAbuseTests.newAddress()))
                    .isEmpty();
        } finally {
            clock.release();
        }
    }
}
