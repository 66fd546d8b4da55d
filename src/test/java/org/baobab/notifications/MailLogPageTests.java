// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.Accounts;
import org.baobab.notifications.internal.MailLog;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The platform admin searches the sent-mail log by recipient and state, and never sees a mail's body. */
@IntegrationTest
class MailLogPageTests {

    private final MailLog mailLog;
    private final Accounts accounts;
    private final MockMvc mvc;

    MailLogPageTests(MailLog mailLog, Accounts accounts, MockMvc mvc) {
        this.mailLog = mailLog;
        this.accounts = accounts;
        this.mvc = mvc;
    }

    private String page(String query) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/admin/mail-log" + query)
                        .with(SignedIn.as(
                                accounts.currentUserByEmail("admin@arcop.demo").orElseThrow()))
                        .header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theAdminFindsAMailByRecipientAndStateWithoutItsBody() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String sent = "sent-" + tag + "@journal.test";
        String retrying = "retry-" + tag + "@journal.test";
        mailLog.record(
                "log:" + tag + ":1",
                sent,
                "verify-email",
                "Vérifiez votre adresse",
                "SENT",
                null,
                "<a href=\"https://x/verify?token=SECRET-" + tag + "\">lien</a>",
                Instant.now());
        mailLog.record(
                "log:" + tag + ":2",
                retrying,
                "reset-password",
                "Réinitialisation",
                "RETRYING",
                "MailConnectException",
                null,
                Instant.now());

        String byTag = page("?recipient=" + tag.toUpperCase());
        assertThat(byTag).contains(sent, retrying, "envoyé", "nouvelle tentative prévue", "MailConnectException");
        assertThat(byTag).doesNotContain("SECRET-" + tag);
        String onlyRetrying = page("?recipient=" + tag + "&status=RETRYING");
        assertThat(onlyRetrying).contains(retrying).doesNotContain(sent);
        assertThat(page("?recipient=" + tag + "&status=nonsense"))
                .as("an unknown state filters nothing out")
                .contains(sent, retrying);
    }
}
