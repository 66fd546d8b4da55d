// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata;

import java.util.List;
import java.util.Map;
import org.baobab.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * An OCDS release was published (for ever) for the contracting process {@code ocid}. The journal keeps the release's
 * id and tags; the release itself is in the open-data store.
 */
public record ReleasePublished(String ocid, String releaseId, List<String> tags) implements AuditableEvent {

    public ReleasePublished {
        tags = List.copyOf(tags);
    }

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
        return "opendata.release-published";
    }

    @Override
    public String subjectType() {
        return "contracting-process";
    }

    @Override
    public String subjectId() {
        return ocid;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("releaseId", releaseId, "tags", tags);
    }
}
