// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.baobab.ModuleTest;
import org.baobab.Operator;
import org.baobab.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The journal on its own (the audit module and shared, on a real PostgreSQL with the whole schema and no demo data):
 * entries made by the test's own events.
 */
@ModuleTest
@Import(Operator.class)
class AuditJournalModuleTests {

    /** A state change of some module, as modules publish them. */
    record SomethingChanged(String subjectId, Map<String, Object> payload) implements AuditableEvent {
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
            return "test.something-changed";
        }

        @Override
        public String subjectType() {
            return "thing";
        }

        @Override
        public @Nullable String legalReason() {
            return "Code des marchés publics, art. 1";
        }
    }

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final AuditJournal journal;
    // the triggers refuse even the database's superuser; the application's own role may not even truncate
    private final Operator operator;

    AuditJournalModuleTests(
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            AuditJournal journal,
            Operator operator) {
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.journal = journal;
        this.operator = operator;
    }

    private long entriesFor(String subjectId) {
        return jdbc.sql("select count(*) from audit_entry where subject_id = :s")
                .param("s", subjectId)
                .query(Long.class)
                .single();
    }

    @Test
    void anEntryCommitsWithItsChangeAndRollsBackWithIt() {
        String kept = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();
        transactions.executeWithoutResult(s -> events.publishEvent(new SomethingChanged(kept, Map.of("n", 1))));
        transactions.executeWithoutResult(s -> {
            events.publishEvent(new SomethingChanged(rolledBack, Map.of("n", 2)));
            s.setRollbackOnly();
        });
        assertThat(entriesFor(kept)).isEqualTo(1);
        assertThat(entriesFor(rolledBack)).isZero();
        AuditEntry entry = journal.entries(null, "thing", kept, null, 1).get(0);
        assertThat(entry.payload()).isEqualTo("{\"n\":1}");
        assertThat(entry.legalReason()).isEqualTo("Code des marchés publics, art. 1");
    }

    @Test
    void anAuditableChangeOutsideATransactionFails() {
        assertThatThrownBy(() -> events.publishEvent(new SomethingChanged("hors-transaction", Map.of())))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(entriesFor("hors-transaction")).isZero();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheJournal() {
        String id = UUID.randomUUID().toString();
        transactions.executeWithoutResult(s -> events.publishEvent(new SomethingChanged(id, Map.of())));
        for (String sql : List.of(
                "update audit_entry set actor = 'someone else' where subject_id = '" + id + "'",
                "delete from audit_entry where subject_id = '" + id + "'",
                "truncate audit_entry",
                "update audit_checkpoint set signature = 'x'",
                "truncate audit_checkpoint")) {
            assertThatThrownBy(() -> operator.jdbc().sql(sql).update())
                    .as(sql)
                    .rootCause()
                    .hasMessageContaining("append-only");
        }
        assertThat(entriesFor(id)).isEqualTo(1);
    }

    @Test
    void concurrentAppendsMakeOneGapFreeChainThatVerifies() throws Exception {
        long before = count();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    int n = i;
                    transactions.executeWithoutResult(s -> events.publishEvent(
                            new SomethingChanged("concurrent-" + thread, Map.of("i", n, "thread", thread))));
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        assertThat(count()).isEqualTo(before + 200);
        assertThat(jdbc.sql("select max(seq) - min(seq) + 1 - count(*) from audit_entry")
                        .query(Long.class)
                        .single())
                .as("no gap in the sequence")
                .isZero();
        ChainVerification verification = journal.verify();
        assertThat(verification.valid())
                .as(String.valueOf(verification.firstBrokenLink()))
                .isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(count());
    }

    @Test
    void signedCheckpointsVerifyAndATamperedEntryIsFound() {
        String id = UUID.randomUUID().toString();
        // one transaction: the scheduled checkpoint (every minute) cannot sign the entry first
        AuditJournal.SignedCheckpoint checkpoint = transactions.execute(s -> {
            events.publishEvent(new SomethingChanged(id, Map.of("amount", 1000)));
            AuditJournal.SignedCheckpoint signed = journal.checkpoint().orElseThrow();
            assertThat(journal.checkpoint()).as("nothing new to sign").isEmpty();
            return signed;
        });
        ChainVerification clean = journal.verify();
        assertThat(clean.valid()).isTrue();
        assertThat(clean.checkpointsChecked()).isGreaterThanOrEqualTo(1);
        assertThat(journal.checkpoints(null, 1).get(0).seq()).isEqualTo(checkpoint.seq());

        long seq = jdbc.sql("select seq from audit_entry where subject_id = :s")
                .param("s", id)
                .query(Long.class)
                .single();
        // a database administrator rewrites history behind the application's back
        tamper("update audit_entry set payload = '{\"amount\":1}' where seq = " + seq);
        try {
            ChainVerification broken = journal.verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstBrokenLink().seq()).isEqualTo(seq);
            assertThat(broken.firstBrokenLink().reason()).contains("does not match its content");
        } finally {
            tamper("update audit_entry set payload = '{\"amount\":1000}' where seq = " + seq);
        }
        assertThat(journal.verify().valid()).isTrue();
    }

    @Test
    void aForgedCheckpointIsReported() {
        transactions.executeWithoutResult(s -> {
            events.publishEvent(new SomethingChanged("forge", Map.of()));
            assertThat(journal.checkpoint())
                    .as("a checkpoint over the new entry")
                    .isPresent();
        });
        long id = jdbc.sql("select max(id) from audit_checkpoint")
                .query(Long.class)
                .single();
        String original = jdbc.sql("select signature from audit_checkpoint where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        String forged = java.util.Base64.getEncoder().encodeToString(new byte[64]);
        tamperCheckpoint("update audit_checkpoint set signature = '" + forged + "' where id = " + id);
        try {
            ChainVerification broken = journal.verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstBrokenLink().reason()).contains("invalid signature");
        } finally {
            tamperCheckpoint("update audit_checkpoint set signature = '" + original + "' where id = " + id);
        }
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    }

    private void tamper(String sql) {
        operator.inOneTransaction(as -> {
            as.sql("alter table audit_entry disable trigger audit_entry_append_only")
                    .update();
            as.sql(sql).update();
            as.sql("alter table audit_entry enable trigger audit_entry_append_only")
                    .update();
        });
    }

    private void tamperCheckpoint(String sql) {
        operator.inOneTransaction(as -> {
            as.sql("alter table audit_checkpoint disable trigger audit_checkpoint_append_only")
                    .update();
            as.sql(sql).update();
            as.sql("alter table audit_checkpoint enable trigger audit_checkpoint_append_only")
                    .update();
        });
    }
}
