// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.audit.AuditJournal;
import org.baobab.audit.AuditJournal.SignedCheckpoint;
import org.baobab.audit.CheckpointSigned;
import org.baobab.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

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

    CheckpointsTests(
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            AuditJournal journal,
            ConfigurableApplicationContext context) {
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.journal = journal;
        this.context = context;
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

    private long highestCheckpointed() {
        return jdbc.sql("select coalesce(max(seq), 0) from audit_checkpoint")
                .query(Long.class)
                .single();
    }
}
