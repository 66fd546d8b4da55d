// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baobab.audit.AuditEntry;
import org.baobab.shared.AuditableEvent;
import org.baobab.shared.BidOpenings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hides who acted in the journal entries sealed until a process's opening ({@link
 * AuditableEvent#SEALED_UNTIL_OPENING}): until the opening has started, such an entry shows {@link #SEALED} as its
 * actor and no organisation. The entry keeps its place and hashes, so the chain still verifies on the server; its
 * real actor is in the database for after the opening.
 */
@Component
class SealedIdentities {

    /** The actor shown in place of a sealed one. */
    static final String SEALED = AuditEntry.SEALED_ACTOR;

    private static final Pattern MARKER =
            Pattern.compile("\"" + AuditableEvent.SEALED_UNTIL_OPENING + "\":\"([^\"\\\\]+)\"");

    private final ObjectProvider<BidOpenings> openings;

    SealedIdentities(ObjectProvider<BidOpenings> openings) {
        this.openings = openings;
    }

    List<AuditEntry> disclosed(List<AuditEntry> entries) {
        return entries.stream().map(disclosure()).toList();
    }

    /** One entry at a time, for a stream of the whole journal; remembers each process's answer. */
    UnaryOperator<AuditEntry> disclosure() {
        Map<String, Boolean> opened = new HashMap<>();
        return e -> {
            Matcher marker = MARKER.matcher(e.payload());
            if (!marker.find()) {
                return e;
            }
            boolean open = opened.computeIfAbsent(marker.group(1), this::openingStarted);
            return open
                    ? e
                    : new AuditEntry(
                            e.seq(),
                            e.occurredAt(),
                            SEALED,
                            null,
                            e.action(),
                            e.subjectType(),
                            e.subjectId(),
                            e.legalReason(),
                            e.payload(),
                            e.previousHash(),
                            e.entryHash());
        };
    }

    private boolean openingStarted(String ocid) {
        BidOpenings service = openings.getIfAvailable();
        return service != null && service.openingStarted(ocid);
    }
}
