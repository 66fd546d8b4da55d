// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A document that is not public is read only by those entitled: its owner, the control and regulator roles, and
 * whoever a module's use of it names; everyone else gets the answer of an unknown document, and each allowed read is
 * journalled with its grounds.
 */
@IntegrationTest
class DocumentAccessTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Accounts accounts;

    DocumentAccessTests(MockMvc mvc, JdbcClient jdbc, Accounts accounts) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    private RequestPostProcessor as(String email) {
        return SignedIn.as(accounts.currentUserByEmail(email).orElseThrow());
    }

    private String uploadAs(String email) throws Exception {
        byte[] bytes = Samples.pdf("attestation fiscale " + UUID.randomUUID());
        mvc.perform(multipart("/api/documents")
                        .file(new MockMultipartFile("file", "attestation-fiscale.pdf", "application/pdf", bytes))
                        .with(csrf())
                        .with(as(email)))
                .andExpect(status().isCreated());
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private long reads(String sha, String actor) {
        return jdbc.sql("""
                        select count(*) from audit_entry
                         where action = 'documents.read' and subject_id = :s and actor = :a""").param("s", sha).param("a", actor).query(Long.class).single();
    }

    @Test
    void anotherCompanyCannotFetchASuppliersDocumentAndCannotTellItExists() throws Exception {
        String sha = uploadAs("admin@sahel-numerique.demo");
        String unknown = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        java.util.List<String> answers = new java.util.ArrayList<>();
        for (String address : new String[] {sha, unknown}) {
            answers.add(mvc.perform(get("/documents/" + address).with(as("admin@teranga-bureautique.demo")))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                    .replace(address, "<sha256>")
                    .replaceAll("(name=\"_csrf\"[^>]*?(content|value)=)\"[^\"]*\"", "$1\"\""));
        }
        assertThat(answers.get(0)).contains("DOCUMENTS-0004").isEqualTo(answers.get(1));
        // a buyer with no process using it has no business with it either
        mvc.perform(get("/documents/" + sha).with(as("acheteur@sante.demo"))).andExpect(status().isNotFound());
        assertThat(reads(sha, "admin@teranga-bureautique.demo")).isZero();
    }

    @Test
    void theOwnerAndTheRegulatorReadItAndTheReadIsJournalled() throws Exception {
        String sha = uploadAs("admin@sahel-numerique.demo");

        // another member of the owning company
        mvc.perform(get("/documents/" + sha).with(as("offres@sahel-numerique.demo")))
                .andExpect(status().isOk());
        mvc.perform(get("/documents/" + sha).with(as("auditeur@arcop.demo"))).andExpect(status().isOk());

        assertThat(reads(sha, "offres@sahel-numerique.demo")).isEqualTo(1);
        assertThat(reads(sha, "auditeur@arcop.demo")).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select payload from audit_entry
                         where action = 'documents.read' and subject_id = :s and actor = 'auditeur@arcop.demo'""").param("s", sha).query(String.class).single()).contains("role:REGULATOR_AUDITOR");
    }

    @Test
    void aPublishedNoticesTenderDocumentIsForEveryoneAndItsReadsAreNotJournalled() throws Exception {
        String sha = jdbc.sql("""
                        select d.sha256 from tendering_document d
                          join tendering_process p on p.id = d.process_id
                         where p.published_at is not null
                         order by d.added_at limit 1""").query(String.class).single();
        mvc.perform(get("/documents/" + sha).with(as("admin@teranga-bureautique.demo")))
                .andExpect(status().isOk());
        assertThat(reads(sha, "admin@teranga-bureautique.demo")).isZero();
    }
}
