// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.sealing.CommitteeKey;
import org.baobab.bidding.sealing.SealingException;
import org.baobab.bidding.transparency.LogMonitor;
import org.baobab.bidding.transparency.ReceiptFormat;
import org.baobab.bidding.transparency.ReceiptVerifier;
import org.baobab.bidding.transparency.Statements;
import org.baobab.shared.merkle.MerkleTree;
import org.jspecify.annotations.Nullable;

/**
 * The committee of {@code SealTool seal --platform}: the keys the platform serves for the process, accepted only if
 * they are, in order, the sealing set that the transparency log proves included in a tree head signed by the platform,
 * and that head extends the last one seen (kept in a state file). Anything else refuses to seal
 * (docs/sealing-format.md, "Sealing to a proven set").
 */
final class ProvenSet {

    /** The committee to seal to, and the head that proved it. */
    record Committee(List<CommitteeKey> keys, int threshold, long leafIndex, LogMonitor.Head head) {}

    private ProvenSet() {}

    static Committee fetch(
            PlatformLog platform, PublicKey platformKey, String ocid, @Nullable Path state, PrintStream out)
            throws IOException {
        String keyId = ReceiptVerifier.keyId(platformKey);
        Map<?, ?> served = CanonicalJson.readObject(platform.get("/api/bids/sealing-sets/" + ocid)
                .orElseThrow(() -> refuse("the platform serves no sealing set for " + ocid)));
        List<CommitteeKey> keys = new ArrayList<>();
        for (Object member : (List<?>) served.get("committee")) {
            keys.add(CommitteeKey.fromBase64((String) ((Map<?, ?>) member).get("point")));
        }
        int threshold = ((Long) served.get("threshold")).intValue();

        Map<?, ?> included = platform.includedSealingSet(ocid);
        String statement = (String) included.get("statement");
        long index = (Long) included.get("leafIndex");
        LogMonitor.Head head = PlatformLog.head((Map<?, ?>) included.get("treeHead"));
        if (!keyId.equals(included.get("keyId"))
                || !ReceiptVerifier.ed25519(
                        platformKey, statement.getBytes(StandardCharsets.UTF_8), (String) included.get("signature"))) {
            throw refuse("the sealing set's statement is not signed by the platform key " + keyId);
        }
        checkHead(head, platformKey, keyId, "the tree head proving the set");
        List<byte[]> path = ((List<?>) included.get("auditPath"))
                .stream().map(h -> HexFormat.of().parseHex((String) h)).toList();
        if (index >= head.treeSize()
                || !MerkleTree.verifyInclusion(
                        index,
                        head.treeSize(),
                        MerkleTree.leafHash(statement.getBytes(StandardCharsets.UTF_8)),
                        path,
                        HexFormat.of().parseHex(head.rootHash()))) {
            throw refuse("the sealing set is not proven included in the signed tree head of size " + head.treeSize());
        }
        Statements.SealingSetStatement set;
        try {
            set = Statements.read(statement).sealingSet();
        } catch (IllegalArgumentException e) {
            throw refuse("leaf " + index + " is not a sealing set: " + e.getMessage());
        }
        if (set == null || !set.ocid().equals(ocid)) {
            throw refuse("leaf " + index + " is not the sealing set of " + ocid);
        }
        List<String> fingerprints = keys.stream().map(CommitteeKey::fingerprint).toList();
        if (!fingerprints.equals(set.fingerprints()) || threshold != set.threshold()) {
            throw refuse("the keys served for " + ocid + " " + fingerprints + " (" + threshold + " to open) are not"
                    + " the sealing set in the log " + set.fingerprints() + " (" + set.threshold() + " to open)");
        }
        out.println("[ OK ] sealing set of " + ocid + ": leaf " + index + " of the signed tree of " + head.treeSize()
                + " leaves, " + threshold + " of " + keys.size());

        if (state != null) {
            if (Files.exists(state)) {
                LogMonitor.Head seen;
                try {
                    seen = PlatformLog.head(CanonicalJson.readObject(Files.readString(state, StandardCharsets.UTF_8)));
                } catch (RuntimeException e) {
                    throw refuse(state + " is not a tree head kept by an earlier run");
                }
                checkHead(seen, platformKey, keyId, "the head kept in " + state);
                List<byte[]> proof = head.treeSize() < seen.treeSize()
                        ? null
                        : PlatformLog.hexes(platform.consistency(seen.treeSize(), head.treeSize()));
                if (proof == null
                        || !MerkleTree.verifyConsistency(
                                seen.treeSize(),
                                head.treeSize(),
                                HexFormat.of().parseHex(seen.rootHash()),
                                HexFormat.of().parseHex(head.rootHash()),
                                proof)) {
                    throw refuse("the log is not an extension of the head seen before (size " + seen.treeSize()
                            + ", root " + seen.rootHash() + ")");
                }
                out.println("[ OK ] the log extends the head seen before (size " + seen.treeSize() + ")");
            }
            Files.writeString(state, json(head), StandardCharsets.UTF_8);
        }
        return new Committee(keys, threshold, index, head);
    }

    private static void checkHead(LogMonitor.Head head, PublicKey key, String keyId, String what) {
        byte[] signed = ReceiptFormat.treeHead(head.treeSize(), head.rootHash(), head.timestamp())
                .getBytes(StandardCharsets.UTF_8);
        if (!keyId.equals(head.keyId()) || !ReceiptVerifier.ed25519(key, signed, head.signature())) {
            throw refuse(what + " is not signed by the platform key " + keyId);
        }
    }

    static String json(LogMonitor.Head head) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("format", ReceiptFormat.TREE_HEAD);
        h.put("treeSize", head.treeSize());
        h.put("rootHash", head.rootHash());
        h.put("timestamp", head.timestamp());
        h.put("keyId", head.keyId());
        h.put("signature", head.signature());
        return CanonicalJson.write(h);
    }

    private static SealingException refuse(String why) {
        return new SealingException("Refusing to seal: " + why);
    }
}
