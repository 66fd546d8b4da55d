// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.util.List;
import java.util.Map;
import org.baobab.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * The application's own monitor of the transparency log found problems: a sealing set that differs from its members'
 * enrolled keys or from what bidders are served, or a log that is not an extension of the head checked before.
 */
public record LogSelfCheckFailed(List<String> problems) implements AuditableEvent {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public @Nullable String organisation() {
        return null;
    }

    @Override
    public String action() {
        return "transparency.self-check-failed";
    }

    @Override
    public String subjectType() {
        return "transparency-log";
    }

    @Override
    public String subjectId() {
        return "log";
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("problems", problems);
    }
}
