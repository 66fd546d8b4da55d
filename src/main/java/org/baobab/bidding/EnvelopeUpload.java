// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A resumable upload of one sealed envelope's ciphertext: {@code received} bytes of {@code size} so far; once
 * complete, {@code document} is the ciphertext's address in the document store (its SHA-256, as announced).
 */
public record EnvelopeUpload(
        UUID id,
        UUID organisationId,
        UUID userId,
        String ocid,
        long size,
        String sha256,
        long received,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant completedAt,
        @Nullable String document) {

    public boolean complete() {
        return completedAt != null;
    }
}
