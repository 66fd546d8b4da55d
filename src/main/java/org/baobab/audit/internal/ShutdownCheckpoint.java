// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.internal;

import org.baobab.audit.AuditJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Signs the journal's head when the application context closes, so that the entries written since the last periodic
 * checkpoint do not wait for the next start to be covered. Lifecycle beans stop before any bean is destroyed (the data
 * source and the embedded database are closed at destruction), and this one stops in a phase after Spring Boot's web
 * server has stopped taking requests. The scheduler stops at destruction, later: an entry appended by a job in that
 * last instant is covered by the first checkpoint after the next start.
 */
@Component
class ShutdownCheckpoint implements SmartLifecycle {

    /** Stopped after the phases Spring Boot's web server uses (graceful shutdown, then stop). */
    static final int PHASE = Integer.MIN_VALUE + 1_000;

    private static final Logger log = LoggerFactory.getLogger(ShutdownCheckpoint.class);

    private final AuditJournal journal;
    private volatile boolean running;

    ShutdownCheckpoint(AuditJournal journal) {
        this.journal = journal;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        try {
            journal.checkpoint()
                    .ifPresent(c -> log.info("Journal checkpoint at shutdown: entry {} ({})", c.seq(), c.entryHash()));
        } catch (RuntimeException e) {
            // a database already gone must not hide the rest of the shutdown; the next start's job signs the head
            log.warn("No journal checkpoint at shutdown: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
