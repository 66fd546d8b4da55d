// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.shared.ProcessEvent;
import org.jspecify.annotations.Nullable;

/**
 * What happens to bids, published in the transaction of the change and journalled by the audit module. The subject is
 * the process (its ocid); the payload holds what identifies an envelope (id, hash, log index), never its content.
 */
public final class BiddingEvents {

    private BiddingEvents() {}

    /** Every bidding event is about one process: its subject is the ocid. */
    public interface AboutProcess extends ProcessEvent {}

    /**
     * An envelope accepted, with its receipt document (what the bidder keeps); {@code replaced} is the envelope it
     * supersedes, if any.
     */
    public record BidSubmitted(
            String actor,
            String organisation,
            String ocid,
            UUID envelopeId,
            String kind,
            List<String> lots,
            String envelopeHash,
            long logIndex,
            Instant receivedAt,
            String receiptDocument,
            UUID submittedBy,
            @Nullable UUID replaced)
            implements AboutProcess {

        @Override
        public String action() {
            return replaced == null ? "bidding.bid-submitted" : "bidding.bid-replaced";
        }

        @Override
        public Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("envelope", envelopeId.toString());
            payload.put("kind", kind);
            payload.put("lots", lots);
            payload.put("envelopeHash", envelopeHash);
            payload.put("logIndex", logIndex);
            if (replaced != null) {
                payload.put("replaces", replaced.toString());
            }
            payload.put(SEALED_UNTIL_OPENING, ocid);
            return payload;
        }
    }

    /**
     * Completed uploads never submitted, deleted once the process's deadline had passed, with the ciphertexts that no
     * envelope used (removed from the document store). Says nothing of who uploaded them: who prepared a bid on what
     * stays confidential.
     */
    public record UploadsPurged(String ocid, List<UUID> uploads, List<String> documents) implements AboutProcess {

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
            return "bidding.uploads-purged";
        }

        @Override
        public Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("uploads", uploads.stream().map(UUID::toString).toList());
            payload.put("documents", documents);
            return payload;
        }
    }

    /** A company withdrew its current envelopes for the process before the deadline. */
    public record BidWithdrawn(String actor, String organisation, String ocid, List<UUID> envelopes)
            implements AboutProcess {

        @Override
        public String action() {
            return "bidding.bid-withdrawn";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("envelopes", envelopes.stream().map(UUID::toString).toList(), SEALED_UNTIL_OPENING, ocid);
        }
    }
}
