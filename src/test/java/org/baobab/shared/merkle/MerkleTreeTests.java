// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tree against the Certificate Transparency reference vectors (the eight leaves of the RFC 6962 test suite, their
 * roots for every size, and two inclusion and two consistency proofs), then structurally: every proof of every shape up
 * to 64 leaves verifies, and no proof survives a flipped bit, a wrong position or a wrong size.
 */
class MerkleTreeTests {

    static final HexFormat HEX = HexFormat.of();

    static final List<byte[]> REFERENCE_LEAVES = List.of(
            HEX.parseHex(""),
            HEX.parseHex("00"),
            HEX.parseHex("10"),
            HEX.parseHex("2021"),
            HEX.parseHex("3031"),
            HEX.parseHex("40414243"),
            HEX.parseHex("5051525354555657"),
            HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

    /** The roots of the first 0, 1, …, 8 reference leaves. */
    static final List<String> REFERENCE_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    static MerkleTree.Nodes nodesOf(List<byte[]> leafHashes) {
        return MerkleTree.fromLeafHashes(i -> leafHashes.get(Math.toIntExact(i)));
    }

    static List<byte[]> leafHashes(int count) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hashes.add(MerkleTree.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return hashes;
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private final List<byte[]> referenceHashes =
            REFERENCE_LEAVES.stream().map(MerkleTree::leafHash).toList();
    private final MerkleTree.Nodes reference = nodesOf(referenceHashes);

    @Test
    void rootsOfTheReferenceLeavesMatchCertificateTransparency() {
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(MerkleTree.root(size, reference)))
                    .as("root of the first %d reference leaves", size)
                    .isEqualTo(REFERENCE_ROOTS.get(size));
        }
    }

    @Test
    void inclusionProofsOfTheReferenceTreeMatchCertificateTransparency() {
        assertThat(hex(MerkleTree.inclusionProof(0, 8, reference)))
                .containsExactly(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.inclusionProof(5, 8, reference)))
                .containsExactly(
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(MerkleTree.inclusionProof(0, 1, reference)).isEmpty();
    }

    @Test
    void consistencyProofsOfTheReferenceTreeMatchCertificateTransparency() {
        assertThat(hex(MerkleTree.consistencyProof(2, 8, reference)))
                .containsExactly(
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.consistencyProof(6, 8, reference)))
                .containsExactly(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(MerkleTree.consistencyProof(8, 8, reference)).isEmpty();
        assertThat(MerkleTree.consistencyProof(0, 8, reference)).isEmpty();
    }

