// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A sealed envelope the platform accepted: whose, for which process, lots and kind, when (server clock), its manifest's
 * hash ({@code envelopeHash}), where its ciphertext is in the document store ({@code document}, the SHA-256 of the
 * ciphertext) and its receipt's index in the transparency log. Only a {@code CURRENT} envelope is opened; one that was
 * replaced or withdrawn is kept and listed, never opened.
 */
public record SubmittedEnvelope(
        UUID id,
        String ocid,
        UUID organisationId,
        String supplierName,
        UUID submittedBy,
        String kind,
        List<String> lots,
        String envelopeHash,
        String document,
        long ciphertextSize,
        Instant receivedAt,
        long logIndex,
        State state,
        @Nullable UUID replacedBy,
        @Nullable Instant endedAt) {

    public SubmittedEnvelope {
        lots = List.copyOf(lots);
    }

    /** Whether the envelope will be opened, was replaced by a later one, or was withdrawn by its company. */
    public enum State {
        CURRENT,
        SUPERSEDED,
        WITHDRAWN;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
