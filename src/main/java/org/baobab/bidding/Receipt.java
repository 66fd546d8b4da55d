// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.baobab.bidding.transparency.ReceiptFormat;
import org.baobab.shared.merkle.MerkleTree;

/**
 * A bid receipt signed by the platform: {@code json} is the receipt's canonical JSON (format {@code BR1}), which is both
 * what {@code signature} (Ed25519, Base64) covers and the transparency log's leaf at {@code logIndex}; {@code keyId}
 * names the platform key. {@link #document()} is what the bidder keeps, and may paste on {@code /transparency}.
 */
public record Receipt(ReceiptDraft content, long logIndex, String json, String signature, String keyId) {

    /** The receipt document: {@code {"keyId":…,"receipt":{…},"signature":…}} in canonical JSON. */
    public String document() {
        return ReceiptFormat.document(json, signature, keyId);
    }

    /** The leaf hash in the log, {@code SHA-256(0x00 || json)}, in hex. */
    public String leafHash() {
        return HexFormat.of().formatHex(MerkleTree.leafHash(json.getBytes(StandardCharsets.UTF_8)));
    }
}
