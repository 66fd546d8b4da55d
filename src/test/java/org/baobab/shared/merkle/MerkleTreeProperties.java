// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * For random tree sizes (up to large ones, since the leaves are computed on demand) every inclusion and consistency
 * proof verifies, and any tampering with the proof, the hash, the position or the roots makes it fail.
 */
class MerkleTreeProperties {

    /** Leaf i's hash is derived from i, so a tree of a million leaves needs no memory. */
    static final MerkleTree.Nodes NODES = MerkleTree.fromLeafHashes(MerkleTreeProperties::leaf);

    static byte[] leaf(long index) {
        return MerkleTree.leafHash(ByteBuffer.allocate(8).putLong(index).array());
    }

    @Property(tries = 300)
    void everyInclusionProofVerifies(
            @ForAll @LongRange(min = 1, max = 5_000) long size, @ForAll @LongRange(min = 0, max = 4_999) long index) {
        Assume.that(index < size);
        byte[] root = MerkleTree.root(size, NODES);
        List<byte[]> proof = MerkleTree.inclusionProof(index, size, NODES);
        assertThat(proof.size()).isLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(size - 1));
        assertThat(MerkleTree.verifyInclusion(index, size, leaf(index), proof, root))
                .isTrue();
    }

    @Property(tries = 300)
    void anyTamperedInclusionFails(
            @ForAll @LongRange(min = 2, max = 5_000) long size,
            @ForAll @LongRange(min = 0, max = 4_999) long index,
            @ForAll @IntRange(min = 0, max = 255) int bit,
            @ForAll @IntRange(min = 0, max = 63) int element,
            @ForAll @LongRange(min = 1, max = 4_999) long shift) {
        Assume.that(index < size);
        byte[] root = MerkleTree.root(size, NODES);
        List<byte[]> proof = MerkleTree.inclusionProof(index, size, NODES);
        byte[] leaf = leaf(index);

        List<byte[]> flipped = new ArrayList<>(proof);
        int which = element % proof.size();
        flipped.set(which, MerkleTreeTests.flip(proof.get(which), bit));
        assertThat(MerkleTree.verifyInclusion(index, size, leaf, flipped, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(index, size, MerkleTreeTests.flip(leaf, bit), proof, root))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(index, size, leaf, proof, MerkleTreeTests.flip(root, bit)))
                .isFalse();
        long otherIndex = (index + shift) % size;
        Assume.that(otherIndex != index);
        assertThat(MerkleTree.verifyInclusion(otherIndex, size, leaf, proof, root))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(otherIndex, size, leaf(otherIndex), proof, root))
                .isFalse();
    }

    @Property(tries = 300)
    void everyConsistencyProofVerifies(
            @ForAll @LongRange(min = 0, max = 5_000) long first, @ForAll @LongRange(min = 0, max = 5_000) long second) {
        Assume.that(first <= second);
        List<byte[]> proof = MerkleTree.consistencyProof(first, second, NODES);
        assertThat(MerkleTree.verifyConsistency(
                        first, second, MerkleTree.root(first, NODES), MerkleTree.root(second, NODES), proof))
                .isTrue();
    }

    @Property(tries = 300)
    void anyTamperedConsistencyFails(
            @ForAll @LongRange(min = 1, max = 5_000) long first,
            @ForAll @LongRange(min = 2, max = 5_000) long second,
            @ForAll @IntRange(min = 0, max = 255) int bit,
            @ForAll @IntRange(min = 0, max = 63) int element) {
        Assume.that(first < second);
        byte[] firstRoot = MerkleTree.root(first, NODES);
        byte[] secondRoot = MerkleTree.root(second, NODES);
        List<byte[]> proof = MerkleTree.consistencyProof(first, second, NODES);

        List<byte[]> flipped = new ArrayList<>(proof);
        int which = element % proof.size();
        flipped.set(which, MerkleTreeTests.flip(proof.get(which), bit));
        assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, flipped))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second, MerkleTreeTests.flip(firstRoot, bit), secondRoot, proof))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, MerkleTreeTests.flip(secondRoot, bit), proof))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, proof.subList(1, proof.size())))
                .isFalse();
        // a history rewritten in its first leaf, before or after the first head was signed, is caught
        byte[] rewritten = rewrittenRoot(first);
        assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, rewrittenRoot(second), proof))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second, rewritten, secondRoot, proof))
                .isFalse();
    }

    /** The root of a tree whose first leaf was replaced. */
    private static byte[] rewrittenRoot(long size) {
        return MerkleTree.root(
                size, MerkleTree.fromLeafHashes(i -> i == 0 ? MerkleTree.leafHash(new byte[] {42}) : leaf(i)));
    }
}
