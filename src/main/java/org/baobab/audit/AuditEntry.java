// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One journal entry as stored: its facts, the canonical JSON of its payload, and its place in the chain. */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        String actor,
        @Nullable String organisation,
        String action,
        String subjectType,
        String subjectId,
        @Nullable String legalReason,
        String payload,
        String previousHash,
        String entryHash) {}
