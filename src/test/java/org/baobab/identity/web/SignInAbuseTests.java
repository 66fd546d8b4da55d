// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baobab.IntegrationTest;
import org.baobab.WebClient;
import org.baobab.identity.internal.TotpCodes;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What an attacker tries at sign-in: forged forwarded headers (to dodge the per-address limit, forge the journal, or
 * be redirected off the site), telling accounts apart by the answer, and locking a victim out by guessing. Each test
 * comes from its own client addresses (10.15.x.y, this class only).
 */
@IntegrationTest
class SignInAbuseTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);
    private static final String PASSWORD = "un jardin de baobabs 2026";

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    SignInAbuseTests(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10.15." + (n / 250) + "." + (n % 250 + 1);
    }

    private WebClient browser(String address) {
        return new WebClient(mvc, address);
    }

    private static String unknownEmail() {
        return "personne-" + UUID.randomUUID() + "@nulle-part.sn";
    }

    // --- forwarded headers

    @Test
    void aRotatingForwardedForDoesNotDodgeThePerAddressLimit() throws Exception {
        WebClient browser = browser(newAddress());
        for (int i = 0; i < 20; i++) {
            browser.perform(MockMvcRequestBuilders.post("/login")
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.csrf())
                            .header("X-Forwarded-For", "198.51.100." + (i + 1))
                            .param("email", unknownEmail())
                            .param("password", "peu importe"))
                    .andExpect(status().isFound());
        }
        browser.perform(
                        MockMvcRequestBuilders.post("/login")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .header("X-Forwarded-For", "198.51.100.99")
                                .param("email", unknownEmail())
                                .param("password", "peu importe"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void theJournalRecordsTheRealClientAddress() throws Exception {
        String address = newAddress();
        String email = unknownEmail();
        browser(address)
                .perform(
                        MockMvcRequestBuilders.post("/login")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .header("X-Forwarded-For", "203.0.113.66")
                                .param("email", email)
                                .param("password", "peu importe"))
                .andExpect(status().isFound());
        String payload = jdbc.sql("select payload from audit_entry where action = 'identity.login-failed'"
                        + " and subject_id = :e")
                .param("e", email)
                .query(String.class)
                .single();
        assertThat(payload).contains("\"ip\":\"" + address + "\"").doesNotContain("203.0.113.66");
    }

    @Test
    void aForwardedHostCannotSendTheBrowserOffTheSiteAfterSignIn() throws Exception {
        String email = registerVerified();
        WebClient browser = browser(newAddress());
        browser.perform(MockMvcRequestBuilders.get("/supplier")
                        .accept(org.springframework.http.MediaType.TEXT_HTML)
                        .header("X-Forwarded-Host", "evil.example")
                        .header("X-Forwarded-Proto", "https"))
                .andExpect(status().isFound());
        browser.post("/login", "email", email, "password", PASSWORD)
                .andExpect(redirectedUrl("/account/second-factor/setup"));
        String page = browser.body("/account/second-factor/setup");
        Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(page);
        assertThat(secret.find()).isTrue();
        MvcResult done = browser.post(
                        "/account/second-factor/setup",
                        "code",
                        TotpCodes.now(secret.group(1).replace(" ", "")))
                .andExpect(status().isFound())
                .andReturn();
        assertThat(done.getResponse().getRedirectedUrl())
                .doesNotContain("evil.example")
                .startsWith("/supplier");
    }

    // --- account enumeration and lock-out

    @Test
    void aWrongPasswordGetsTheSameAnswerForAnUnknownAnUnverifiedAndALockedOutAccount() throws Exception {
        String known = registerVerified();
        String unverified = registerVerified();
        jdbc.sql("update identity_user set email_verified = false where email = :e")
                .param("e", unverified)
                .update();
        // someone elsewhere guessed the known account's password many times
        WebClient attacker = browser(newAddress());
        for (int i = 0; i < 7; i++) {
            attacker.post("/login", "email", known, "password", "essai " + i);
        }

        WebClient visitor = browser(newAddress());
        List<String> answers = new ArrayList<>();
        for (String email : List.of(unknownEmail(), known, unverified)) {
            MvcResult result = visitor.post("/login", "email", email, "password", "mauvais mot de passe")
                    .andReturn();
            answers.add(result.getResponse().getStatus() + " "
                    + result.getResponse().getRedirectedUrl());
        }
        assertThat(answers).containsOnly("302 /login?error");
        assertThat(visitor.body("/login?error")).contains("Adresse e-mail ou mot de passe incorrect.");

        // and after five failures from one address, the same slow-down whether the account exists or not
        WebClient guesser = browser(newAddress());
        List<String> slowed = new ArrayList<>();
        for (String email : List.of(unknownEmail(), known)) {
            for (int i = 0; i < 5; i++) {
                guesser.post("/login", "email", email, "password", "essai " + i)
                        .andExpect(redirectedUrl("/login?error"));
            }
            slowed.add(guesser.post("/login", "email", email, "password", PASSWORD)
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl());
        }
        assertThat(slowed).containsOnly("/login?locked");
    }

    @Test
    void anUnknownAccountTakesAsLongAsAKnownOne() throws Exception {
        String known = registerVerified();
        WebClient visitor = browser(newAddress());
        List<Long> unknownTimes = new ArrayList<>();
        List<Long> knownTimes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            unknownTimes.add(timed(visitor, unknownEmail()));
            knownTimes.add(timed(browser(newAddress()), known));
        }
        long unknownMedian = median(unknownTimes);
        long knownMedian = median(knownTimes);
        // the password hash (Argon2id, tens of milliseconds) is computed in both cases: same order of magnitude
        assertThat(unknownMedian * 5)
                .as("unknown %d ns, known %d ns", unknownMedian, knownMedian)
                .isGreaterThan(knownMedian);
        assertThat(knownMedian * 5)
                .as("unknown %d ns, known %d ns", unknownMedian, knownMedian)
                .isGreaterThan(unknownMedian);
    }

    private static long timed(WebClient browser, String email) throws Exception {
        long start = System.nanoTime();
        browser.post("/login", "email", email, "password", "mauvais mot de passe")
                .andExpect(redirectedUrl("/login?error"));
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void guessingFromElsewhereDoesNotLockTheOwnerOut() throws Exception {
        String email = registerVerified();
        WebClient attacker = browser(newAddress());
        for (int i = 0; i < 5; i++) {
            attacker.post("/login", "email", email, "password", "essai " + i).andExpect(redirectedUrl("/login?error"));
        }
        // the attacker is slowed down, and is not told whether a guess was right
        attacker.post("/login", "email", email, "password", PASSWORD).andExpect(redirectedUrl("/login?locked"));
        // the owner, from their own address, signs in
        browser(newAddress())
                .post("/login", "email", email, "password", PASSWORD)
                .andExpect(redirectedUrl("/account/second-factor/setup"));
    }

    /** A supplier admin whose address is already verified, with {@link #PASSWORD}. */
    String registerVerified() throws Exception {
        return SignInFlowTests.registerVerified(browser(newAddress()), jdbc, "abus-", PASSWORD);
    }
}
