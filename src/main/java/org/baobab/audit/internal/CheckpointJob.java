// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.baobab.audit.AuditJournal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Signs the journal's head every {@code baobab.audit.checkpoint-interval} (one minute by default) when the journal grew,
 * on one node at a time; {@link ShutdownCheckpoint} signs it once more when the application stops. A published signed
 * head (also a leaf of the transparency log) makes any later rewrite or truncation of the history before it visible.
 */
@Configuration(proxyBeanMethods = false)
class CheckpointJob {

    @Bean
    RecurringTask<Void> auditCheckpoint(
            AuditJournal journal, @Value("${baobab.audit.checkpoint-interval:1m}") Duration interval) {
        return Tasks.recurring("audit-checkpoint", FixedDelay.of(interval))
                .execute((instance, context) -> journal.checkpoint());
    }
}
