// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.nio.charset.StandardCharsets;
import org.baobab.bidding.transparency.ReceiptFormat;
import org.baobab.bidding.transparency.ReceiptVerifier;

/**
 * A tree head signed by the platform: the log had {@code treeSize} leaves whose RFC 9162 root is {@code rootHash}
 * (hex) at {@code timestamp} (milliseconds since the epoch). {@code signature} (Ed25519, Base64) covers {@link
 * #statement()}, the canonical JSON {@code {"format":"BTH1","rootHash":…,"timestamp":…,"treeSize":…}}.
 */
public record SignedTreeHead(
        String format, long treeSize, String rootHash, long timestamp, String keyId, String signature) {

    public SignedTreeHead(long treeSize, String rootHash, long timestamp, String keyId, String signature) {
        this(ReceiptFormat.TREE_HEAD, treeSize, rootHash, timestamp, keyId, signature);
    }

    /** The exact text that was signed. */
    public String statement() {
        return ReceiptFormat.treeHead(treeSize, rootHash, timestamp);
    }

    public byte[] statementBytes() {
        return statement().getBytes(StandardCharsets.UTF_8);
    }

    /** The head as {@link ReceiptVerifier} takes it. */
    public ReceiptVerifier.TreeHead forVerifier() {
        return new ReceiptVerifier.TreeHead(treeSize, rootHash, timestamp, signature);
    }
}
