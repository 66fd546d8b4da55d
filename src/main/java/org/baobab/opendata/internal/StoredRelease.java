// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.internal;

import java.time.Instant;
import java.util.List;
import org.baobab.opendata.PublishedRelease;

/** A row of {@code opendata_release}. */
public record StoredRelease(
        long sequence, String ocid, String id, Instant date, List<String> tags, Instant publishedAt, String json) {

    public PublishedRelease published() {
        return new PublishedRelease(id, ocid, sequence, publishedAt, tags, json);
    }
}
