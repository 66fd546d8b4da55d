// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Hands incomplete event publications (a mail whose SMTP server was down, a listener that crashed) back to their
 * listeners, on one node at a time (db-scheduler), every {@code baobab.notifications.retry-interval}. Only publications
 * older than that interval are retried, so one still being processed is left alone.
 */
@Configuration(proxyBeanMethods = false)
class MailRetry {

    @Bean
    RecurringTask<Void> resubmitIncompletePublications(
            IncompleteEventPublications publications,
            @Value("${baobab.notifications.retry-interval:1m}") Duration interval) {
        return Tasks.recurring("outbox-resubmit", FixedDelay.of(interval))
                .execute((instance, context) -> publications.resubmitIncompletePublicationsOlderThan(interval));
    }
}