    @Test
    void everyInclusionProofUpTo64LeavesVerifiesAndNoFlippedBitDoes() {
        List<byte[]> leaves = leafHashes(64);
        MerkleTree.Nodes nodes = nodesOf(leaves);
        for (int size = 1; size <= 64; size++) {
            byte[] root = MerkleTree.root(size, nodes);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(index, size, nodes);
                byte[] leaf = leaves.get(index);
                assertThat(MerkleTree.verifyInclusion(index, size, leaf, proof, root))
                        .as("leaf %d of %d", index, size)
                        .isTrue();
                for (int p = 0; p < proof.size(); p++) {
                    for (int bit = 0; bit < 256; bit += 37) {
                        assertThat(MerkleTree.verifyInclusion(index, size, leaf, flip(proof, p, bit), root))
                                .as("leaf %d of %d, bit %d of hash %d flipped", index, size, bit, p)
                                .isFalse();
                    }
                }
                assertThat(MerkleTree.verifyInclusion(index, size, flip(leaf, index % 256), proof, root))
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(index, size, leaf, proof, flip(root, 255)))
                        .isFalse();
                if (size > 1) {
                    assertThat(MerkleTree.verifyInclusion((index + 1) % size, size, leaf, proof, root))
                            .as("leaf %d of %d claimed at another index", index, size)
                            .isFalse();
                    if (size < 64) {
                        byte[] larger = MerkleTree.root(size + 1, nodes);
                        assertThat(MerkleTree.verifyInclusion(index, size + 1, leaf, proof, larger))
                                .as("leaf %d of %d, proof used in the tree of %d", index, size, size + 1)
                                .isFalse();
                    }
                    assertThat(MerkleTree.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1), root))
                            .isFalse();
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(leaf);
                assertThat(MerkleTree.verifyInclusion(index, size, leaf, longer, root))
                        .isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofUpTo64LeavesVerifiesAndNoFlippedBitDoes() {
        List<byte[]> leaves = leafHashes(64);
        MerkleTree.Nodes nodes = nodesOf(leaves);
        Map<Integer, byte[]> roots = new HashMap<>();
        for (int size = 0; size <= 64; size++) {
            roots.put(size, MerkleTree.root(size, nodes));
        }
        for (int second = 0; second <= 64; second++) {
            for (int first = 0; first <= second; first++) {
                List<byte[]> proof = MerkleTree.consistencyProof(first, second, nodes);
                byte[] firstRoot = roots.get(first);
                byte[] secondRoot = roots.get(second);
                assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("%d → %d", first, second)
                        .isTrue();
                for (int p = 0; p < proof.size(); p++) {
                    for (int bit = 0; bit < 256; bit += 41) {
                        assertThat(MerkleTree.verifyConsistency(
                                        first, second, firstRoot, secondRoot, flip(proof, p, bit)))
                                .as("%d → %d, bit %d of hash %d flipped", first, second, bit, p)
                                .isFalse();
                    }
                }
                if (first < second) {
                    assertThat(MerkleTree.verifyConsistency(first, second, flip(firstRoot, 3), secondRoot, proof))
                            .as("%d → %d with another first root", first, second)
                            .isFalse();
                }
                if (first > 0 && first < second) {
                    // (every tree extends the empty one, whatever its root: hence first > 0)
                    assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, flip(secondRoot, 200), proof))
                            .as("%d → %d with another second root", first, second)
                            .isFalse();
                    assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, List.of()))
                            .isFalse();
                    assertThat(MerkleTree.verifyConsistency(
                                    first, second, firstRoot, secondRoot, proof.subList(0, proof.size() - 1)))
                            .isFalse();
                    if (second < 64) {
                        assertThat(MerkleTree.verifyConsistency(
                                        first, second + 1, firstRoot, roots.get(second + 1), proof))
                                .as("%d → %d proof used for %d → %d", first, second, first, second + 1)
                                .isFalse();
                    }
                }
            }
        }
    }

    @Test
    void nodesStoredOnAppendGiveTheSameRootsAndProofsAsTheLeavesAlone() {
        List<byte[]> leaves = leafHashes(45);
        Map<String, byte[]> stored = new HashMap<>();
        MerkleTree.Nodes fromStore =
                (level, index) -> level == 0 ? leaves.get(Math.toIntExact(index)) : stored.get(level + "/" + index);
        for (int i = 0; i < leaves.size(); i++) {
            for (MerkleTree.Node node : MerkleTree.completedBy(i, leaves.get(i), fromStore)) {
                assertThat(stored.put(node.level() + "/" + node.index(), node.hash()))
                        .as("node %d/%d is completed once", node.level(), node.index())
                        .isNull();
            }
        }
        // 45 leaves complete 22 + 11 + 5 + 2 + 1 perfect subtrees
        assertThat(stored).hasSize(41);
        MerkleTree.Nodes computed = nodesOf(leaves);
        for (int size = 0; size <= 45; size++) {
            assertThat(MerkleTree.root(size, fromStore)).isEqualTo(MerkleTree.root(size, computed));
            for (int index = 0; index < size; index++) {
                assertThat(hex(MerkleTree.inclusionProof(index, size, fromStore)))
                        .isEqualTo(hex(MerkleTree.inclusionProof(index, size, computed)));
            }
            for (int first = 0; first <= size; first++) {
                assertThat(hex(MerkleTree.consistencyProof(first, size, fromStore)))
                        .isEqualTo(hex(MerkleTree.consistencyProof(first, size, computed)));
            }
        }
    }

    @Test
    void theTreeSplitsAtTheLargestPowerOfTwoBelowItsSize() {
        assertThat(MerkleTree.split(2)).isEqualTo(1);
        assertThat(MerkleTree.split(3)).isEqualTo(2);
        assertThat(MerkleTree.split(4)).isEqualTo(2);
        assertThat(MerkleTree.split(5)).isEqualTo(4);
        assertThat(MerkleTree.split(8)).isEqualTo(4);
        assertThat(MerkleTree.split(9)).isEqualTo(8);
        assertThat(MerkleTree.split(1L << 40)).isEqualTo(1L << 39);
    }

    @Test
    void impossibleRequestsAreRefusedAndMalformedProofsAreFalse() {
        assertThatThrownBy(() -> MerkleTree.inclusionProof(8, 8, reference))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.inclusionProof(-1, 8, reference))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(5, 3, reference))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.root(-1, reference)).isInstanceOf(IllegalArgumentException.class);
        byte[] root8 = HEX.parseHex(REFERENCE_ROOTS.get(8));
        List<byte[]> proof = MerkleTree.inclusionProof(5, 8, reference);
        byte[] leaf5 = referenceHashes.get(5);
        assertThat(MerkleTree.verifyInclusion(5, 8, leaf5, proof, root8)).isTrue();
        assertThat(MerkleTree.verifyInclusion(8, 8, leaf5, proof, root8)).isFalse();
        assertThat(MerkleTree.verifyInclusion(-1, 8, leaf5, proof, root8)).isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 8, new byte[31], proof, root8)).isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 8, leaf5, List.of(new byte[31]), root8))
                .isFalse();
        byte[] root6 = HEX.parseHex(REFERENCE_ROOTS.get(6));
        List<byte[]> consistency = MerkleTree.consistencyProof(6, 8, reference);
        assertThat(MerkleTree.verifyConsistency(6, 8, root6, root8, consistency))
                .isTrue();
        assertThat(MerkleTree.verifyConsistency(8, 6, root8, root6, consistency))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(6, 8, root6, root8, List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(8, 8, root8, root8, List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(8, 8, root8, root6, List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(8, 8, root8, root8, List.of(root8)))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(0, 8, MerkleTree.emptyRoot(), root8, List.of()))
                .isTrue();
        assertThat(MerkleTree.verifyConsistency(0, 8, root6, root8, List.of())).isFalse();
    }

    static List<byte[]> flip(List<byte[]> proof, int which, int bit) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(which, flip(proof.get(which), bit));
        return copy;
    }

    static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
