// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata;

import java.time.Instant;
import java.util.List;

/**
 * A release as stored: its {@code id} (assigned if the release had none), its {@code ocid}, its place in the global
 * publication order ({@code sequence}: 1, 2, 3… with no gap), when it was published, its tags, and the exact JSON
 * served to the public.
 */
public record PublishedRelease(
        String id, String ocid, long sequence, Instant publishedAt, List<String> tags, String json) {

    public PublishedRelease {
        tags = List.copyOf(tags);
    }
}
