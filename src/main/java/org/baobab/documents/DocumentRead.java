// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents;

import java.util.Map;
import org.baobab.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** A document that is not public was read, and why the reader was allowed to ({@code grounds}). */
public record DocumentRead(String actor, @Nullable String organisation, String sha256, String grounds)
        implements AuditableEvent {

    @Override
    public String action() {
        return "documents.read";
    }

    @Override
    public String subjectType() {
        return "document";
    }

    @Override
    public String subjectId() {
        return sha256;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("grounds", grounds);
    }
}
