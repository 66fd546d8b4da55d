// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.baobab.opening.CommitteeKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes the expired enrolment challenges with their server keys (every five minutes, on one node at a time), so
 * that a challenge nobody answered does not keep its private half beyond its life.
 */
@Configuration(proxyBeanMethods = false)
class ChallengePurgeJob {

    @Bean
    RecurringTask<Void> openingPurgeExpiredChallenges(CommitteeKeys keys) {
        return Tasks.recurring("opening-purge-expired-challenges", FixedDelay.of(Duration.ofMinutes(5)))
                .execute((instance, context) -> keys.purgeExpiredChallenges());
    }
}
