// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.baobab.bidding.EnvelopeUploads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes unfinished envelope uploads left untouched, and completed ones never submitted whose process's deadline has
 * passed (every hour, on one node at a time).
 */
@Configuration(proxyBeanMethods = false)
class UploadPurgeJob {

    @Bean
    RecurringTask<Void> biddingPurgeUnfinishedUploads(EnvelopeUploads uploads) {
        return Tasks.recurring("bidding-purge-unfinished-uploads", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    uploads.purgeUnfinished();
                    uploads.purgeUnsubmitted();
                });
    }
}
