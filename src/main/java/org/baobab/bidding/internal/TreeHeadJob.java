// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.baobab.bidding.TreeHeads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes a signed tree head of the transparency log every {@code baobab.bidding.tree-head-interval} (ten minutes by
 * default) if the log grew, on one node at a time. Anyone archiving the published heads would notice a rewritten
 * history: no consistency proof could link an archived head to the rewritten tree.
 */
@Configuration(proxyBeanMethods = false)
class TreeHeadJob {

    @Bean
    RecurringTask<Void> transparencyTreeHead(
            TreeHeads treeHeads, @Value("${baobab.bidding.tree-head-interval:10m}") Duration interval) {
        return Tasks.recurring("transparency-tree-head", FixedDelay.of(interval))
                .execute((instance, context) -> treeHeads.current());
    }
}
