// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.baobab.suppliers.Alerts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mails the daily alerts' digests once a day at 06:00 UTC (early morning from Dakar to Douala), on one node at a
 * time. A match held for a digest is removed in the transaction that asks for its mail, so none is sent twice.
 */
@Configuration(proxyBeanMethods = false)
class DigestJob {

    @Bean
    RecurringTask<Void> suppliersAlertDigests(Alerts alerts) {
        return Tasks.recurring("suppliers-alert-digests", new Daily(ZoneOffset.UTC, LocalTime.of(6, 0)))
                .execute((instance, context) -> alerts.sendDigests());
    }
}
