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
        String entryHash) {

    /**
     * The actor shown, in the auditors' views and the export, in place of the real one of an entry sealed until its
     * process's opening: who bid on what stays secret until then. Such an entry keeps its hashes; its content can be
     * recomputed only once it is disclosed.
     */
    public static final String SEALED_ACTOR = "sealed-until-opening";

    /** Whether this entry is shown with its actor and organisation withheld until its process's opening. */
    public boolean sealed() {
        return SEALED_ACTOR.equals(actor) && organisation == null;
    }
}
