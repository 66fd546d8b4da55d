// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.baobab.tendering.Tendering;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Closes submissions at the deadline: every {@code baobab.tendering.closing-interval} (one minute by default), on one
 * node at a time, the published processes whose deadline has passed move to closed. Bids are refused after the
 * deadline on the server clock whether or not this job has run yet; the job records the closing.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineJob {

    @Bean
    RecurringTask<Void> tenderingCloseDeadlines(
            Tendering tendering, @Value("${baobab.tendering.closing-interval:1m}") Duration interval) {
        return Tasks.recurring("tendering-close-deadlines", FixedDelay.of(interval))
                .execute((instance, context) -> tendering.closeDue());
    }

    /** Every hour: reminds the followers of notices whose deadline is three days away or less, once per deadline. */
    @Bean
    RecurringTask<Void> tenderingRemindDeadlines(Tendering tendering) {
        return Tasks.recurring("tendering-remind-deadlines", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> tendering.remindDeadlines());
    }
}
