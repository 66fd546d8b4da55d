// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.transparency.ReceiptVerifier.Check;
import org.baobab.shared.merkle.MerkleTree;
import org.junit.jupiter.api.Test;

/**
 * The receipt and tree-head statements (in the sealing library's canonical JSON, tested by CanonicalJsonTests), and
 * the receipt check, with a key made for the test.
 */
class TransparencyFormatTests {

    @Test
    void aReceiptIsItsCanonicalJsonAndATreeHeadToo() {
        String json = CanonicalJson.write(ReceiptFormat.receipt(
                "ocds-baobab-SN-2026-00042",
                List.of("1", "2"),
                "7d1c2e34-0000-4000-8000-000000000001",
                "Sahel Numérique SARL",
                "0b9f7f5e-0000-4000-8000-000000000002",
                "ab".repeat(32),
                "single",
                Instant.parse("2026-11-23T10:15:30.123456789Z"),
                17));
        assertThat(json)
                .isEqualTo("{\"envelope\":\"0b9f7f5e-0000-4000-8000-000000000002\",\"envelopeHash\":\""
                        + "ab".repeat(32) + "\",\"format\":\"BR1\",\"kind\":\"single\",\"logIndex\":17,"
                        + "\"lots\":[\"1\",\"2\"],\"ocid\":\"ocds-baobab-SN-2026-00042\","
                        + "\"receivedAt\":\"2026-11-23T10:15:30.123456Z\",\"supplier\":"
                        + "{\"id\":\"7d1c2e34-0000-4000-8000-000000000001\",\"name\":\"Sahel Numérique SARL\"}}");
        assertThat(ReceiptFormat.treeHead(3, "cd".repeat(32), 1_795_000_000_000L))
                .isEqualTo("{\"format\":\"BTH1\",\"rootHash\":\"" + "cd".repeat(32)
                        + "\",\"timestamp\":1795000000000,\"treeSize\":3}");
        assertThat(ReceiptFormat.instant(Instant.parse("2026-01-02T03:04:05Z")))
                .isEqualTo("2026-01-02T03:04:05.000000Z");
    }

    @Test
    void aReceiptVerifiesAgainstItsSignedTreeHeadAndATamperedOneFails() throws Exception {
        KeyPair platform = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String keyId = "ee".repeat(32);
        List<byte[]> leaves = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String json = CanonicalJson.write(ReceiptFormat.receipt(
                    "ocds-baobab-SN-2026-0000" + i,
                    List.of("1"),
                    "s-" + i,
                    "Supplier " + i,
                    "e-" + i,
                    "0".repeat(63) + i,
                    "single",
                    Instant.parse("2026-11-23T10:00:00Z").plusSeconds(i),
                    i));
            byte[] leaf = json.getBytes(StandardCharsets.UTF_8);
            leaves.add(MerkleTree.leafHash(leaf));
            documents.add(ReceiptFormat.document(json, sign(platform, leaf), keyId));
        }
        MerkleTree.Nodes nodes = MerkleTree.fromLeafHashes(i -> leaves.get((int) i));
        String root = HexFormat.of().formatHex(MerkleTree.root(7, nodes));
        long timestamp = 1_795_000_000_000L;
        ReceiptVerifier.TreeHead head = new ReceiptVerifier.TreeHead(
                7,
                root,
                timestamp,
                sign(platform, ReceiptFormat.treeHead(7, root, timestamp).getBytes(StandardCharsets.UTF_8)));

        for (int i = 0; i < 7; i++) {
            List<String> path = MerkleTree.inclusionProof(i, 7, nodes).stream()
                    .map(HexFormat.of()::formatHex)
                    .toList();
            assertThat(ReceiptVerifier.verify(documents.get(i), platform.getPublic(), keyId, head, path)
                            .valid())
                    .isTrue();
            // pretty-printed, with members in another order: still the same receipt
            ReceiptVerifier.ReceiptDocument read = ReceiptVerifier.read(documents.get(i));
            String loose = "{\n  \"receipt\": " + read.canonicalReceipt().replace(",", ",\n    ")
                    + ",\n  \"signature\": \"" + read.signature() + "\",\n  \"keyId\": \"" + keyId + "\"\n}";
            assertThat(ReceiptVerifier.verify(loose, platform.getPublic(), keyId, head, path)
                            .valid())
                    .isTrue();
            String duplicate = documents.get(i).replace("{\"keyId\"", "{\"signature\":\"x\",\"keyId\"");
            assertThat(ReceiptVerifier.verify(duplicate, platform.getPublic(), keyId, head, path)
                            .failed())
                    .as("a duplicate member is refused")
                    .isEqualTo(Check.DOCUMENT);
        }
        String document = documents.get(3);
        List<String> path3 = MerkleTree.inclusionProof(3, 7, nodes).stream()
                .map(HexFormat.of()::formatHex)
                .toList();
        List<String> path4 = MerkleTree.inclusionProof(4, 7, nodes).stream()
                .map(HexFormat.of()::formatHex)
                .toList();
        assertThat(verdict(document.replace("0".repeat(63) + "3", "0".repeat(63) + "4"), platform, keyId, head, path3))
                .as("another envelope hash")
                .isEqualTo(Check.RECEIPT_SIGNATURE);
        assertThat(verdict(document.replace("10:00:03.000000Z", "09:59:03.000000Z"), platform, keyId, head, path3))
                .as("an earlier time")
                .isEqualTo(Check.RECEIPT_SIGNATURE);
        assertThat(verdict(document, platform, "ff".repeat(32), head, path3)).isEqualTo(Check.SIGNING_KEY);
        assertThat(verdict("not json", platform, keyId, head, path3)).isEqualTo(Check.DOCUMENT);
        assertThat(verdict(document, platform, keyId, head, path4)).isEqualTo(Check.INCLUSION);
        assertThat(verdict(document, platform, keyId, head, path3.subList(1, path3.size())))
                .isEqualTo(Check.INCLUSION);
        ReceiptVerifier.TreeHead forged = new ReceiptVerifier.TreeHead(8, root, timestamp, head.signature());
        assertThat(verdict(document, platform, keyId, forged, path3)).isEqualTo(Check.TREE_HEAD_SIGNATURE);
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(verdict(document, other, keyId, head, path3)).isEqualTo(Check.RECEIPT_SIGNATURE);
    }

    private static Check verdict(
            String document, KeyPair key, String keyId, ReceiptVerifier.TreeHead head, List<String> path) {
        return ReceiptVerifier.verify(document, key.getPublic(), keyId, head, path)
                .failed();
    }

    private static String sign(KeyPair key, byte[] message) throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key.getPrivate());
        signature.update(message);
        return Base64.getEncoder().encodeToString(signature.sign());
    }
}
