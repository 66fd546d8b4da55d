// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.baobab.bidding.internal.LogStore;
import org.baobab.bidding.transparency.ReceiptFormat;
import org.baobab.shared.BaobabException;
import org.baobab.shared.merkle.MerkleTree;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What anyone may ask of the transparency log: its size, a leaf's hash, and the RFC 9162 proofs (inclusion of a leaf
 * in a tree, consistency of a tree with a larger one). The proofs read O(log n) stored hashes.
 *
 * <p>The log publishes leaf hashes, not the receipts: a receipt names a supplier and a process, and who bids on what
 * stays confidential until the opening. The bidder holds its receipt; the hash is all a check needs.
 */
@Service
public class TransparencyLog {

    /** An audit path (hex, from the leaf upwards) of the leaf at {@code index} in the tree of {@code treeSize}. */
    public record InclusionProof(long index, long treeSize, String leafHash, List<String> auditPath) {}

    /** A consistency proof (hex) between the trees of {@code first} and {@code second} leaves. */
    public record ConsistencyProof(long first, long second, List<String> proof) {}

    /**
     * A leaf as the log publishes it: its hash, when it was appended, its kind (the statement's format) and, for the
     * public kinds (key enrolments, sealing sets, journal checkpoints), the statement itself, whose UTF-8 bytes are the
     * leaf. A receipt's statement is never published (who bids on what stays confidential until the opening).
     */
    public record Leaf(
            long index,
            String leafHash,
            Instant appendedAt,
            String kind,
            @Nullable String statement) {}

    /** The most leaves one call lists. */
    public static final int MAX_LEAVES = 500;

    private final LogStore store;

    TransparencyLog(LogStore store) {
        this.store = store;
    }

    /** The number of leaves. */
    @Transactional(readOnly = true)
    public long size() {
        return store.size();
    }

    /**
     * The leaf's hash and time of appending.
     *
     * @throws BaobabException {@link TransparencyErrorCode#UNKNOWN_LEAF} if the log has no such leaf
     */
    @Transactional(readOnly = true)
    public Leaf leaf(long index) {
        return store.leaf(index)
                .map(TransparencyLog::published)
                .orElseThrow(() -> new BaobabException(TransparencyErrorCode.UNKNOWN_LEAF, String.valueOf(index)));
    }

    /** The leaves from {@code from} on, in log order, at most {@code limit} (≤ {@value #MAX_LEAVES}). */
    @Transactional(readOnly = true)
    public List<Leaf> leaves(long from, int limit) {
        return store.leaves(from, Math.max(1, Math.min(limit, MAX_LEAVES))).stream()
                .map(TransparencyLog::published)
                .toList();
    }

    private static Leaf published(LogStore.StoredLeaf l) {
        String statement = ReceiptFormat.RECEIPT.equals(l.kind()) ? null : new String(l.leaf(), StandardCharsets.UTF_8);
        return new Leaf(l.index(), hex(l.leafHash()), l.at(), l.kind(), statement);
    }

    /**
     * The audit path of the leaf at {@code index} in the tree of the first {@code treeSize} leaves.
     *
     * @throws BaobabException if the tree is larger than the log, or the index outside the tree
     */
    @Transactional(readOnly = true)
    public InclusionProof inclusion(long index, long treeSize) {
        checkTreeSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new BaobabException(
                    TransparencyErrorCode.INDEX_OUTSIDE_TREE, String.valueOf(index), String.valueOf(treeSize));
        }
        MerkleTree.Nodes nodes = store.nodes();
        List<String> path = MerkleTree.inclusionProof(index, treeSize, nodes).stream()
                .map(TransparencyLog::hex)
                .toList();
        return new InclusionProof(index, treeSize, hex(nodes.hash(0, index)), path);
    }

    /**
     * The proof that the tree of {@code second} leaves extends the tree of {@code first} leaves.
     *
     * @throws BaobabException if a size is larger than the log, or the first larger than the second
     */
    @Transactional(readOnly = true)
    public ConsistencyProof consistency(long first, long second) {
        checkTreeSize(second);
        if (first < 0 || first > second) {
            throw new BaobabException(
                    TransparencyErrorCode.SIZES_OUT_OF_ORDER, String.valueOf(first), String.valueOf(second));
        }
        List<String> proof = MerkleTree.consistencyProof(first, second, store.nodes()).stream()
                .map(TransparencyLog::hex)
                .toList();
        return new ConsistencyProof(first, second, proof);
    }

    private void checkTreeSize(long treeSize) {
        long size = store.size();
        if (treeSize < 0 || treeSize > size) {
            throw new BaobabException(
                    TransparencyErrorCode.TREE_TOO_LARGE, String.valueOf(treeSize), String.valueOf(size));
        }
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
