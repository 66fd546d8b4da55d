// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0), §2.1, over SHA-256: the hash of a leaf is {@code
 * SHA-256(0x00 || data)}, of an interior node {@code SHA-256(0x01 || left || right)}, of the empty tree {@code
 * SHA-256()}; a tree of n > 1 leaves splits at the largest power of two smaller than n. With it: the root of the
 * first n leaves, inclusion proofs (audit paths, §2.1.3) and consistency proofs (§2.1.4), and their verification by
 * the algorithms of §2.1.3.2 and §2.1.4.2.
 *
 * <p>Storage-agnostic: the tree reads its hashes through {@link Nodes}, the hash of a perfect (complete) subtree of
 * 2<sup>level</sup> leaves. A store that keeps those hashes as leaves are appended ({@link #completedBy}) answers any
 * root or proof with O(log n) reads; {@link #fromLeafHashes} computes them from leaf hashes alone, for tests and
 * small trees. Plain JDK, so that anyone can check a receipt with this class alone.
 */
public final class MerkleTree {

    /** Length of every hash, in bytes. */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {}

    /**
     * Hashes of the perfect subtrees of a log: {@code hash(level, index)} is the root of the 2<sup>level</sup> leaves
     * from {@code index << level}; level 0 is the leaf hash itself. The tree asks only for subtrees that lie wholly
     * within the size it works on.
     */
    @FunctionalInterface
    public interface Nodes {
        byte[] hash(int level, long index);
    }

    /** A perfect subtree's hash, as {@link #completedBy} hands it to a store. */
    public record Node(int level, long index, byte[] hash) {}

    public static byte[] leafHash(byte[] data) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(data);
        return sha256.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** The root of the empty tree: SHA-256 of no bytes. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /**
     * Nodes computed from the leaf hashes alone: each subtree's hash costs 2<sup>level</sup> leaf reads. For tests,
     * for small trees, and for clients that hold all leaves.
     */
    public static Nodes fromLeafHashes(LongFunction<byte[]> leafHashes) {
        return new Nodes() {
            @Override
            public byte[] hash(int level, long index) {
                if (level == 0) {
                    return leafHashes.apply(index);
                }
                return nodeHash(hash(level - 1, 2 * index), hash(level - 1, 2 * index + 1));
            }
        };
    }

    /**
     * The perfect subtrees that appending the leaf at {@code index} completes (level 1 and up, lowest first): the
     * store keeps them beside the leaf so that later roots and proofs need only O(log n) reads. {@code nodes} must
     * already answer for every leaf before {@code index} (and for the subtrees they completed).
     */
    public static List<Node> completedBy(long index, byte[] leafHash, Nodes nodes) {
        checkIndex(index);
        List<Node> completed = new ArrayList<>();
        byte[] hash = leafHash;
        long position = index;
        int level = 0;
        while ((position & 1) == 1) {
            hash = nodeHash(checked(nodes.hash(level, position - 1)), hash);
            level++;
            position >>>= 1;
            completed.add(new Node(level, position, hash));
        }
        return completed;
    }

    /** MTH(D[0:size]), the root of the first {@code size} leaves. */
    public static byte[] root(long size, Nodes nodes) {
        checkSize(size);
        return size == 0 ? emptyRoot() : range(0, size, nodes);
    }

    /** The audit path PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, from the leaf upwards. */
    public static List<byte[]> inclusionProof(long index, long size, Nodes nodes) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is not within a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, nodes, path);
        return path;
    }

    /**
     * The consistency proof PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1; empty when {@code first} is 0 or equals
     * {@code second}.
     */
    public static List<byte[]> consistencyProof(long first, long second, Nodes nodes) {
        checkSize(first);
        checkSize(second);
        if (first > second) {
            throw new IllegalArgumentException("first size " + first + " is larger than second size " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, nodes, proof);
        }
        return proof;
    }

    /**
     * RFC 9162 §2.1.3.2: whether {@code proof} shows the leaf whose hash is {@code leafHash} at {@code index} in the
     * tree of {@code size} leaves whose root is {@code root}. Never throws for a malformed proof: it is just false.
     */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root) || !allHashes(proof)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 §2.1.4.2: whether {@code proof} shows that the tree of {@code second} leaves whose root is {@code
     * secondRoot} extends the tree of {@code first} leaves whose root is {@code firstRoot}. Equal sizes need an empty
     * proof and equal roots; the empty tree is extended by every tree (with an empty proof).
     */
    public static boolean verifyConsistency(
            long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || second < first || !isHash(firstRoot) || !isHash(secondRoot) || !allHashes(proof)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, emptyRoot());
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /** MTH(D[start:end]) by the RFC's recursion, reading a stored perfect subtree wherever the range is one. */
    private static byte[] range(long start, long end, Nodes nodes) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return checked(nodes.hash(Long.numberOfTrailingZeros(n), start / n));
        }
        long k = split(n);
        return nodeHash(range(start, start + k, nodes), range(start + k, end, nodes));
    }

    private static void path(long m, long start, long end, Nodes nodes, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(m, start, start + k, nodes, out);
            out.add(range(start + k, end, nodes));
        } else {
            path(m - k, start + k, end, nodes, out);
            out.add(range(start, start + k, nodes));
        }
    }

    private static void subproof(long m, long start, long end, boolean whole, Nodes nodes, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                out.add(range(start, end, nodes));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, nodes, out);
            out.add(range(start + k, end, nodes));
        } else {
            subproof(m - k, start + k, end, false, nodes, out);
            out.add(range(start, start + k, nodes));
        }
    }

    /** The largest power of two smaller than n (n > 1). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static byte[] checked(byte[] hash) {
        if (!isHash(hash)) {
            throw new IllegalStateException("a node hash must be " + HASH_SIZE + " bytes, not "
                    + (hash == null ? "missing" : String.valueOf(hash.length)));
        }
        return hash;
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    private static boolean allHashes(List<byte[]> proof) {
        return proof != null && proof.stream().allMatch(MerkleTree::isHash);
    }

    private static void checkSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative: " + size);
        }
    }

    private static void checkIndex(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("a leaf index cannot be negative: " + index);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
