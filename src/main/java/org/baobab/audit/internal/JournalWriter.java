// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.internal;

import java.time.Clock;
import java.time.Instant;
import org.baobab.audit.AuditEntry;
import org.baobab.audit.CanonicalJson;
import org.baobab.shared.AuditableEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends every {@link AuditableEvent} to the journal, synchronously and in the publisher's transaction: the change
 * and its entry commit or roll back together. An auditable change made outside a transaction fails instead of leaving
 * a change without its entry (or an entry without its change).
 */
@Component
class JournalWriter {

    private final JournalStore store;
    private final Clock clock;

    JournalWriter(JournalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(AuditableEvent event) {
        String payload = CanonicalJson.write(event.payload());
        store.lockForAppend();
        JournalStore.Head head = store.head().orElse(new JournalStore.Head(0, ChainHash.GENESIS));
        long seq = head.seq() + 1;
        Instant at = ChainHash.precision(clock.instant());
        String hash = ChainHash.of(
                head.hash(),
                seq,
                at,
                event.actor(),
                event.organisation(),
                event.action(),
                event.subjectType(),
                event.subjectId(),
                event.legalReason(),
                payload);
        store.insert(new AuditEntry(
                seq,
                at,
                event.actor(),
                event.organisation(),
                event.action(),
                event.subjectType(),
                event.subjectId(),
                event.legalReason(),
                payload,
                head.hash(),
                hash));
    }
}
