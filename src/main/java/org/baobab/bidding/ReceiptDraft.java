// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.baobab.bidding.sealing.CanonicalJson;

/**
 * What a receipt attests, as the submission flow knows it when it accepts an envelope: the process ({@code ocid}),
 * the lots the envelope answers (kept sorted and without repeats), the supplier, the envelope and the SHA-256 of its
 * manifest ({@code envelopeHash}, lower-case hex, docs/sealing-format.md), its kind ({@code single}, {@code technical}
 * or {@code financial}) and the server's instant of receipt (kept to the microsecond).
 */
public record ReceiptDraft(
        String ocid,
        List<String> lots,
        UUID supplierId,
        String supplierName,
        UUID envelopeId,
        String envelopeHash,
        String kind,
        Instant receivedAt) {

    public ReceiptDraft {
        lots = lots.stream().distinct().sorted(CanonicalJson.CODE_POINT_ORDER).toList();
        receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
    }
}
