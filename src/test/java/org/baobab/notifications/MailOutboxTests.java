// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.Arrays;
import org.awaitility.Awaitility;
import org.baobab.IntegrationTest;
import org.baobab.TestSmtp;
import org.baobab.identity.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * A mail asked for while the SMTP server is down is not lost: the user's action succeeds at once, the mail waits in
 * the outbox, and it is delivered once the server is back and the publication is handed back to the mailer (what the
 * {@code outbox-resubmit} job does every minute).
 */
@IntegrationTest
class MailOutboxTests {

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final IncompleteEventPublications publications;

    MailOutboxTests(Accounts accounts, JdbcClient jdbc, IncompleteEventPublications publications) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.publications = publications;
    }

    @Test
    void aMailAskedForWhileSmtpIsDownArrivesWhenItIsBack() throws Exception {
        String email = "panne-smtp-" + System.nanoTime() + "@exemple.sn";
        // no SMTP server listens on the test SMTP port now
        accounts.registerSupplier(new Accounts.SupplierRegistration(
                "Panne SMTP SARL " + System.nanoTime(),
                "SN",
                "Modou Ndoye",
                email,
                "un mot de passe assez long",
                "fr"));

        waitFor(() -> "RETRYING".equals(status(email)), "the failed attempt is logged");
        assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null"
                                + " and serialized_event like :email")
                        .param("email", "%" + email + "%")
                        .query(Long.class)
                        .single())
                .as("the mail waits in the outbox")
                .isEqualTo(1);

        GreenMail smtp = new GreenMail(TestSmtp.SETUP);
        smtp.start();
        try {
            publications.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
            waitFor(
                    () -> Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> {
                        try {
                            return m.getAllRecipients()[0].toString().equals(email);
                        } catch (jakarta.mail.MessagingException e) {
                            return false;
                        }
                    }),
                    "the mail arrives");
            waitFor(() -> "SENT".equals(status(email)), "the log says sent");
        } finally {
            smtp.stop();
        }
    }

    private String status(String email) {
        return jdbc.sql("select status from notifications_mail_log where recipient = :e")
                .param("e", email)
                .query(String.class)
                .optional()
                .orElse("");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) {
        Awaitility.await(what)
                .atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}
