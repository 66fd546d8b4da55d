// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.baobab.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The journal in the whole application: what the other modules journal, and who may check it. The journal's own
 * guarantees are tested on the audit module alone ({@link AuditJournalModuleTests}).
 */
@IntegrationTest
class AuditJournalTests {

    private final JdbcClient jdbc;
    private final MockMvc mvc;

    AuditJournalTests(JdbcClient jdbc, MockMvc mvc) {
        this.jdbc = jdbc;
        this.mvc = mvc;
    }

    @Test
    void signInsAndRoleChangesAreJournalled() {
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'identity.role-granted'")
                        .query(Long.class)
                        .single())
                .as("the demo accounts' roles")
                .isGreaterThanOrEqualTo(13);
    }

    @Test
    void onlyRegulatorAuditorsMayVerifyTheChain() throws Exception {
        mvc.perform(get("/api/audit/verification")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/audit/verification")
                        .with(user("acheteur@sante.demo")
                                .authorities(
                                        new SimpleGrantedAuthority("SESSION_FULL"),
                                        new SimpleGrantedAuthority("ROLE_BUYER"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/verification")
                        .with(user("auditeur@arcop.demo")
                                .authorities(
                                        new SimpleGrantedAuthority("SESSION_FULL"),
                                        new SimpleGrantedAuthority("ROLE_REGULATOR_AUDITOR"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));
        mvc.perform(get("/api/platform/signing-key"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.algorithm").value("Ed25519"));
    }
}
