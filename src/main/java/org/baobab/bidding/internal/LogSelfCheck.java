// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.baobab.bidding.LogSelfCheckFailed;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SealingSets;
import org.baobab.bidding.SignedTreeHead;
import org.baobab.bidding.TransparencyLog;
import org.baobab.bidding.TreeHeads;
import org.baobab.bidding.transparency.LogMonitor;
import org.baobab.shared.signing.PlatformSigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application's own monitor of its transparency log, run by the {@code transparency-self-check} job every {@code
 * baobab.bidding.log-self-check-interval} (ten minutes by default): the same checks as {@code SealTool monitor}, with
 * the sets served to bidders read from the sealing sets as the application serves them. A problem is logged as an
 * error and journalled ({@code transparency.self-check-failed}); the state advances only after a clean run, so the
 * problem is reported again at every run until explained.
 */
@Component
public class LogSelfCheck {

    private static final Logger log = LoggerFactory.getLogger(LogSelfCheck.class);

    private final TreeHeads treeHeads;
    private final TransparencyLog transparencyLog;
    private final SealingSets sealingSets;
    private final PlatformSigningKey signingKey;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LogSelfCheck(
            TreeHeads treeHeads,
            TransparencyLog transparencyLog,
            SealingSets sealingSets,
            PlatformSigningKey signingKey,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.treeHeads = treeHeads;
        this.transparencyLog = transparencyLog;
        this.sealingSets = sealingSets;
        this.signingKey = signingKey;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Bean
    static RecurringTask<Void> transparencySelfCheck(
            LogSelfCheck check, @Value("${baobab.bidding.log-self-check-interval:10m}") Duration interval) {
        return Tasks.recurring("transparency-self-check", FixedDelay.of(interval))
                .execute((instance, context) -> check.run());
    }

    /** One run; returns its report (the problems are also logged and journalled). */
    public LogMonitor.Report run() {
        LogMonitor.State previous = jdbc.sql("select state from bidding_log_monitor")
                .query(String.class)
                .optional()
                .map(LogMonitor.State::read)
                .orElse(LogMonitor.State.empty());
        LogMonitor.Report report;
        try {
            report = new LogMonitor(new Source(), signingKey.publicKey(), signingKey.keyId()).run(previous);
        } catch (Exception e) {
            report = new LogMonitor.Report(List.of("the log could not be followed: " + e), List.of(), previous);
        }
        LogMonitor.Report done = report;
        transactions.executeWithoutResult(status -> {
            if (done.clean()) {
                jdbc.sql("""
                        insert into bidding_log_monitor (singleton, state, checked_at) values (true, :s, :at)
                        on conflict (singleton) do update set state = excluded.state, checked_at = excluded.checked_at""")
                        .param("s", done.next().json())
                        .param("at", Timestamp.from(clock.instant()))
                        .update();
            } else {
                for (String problem : done.problems()) {
                    log.error("Transparency log self-check: {}", problem);
                }
                events.publishEvent(new LogSelfCheckFailed(done.problems()));
            }
        });
        return report;
    }

    private final class Source implements LogMonitor.Source {

        @Override
        public LogMonitor.Head head() {
            SignedTreeHead h = treeHeads.current();
            return new LogMonitor.Head(h.treeSize(), h.rootHash(), h.timestamp(), h.keyId(), h.signature());
        }

        @Override
        public List<LogMonitor.Leaf> leaves(long from, int limit) {
            return transparencyLog.leaves(from, limit).stream()
                    .map(l -> new LogMonitor.Leaf(l.index(), l.leafHash(), l.kind(), l.statement()))
                    .toList();
        }

        @Override
        public List<String> consistency(long first, long second) {
            return transparencyLog.consistency(first, second).proof();
        }

        @Override
        public Optional<List<String>> servedKeys(String ocid) {
            return sealingSets
                    .forProcess(ocid)
                    .map(SealingSet::keys)
                    .map(keys -> keys.stream().map(k -> k.base64()).toList());
        }
    }
}
