// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.audit.AuditJournal;
import org.baobab.audit.AuditJournal.SignedCheckpoint;
import org.baobab.audit.CheckpointSigned;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.shared.AuditableEvent;
import org.baobab.shared.merkle.MerkleTree;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal's head is signed often: whenever it grew (the job, every minute), never twice for the same head, and
 * when the application stops. Each test appends its entry and checks inside one transaction: no other transaction can
 * see the entry before the test's checks are made, so the scheduled job can neither sign it first nor change what the
 * test sees.
 */
@IntegrationTest
@RecordApplicationEvents
class CheckpointsTests {

    record Appended(String subjectId) implements AuditableEvent {
        @Override
        public String actor() {
            return "test@baobab.sn";
        }

        @Override
        public @Nullable String organisation() {
            return null;
        }

        @Override
        public String action() {
            return "test.checkpointed";
        }

        @Override
        public String subjectType() {
            return "checkpoint-test";
        }

        @Override
        public @Nullable String legalReason() {
            return null;
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("id", subjectId);
        }
    }

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final AuditJournal journal;
    private final ConfigurableApplicationContext context;
    private final MockMvc mvc;

    CheckpointsTests(
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            AuditJournal journal,
            ConfigurableApplicationContext context,
            MockMvc mvc) {
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.journal = journal;
        this.context = context;
        this.mvc = mvc;
    }

    private long append() {
        String id = UUID.randomUUID().toString();
        events.publishEvent(new Appended(id));
        return jdbc.sql("select seq from audit_entry where subject_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    @Test
    void aCheckpointAfterNewEntriesAndNoneWhenNothingIsNew(ApplicationEvents published) {
        transactions.executeWithoutResult(s -> {
            long seq = append();
            Optional<SignedCheckpoint> first = journal.checkpoint();
            assertThat(first).as("the journal grew: its head is signed").isPresent();
            assertThat(first.get().seq()).isEqualTo(seq);
            assertThat(journal.checkpoint())
                    .as("nothing new since: no second checkpoint")
                    .isEmpty();
            assertThat(published.stream(CheckpointSigned.class).map(CheckpointSigned::checkpoint))
                    .as("the checkpoint is published, in its transaction, for the transparency log")
                    .containsExactly(first.get());
            long second = append();
            assertThat(journal.checkpoint().map(SignedCheckpoint::seq))
                    .as("a new entry: a new checkpoint")
                    .contains(second);
        });
    }

    @Test
    void theHeadIsSignedWhenTheApplicationStops() {
        transactions.executeWithoutResult(s -> {
            long seq = append();
            assertThat(highestCheckpointed()).isLessThan(seq);
            // the same bean as the application's, in a context of its own whose closing is the shutdown path
            try (AnnotationConfigApplicationContext stopping = new AnnotationConfigApplicationContext()) {
                stopping.setParent(context);
                stopping.register(ShutdownCheckpoint.class);
                stopping.refresh();
            }
            assertThat(highestCheckpointed())
                    .as("closing the context signed the head")
                    .isEqualTo(seq);
        });
    }

    @Test
    void theShutdownCheckpointStopsAfterEveryOtherLifecycleBean() {
        Map<String, Integer> others = new java.util.TreeMap<>();
        context.getBeansOfType(SmartLifecycle.class).forEach((name, bean) -> {
            if (!(bean instanceof ShutdownCheckpoint)) {
                others.put(name, bean.getPhase());
            }
        });
        assertThat(others)
                .as("the web server and the task executor are stopped before the head is signed")
                .containsKeys("webServerGracefulShutdown", "webServerStartStop", "applicationTaskExecutor");
        others.forEach((name, phase) -> {
            if (name.equals("springBootLoggingLifecycle")) {
                assertThat(phase)
                        .as("logging stops after, so the checkpoint is logged")
                        .isLessThan(ShutdownCheckpoint.PHASE);
            } else {
                assertThat(phase).as(name).isGreaterThan(ShutdownCheckpoint.PHASE);
            }
        });
        assertThat(context.getBean(ShutdownCheckpoint.class).isRunning()).isTrue();
    }

    @Test
    void theVerificationNamesTheLatestCheckpointAndWhereTheLogProvesIt() throws Exception {
        SignedCheckpoint mine = transactions.execute(s -> {
            append();
            return journal.checkpoint().orElseThrow();
        });
        String answer = mvc.perform(get("/api/audit/verification").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Map<?, ?> latest = (Map<?, ?>)
                JsonMapper.builder().build().readValue(answer, Map.class).get("latestCheckpoint");
        long seq = ((Number) latest.get("seq")).longValue();
        assertThat(seq).as("the checkpoint of the highest entry").isGreaterThanOrEqualTo(mine.seq());
        // the leaf is byte for byte the BJC1 statement the transparency log appends, written with the log's own JSON
        Map<String, Object> bjc1 = new LinkedHashMap<>();
        bjc1.put("format", "BJC1");
        bjc1.put("seq", seq);
        bjc1.put("entryHash", latest.get("entryHash"));
        bjc1.put("signedAt", latest.get("signedAt"));
        bjc1.put("keyId", latest.get("keyId"));
        bjc1.put("signature", latest.get("signature"));
        String leaf = CanonicalJson.write(bjc1);
        assertThat(latest.get("leaf")).isEqualTo(leaf);
        assertThat(latest.get("leafHash"))
                .isEqualTo(HexFormat.of().formatHex(MerkleTree.leafHash(leaf.getBytes(StandardCharsets.UTF_8))));
        assertThat(latest.get("inclusionProof")).isEqualTo("/api/transparency/checkpoints/" + seq);
        if (seq == mine.seq()) {
            assertThat(latest.get("signature")).isEqualTo(mine.signature());
        }
        mvc.perform(get("/audit/verification").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString((String) latest.get("leafHash"))))
                .andExpect(content().string(containsString("/api/transparency/checkpoints/" + seq)));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor auditor() {
        return user("auditeur@arcop.demo")
                .authorities(
                        new SimpleGrantedAuthority("SESSION_FULL"),
                        new SimpleGrantedAuthority("ROLE_REGULATOR_AUDITOR"));
    }

    private long highestCheckpointed() {
        return jdbc.sql("select coalesce(max(seq), 0) from audit_checkpoint")
                .query(Long.class)
                .single();
    }
}
