// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.baobab.suppliers.SupplierDocuments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reminds companies of their documents that expire within the warning period: every
 * {@code baobab.suppliers.reminder-interval} (six hours by default), on one node at a time. Each expiry date of a
 * document is reminded once, however often the job runs.
 */
@Configuration(proxyBeanMethods = false)
class ReminderJob {

    @Bean
    RecurringTask<Void> suppliersDocumentReminders(
            SupplierDocuments documents, @Value("${baobab.suppliers.reminder-interval:6h}") Duration interval) {
        return Tasks.recurring("suppliers-document-reminders", FixedDelay.of(interval))
                .execute((instance, context) -> documents.remindExpiring());
    }
}
