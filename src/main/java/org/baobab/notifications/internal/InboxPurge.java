// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Once a day at 02:30 UTC, on one node at a time, deletes the in-app notifications read more than
 * {@code baobab.notifications.keep-read} ago (180 days by default). Unread ones are kept, however old.
 */
@Configuration(proxyBeanMethods = false)
class InboxPurge {

    @Bean
    RecurringTask<Void> notificationsPurgeRead(
            Inbox inbox, Clock clock, @Value("${baobab.notifications.keep-read:180d}") Duration keepRead) {
        return Tasks.recurring("notifications-purge-read", new Daily(ZoneOffset.UTC, LocalTime.of(2, 30)))
                .execute((instance, context) ->
                        inbox.purgeReadBefore(clock.instant().minus(keepRead)));
    }
}
