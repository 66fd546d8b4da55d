// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The demo mailbox holds every account's verification and reset links: a signed-in platform admin reads it, nobody
 * else (the tests run in demo mode).
 */
@IntegrationTest
class DemoMailboxAccessTests {

    private final MockMvc mvc;
    private final Accounts accounts;

    DemoMailboxAccessTests(MockMvc mvc, Accounts accounts) {
        this.mvc = mvc;
        this.accounts = accounts;
    }

    @Test
    void anAnonymousVisitorIsSentToSignIn() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/demo/mailbox").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aSupplierIsRefused() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/demo/mailbox")
                        .with(SignedIn.as(accounts.currentUserByEmail("admin@sahel-numerique.demo")
                                .orElseThrow())))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePlatformAdminReadsIt() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/demo/mailbox")
                        .with(SignedIn.as(
                                accounts.currentUserByEmail("admin@arcop.demo").orElseThrow())))
                .andExpect(status().isOk());
    }
}
