// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.baobab.IntegrationTest;
import org.baobab.ReceivedMails;
import org.baobab.TestSmtp;
import org.baobab.WebClient;
import org.baobab.identity.internal.SignIn;
import org.baobab.identity.internal.TotpCodes;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sign-in as a person goes through it: supplier registration, the verification mail (through a real SMTP server),
 * password, TOTP enrolment, lock-out, the per-address limit, password reset. Each test comes from its own client
 * address so that the per-address limit of one does not leak into another.
 */
@IntegrationTest
class SignInFlowTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);
    private static final Pattern LINK = Pattern.compile("http://localhost(/[a-z\\-/]+\\?token=[A-Za-z0-9_\\-]+)");
    static final String PASSWORD = "un jardin de baobabs 2026";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final String address = "10.1.0." + ADDRESSES.incrementAndGet();

    SignInFlowTests(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private WebClient browser() {
        return new WebClient(mvc, address);
    }

    @Test
    void aSupplierRegistersVerifiesItsAddressEnrolsTotpAndSignsIn() throws Exception {
        String email = "fondatrice-" + UUID.randomUUID() + "@teranga-tech.sn";
        WebClient browser = browser();
        browser.post(
                        "/register",
                        "companyName",
                        "Teranga Tech " + UUID.randomUUID(),
                        "country",
                        "SN",
                        "fullName",
                        "Aïssatou Diagne",
                        "email",
                        email,
                        "password",
                        PASSWORD,
                        "acceptTerms",
                        "true")
                .andExpect(redirectedUrl("/register/done"));

        // before verification, the password is not enough
        browser.post("/login", "email", email, "password", PASSWORD).andExpect(redirectedUrl("/login?unverified"));

        String link = linkMailedTo(email, "Vérifiez votre adresse e-mail sur Baobab");
        browser.get(link).andExpect(redirectedUrl("/login?verified"));
        // a link works once
        assertThat(browser.body(link)).contains("n&#39;est plus valable");

        browser.post("/login", "email", email, "password", PASSWORD)
                .andExpect(redirectedUrl("/account/second-factor/setup"));
        // the password alone gives no access: the page sends to the second factor instead
        browser.get("/account").andExpect(redirectedUrl("/account/second-factor/setup"));

        String page = browser.body("/account/second-factor/setup");
        Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(page);
        assertThat(secret.find()).as("the secret is shown as text").isTrue();
        String base32 = secret.group(1).replace(" ", "");
        assertThat(page).contains("<svg");

        browser.post("/account/second-factor/setup", "code", "000000").andExpect(status().isBadRequest());
        // the code used to set the factor up, kept to replay it (recomputing it later could fall in the next window)
        String setupCode = TotpCodes.now(base32);
        browser.post("/account/second-factor/setup", "code", setupCode).andExpect(redirectedUrl("/account"));
        browser.get("/account").andExpect(status().isOk()).andExpect(content().string(containsString("Aïssatou")));

        String stored = jdbc.sql("select totp_secret from identity_user where email = :e")
                .param("e", email)
                .query(String.class)
                .single();
        assertThat(stored)
                .as("the secret is encrypted at rest")
                .startsWith("v1:")
                .doesNotContain(base32);

        // the next sign-in asks for the code, and a replayed code is refused
        WebClient later = browser();
        later.post("/login", "email", email, "password", PASSWORD).andExpect(redirectedUrl("/login/second-factor"));
        later.post("/login/second-factor", "code", setupCode).andExpect(status().isBadRequest());
        later.post("/login/second-factor", "code", TotpCodes.next(base32)).andExpect(redirectedUrl("/account"));
    }

    @Test
    void badRegistrationsAreRefusedWithAClearMessageAndChangeNothing() throws Exception {
        long before = count("identity_organisation");
        WebClient browser = browser();
        browser.post(
                        "/register",
                        "companyName",
                        "Doublon SARL",
                        "country",
                        "SN",
                        "fullName",
                        "Test",
                        "email",
                        "admin@sahel-numerique.demo",
                        "password",
                        PASSWORD,
                        "acceptTerms",
                        "true")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Un compte utilise déjà l&#39;adresse")));
        browser.post(
                        "/register",
                        "companyName",
                        "Sahel Numérique SARL",
                        "country",
                        "SN",
                        "fullName",
                        "Test",
                        "email",
                        "autre-" + UUID.randomUUID() + "@x.sn",
                        "password",
                        PASSWORD,
                        "acceptTerms",
                        "true")
                .andExpect(content().string(containsString("est déjà inscrite dans ce pays")));
        browser.post(
                        "/register?lang=en",
                        "companyName",
                        "Weak Ltd",
                        "country",
                        "SN",
                        "fullName",
                        "Test",
                        "email",
                        "weak-" + UUID.randomUUID() + "@x.sn",
                        "password",
                        "aaaaaaaaaaaa",
                        "acceptTerms",
                        "true")
                .andExpect(content().string(containsString("Password too weak")));
        browser.post(
                        "/register?lang=ar",
                        "companyName",
                        "",
                        "country",
                        "SN",
                        "fullName",
                        "",
                        "email",
                        "pas-une-adresse",
                        "password",
                        "court")
                .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                .andExpect(content().string(containsString("هذا الحقل إلزامي")));
        assertThat(count("identity_organisation")).isEqualTo(before);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
        String email = registerVerified();
        WebClient browser = browser();
        for (int i = 0; i < 5; i++) {
            browser.post("/login", "email", email, "password", "mauvais mot de passe")
                    .andExpect(redirectedUrl("/login?error"));
        }
        browser.post("/login", "email", email, "password", PASSWORD).andExpect(redirectedUrl("/login?locked"));
        assertThat(jdbc.sql("select count(*) from identity_login_attempt where email = :e and outcome = 'LOCKED'")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anAddressThatFailsTooOftenIsRefusedWith429() throws Exception {
        WebClient browser = browser();
        for (int i = 0; i < 20; i++) {
            browser.post("/login", "email", "inconnu" + i + "@nulle-part.sn", "password", "peu importe")
                    .andExpect(redirectedUrl("/login?error"));
        }
        browser.post("/login", "email", "admin@sahel-numerique.demo", "password", "Baobab-Demo-2026")
                .andExpect(status().isTooManyRequests())
                .andExpect(forwardedUrl("/login/too-many-attempts"));
        assertThat(browser.get("/login/too-many-attempts")
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Trop de tentatives");
    }

    @Test
    void aForgottenPasswordIsResetByMailAndTheLinkWorksOnce() throws Exception {
        String email = registerVerified();
        WebClient browser = browser();
        browser.post("/password/forgot", "email", email)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Si un compte utilise cette adresse")));
        // the same answer for an address with no account
        browser.post("/password/forgot", "email", "personne-" + UUID.randomUUID() + "@x.sn")
                .andExpect(content().string(containsString("Si un compte utilise cette adresse")));

        // a session signed in with the old password (say, on a stolen laptop)
        WebClient elsewhere = browser();
        elsewhere
                .post("/login", "email", email, "password", PASSWORD)
                .andExpect(redirectedUrl("/account/second-factor/setup"));
        elsewhere.get("/account/second-factor/setup").andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .as("the session is indexed by the account's e-mail")
                .isPositive();

        String link = linkMailedTo(email, "Choisir un nouveau mot de passe Baobab");
        String token = link.substring(link.indexOf("token=") + 6);
        String newPassword = "une autre phrase de passe 2027";
        browser.post("/password/reset", "token", token, "password", newPassword, "confirmation", newPassword)
                .andExpect(redirectedUrl("/login?reset"));
        // that session has ended
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();
        elsewhere.get("/account/second-factor/setup").andExpect(status().isUnauthorized());
        browser.post("/password/reset", "token", token, "password", newPassword, "confirmation", newPassword)
                .andExpect(status().isBadRequest());
        browser().post("/login", "email", email, "password", PASSWORD).andExpect(redirectedUrl("/login?error"));
        browser()
                .post("/login", "email", email, "password", newPassword)
                .andExpect(redirectedUrl("/account/second-factor/setup"));
    }

    @Test
    void aDemoAccountSignsInWithThePublishedDemoSecret() throws Exception {
        WebClient browser = browser();
        browser.post("/login", "email", "auditeur@arcop.demo", "password", "Baobab-Demo-2026")
                .andExpect(redirectedUrl("/login/second-factor"));
        assertThat(browser.body("/login/second-factor")).contains("id=\"demo-code\"");
        browser.post("/login/second-factor", "code", TotpCodes.next(SignIn.DEMO_TOTP_SECRET))
                .andExpect(redirectedUrl("/account"));
        assertThat(browser.body("/account")).contains("Auditeur du régulateur");
        browser.post("/logout").andExpect(redirectedUrl("/login?signedOut"));
        browser.get("/account").andExpect(status().is4xxClientError());
    }

    @Test
    void aPersonWhoseSecondFactorIsStillDueIsSentToItNotRefused() throws Exception {
        String email = registerVerified();
        WebClient browser = browser();
        browser.post("/login", "email", email, "password", PASSWORD)
                .andExpect(redirectedUrl("/account/second-factor/setup"));
        // a protected page before the enrolment: the enrolment page, not "Accès refusé"
        browser.get("/notifications").andExpect(redirectedUrl("/account/second-factor/setup"));
        // an API client has no code page to go to: still refused
        browser.get("/api/bids").andExpect(status().isForbidden());
        Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<")
                .matcher(browser.body("/account/second-factor/setup"));
        assertThat(secret.find()).isTrue();
        String base32 = secret.group(1).replace(" ", "");
        browser.post("/account/second-factor/setup", "code", TotpCodes.now(base32));
        browser.post("/logout").andExpect(redirectedUrl("/login?signedOut"));

        // enrolled: a protected page before the code sends to the code page, then on to that page
        WebClient later = browser();
        later.post("/login", "email", email, "password", PASSWORD).andExpect(redirectedUrl("/login/second-factor"));
        later.get("/notifications").andExpect(redirectedUrl("/login/second-factor"));
        later.post("/login/second-factor", "code", TotpCodes.next(base32)).andExpect(redirectedUrl("/notifications"));
        later.get("/notifications").andExpect(status().isOk());
    }

    /** A supplier admin whose address is already verified, with {@link #PASSWORD}. */
    private String registerVerified() throws Exception {
        return registerVerified(browser(), jdbc, "verifie-", PASSWORD);
    }

    /** A supplier admin registered from {@code browser}, the address {@code prefix…} already verified. */
    static String registerVerified(WebClient browser, JdbcClient jdbc, String prefix, String password)
            throws Exception {
        String email = prefix + UUID.randomUUID() + "@entreprise.cm";
        browser.post(
                        "/register",
                        "companyName",
                        "Entreprise " + UUID.randomUUID(),
                        "country",
                        "CM",
                        "fullName",
                        "Paul Essomba",
                        "email",
                        email,
                        "password",
                        password,
                        "acceptTerms",
                        "true")
                .andExpect(redirectedUrl("/register/done"));
        jdbc.sql("update identity_user set email_verified = true where email = :e")
                .param("e", email)
                .update();
        return email;
    }

    static String linkMailedTo(GreenMailExtension greenMail, String email, String subject) throws Exception {
        MimeMessage mail = Awaitility.await("a mail '" + subject + "' to " + email)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> mailTo(greenMail, email, subject), java.util.Objects::nonNull);
        Matcher link = LINK.matcher(ReceivedMails.quotedPrintable(GreenMailUtil.getWholeMessage(mail)));
        assertThat(link.find()).as("a link in the mail").isTrue();
        return link.group(1);
    }

    private static @Nullable MimeMessage mailTo(GreenMailExtension greenMail, String email, String subject)
            throws MessagingException {
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(email) && subject.equals(message.getSubject())) {
                return message;
            }
        }
        return null;
    }

    private String linkMailedTo(String email, String subject) throws Exception {
        return linkMailedTo(greenMail, email, subject);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
