// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deterministic signal that the asynchronous listeners are done: every event publication in the registry has been
 * handled (completed, or failed and left for the retry), none is waiting or being processed. A mail that a listener
 * would send has been sent by then, so a test can check that "nothing more arrived" without sleeping and hoping.
 */
public final class EventListeners {

    private EventListeners() {}

    /** Waits until no event publication is waiting or in process; fails after 20 s. */
    public static void awaitAllHandled(JdbcClient jdbc) throws InterruptedException {
        Awaitility.await("every event publication handled")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> pending(jdbc) == 0);
    }

    private static long pending(JdbcClient jdbc) {
        return jdbc.sql("""
                        select count(*) from event_publication
                        where completion_date is null
                          and (status is null or status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED'))
                        """).query(Long.class).single();
    }
}
