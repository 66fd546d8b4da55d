// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fixed test vectors ({@code src/test/resources/sealing/vectors-v1.json}) that the browser implementation is
 * written against: the Java implementation reproduces them byte for byte, and opens them. To regenerate the file
 * (only ever for a new format version): {@code -Dbaobab.sealing.writeVectors=true}.
 */
class SealingVectorsTests {

    private static final HexFormat HEX = HexFormat.of();
    private static final Path FILE = Path.of(SealingVectors.FILE);

    private static Map<String, Object> vectors;

    @BeforeAll
    static void readTheFile() throws IOException {
        if (Boolean.getBoolean("baobab.sealing.writeVectors")) {
            Files.writeString(FILE, SealingVectors.pretty(SealingVectors.generate()), StandardCharsets.UTF_8);
        }
        vectors = CanonicalJson.readObject(Files.readString(FILE, StandardCharsets.UTF_8));
    }

    @Test
    void theImplementationReproducesTheFileByteForByte() throws IOException {
        assertThat(SealingVectors.pretty(SealingVectors.generate()))
                .isEqualTo(Files.readString(FILE, StandardCharsets.UTF_8));
    }

    @Test
    void canonicalJsonCases() {
        for (Object entry : list(section("canonicalJson").get("cases"))) {
            Map<String, Object> jsonCase = SealingVectors.cast(entry);
            assertThat(CanonicalJson.write(jsonCase.get("value"))).isEqualTo(jsonCase.get("canonical"));
        }
    }

    @Test
    void hkdf() {
        Map<String, Object> hkdf = section("hkdf");
        byte[] ikm = hex(hkdf, "ikm");
        byte[] salt = hex(hkdf, "salt");

        assertThat(Hkdf.extract(salt, ikm)).isEqualTo(hex(hkdf, "prk"));
        assertThat(Hkdf.derive(ikm, salt, hex(hkdf, "info"), 42)).isEqualTo(hex(hkdf, "okm"));
    }

    @Test
    void shamirSharesRebuildTheSecret() {
        Map<String, Object> shamir = section("shamir");
        List<byte[]> shares = list(shamir.get("shares")).stream()
                .map(s -> HEX.parseHex((String) s))
                .toList();

        assertThat(Shamir.join(List.of(shares.get(4), shares.get(0), shares.get(2)), 3))
                .isEqualTo(hex(shamir, "secret"));
        assertThat(Shamir.join(shares, 3)).isEqualTo(hex(shamir, "secret"));
        assertThat(Shamir.split(hex(shamir, "secret"), 5, 3, hex(shamir, "coefficients")))
                .usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(shares);
        for (Object example : list(shamir.get("multiplicationExamples"))) {
            List<Object> abc = list(example);
            assertThat(Shamir.mul(Integer.parseInt((String) abc.get(0), 16), Integer.parseInt((String) abc.get(1), 16)))
                    .isEqualTo(Integer.parseInt((String) abc.get(2), 16));
        }
    }

    @Test
    void theKeyFileOpensWithItsPassphraseInEitherNormalForm() {
        Map<String, Object> vector = section("keyFile");
        KeyFile file = KeyFile.fromJson((String) vector.get("fileJson"));

        MemberKey key = file.open(((String) vector.get("passphrase")).toCharArray());
        MemberKey again = file.open(((String) vector.get("passphraseNfd")).toCharArray());

        assertThat(key.pkcs8()).isEqualTo(b64(vector, "privateKeyPkcs8"));
        assertThat(again.publicKey().base64()).isEqualTo(vector.get("publicKey"));
        assertThat(file.fingerprint()).isEqualTo(vector.get("fingerprint"));
        assertThatThrownBy(() -> file.open(((String) vector.get("wrongPassphrase")).toCharArray()))
                .isInstanceOf(SealingException.class)
                .hasMessageStartingWith("Wrong passphrase");
    }

    @Test
    void theProofOfPossessionVerifies() {
        Map<String, Object> vector = section("proofOfPossession");
        CommitteeKey member = CommitteeKey.fromBase64((String) vector.get("memberPublicKey"));
        ProofOfPossession.Challenge challenge = ProofOfPossession.Challenge.restore(
                b64(vector, "challenge"), b64(vector, "serverPublicKey"), b64(vector, "serverPrivateKeyPkcs8"));

        assertThat(challenge.verify(member, (String) vector.get("answer"))).isTrue();
        MemberKey memberKey = MemberKey.fromPkcs8(b64(vector, "memberPrivateKeyPkcs8"), member);
        assertThat(ProofOfPossession.answer(memberKey, b64(vector, "challenge"), b64(vector, "serverPublicKey")))
                .isEqualTo(vector.get("answer"));
    }

    @Test
    void theEnvelopeOpensWithAnyTwoMembersKeys() {
        Map<String, Object> envelope = section("envelope");
        Manifest manifest = Manifest.fromJson((String) envelope.get("manifestJson"));
        byte[] ciphertext = b64(envelope, "ciphertext");
        List<MemberKey> members = new ArrayList<>();
        for (Object entry : list(envelope.get("committee"))) {
            Map<String, Object> member = SealingVectors.cast(entry);
            members.add(MemberKey.fromPkcs8(
                    b64(member, "privateKeyPkcs8"), CommitteeKey.fromBase64((String) member.get("publicKey"))));
        }

        assertThat(manifest.envelopeHash()).isEqualTo(envelope.get("envelopeHash"));
        assertThat(CanonicalJson.write(envelope.get("manifest"))).isEqualTo(envelope.get("manifestJson"));
        assertThat(Bytes.hex(Bytes.sha256(ciphertext))).isEqualTo(envelope.get("ciphertextSha256"));
        assertThat(manifest.context().toJson()).isEqualTo(envelope.get("contextJson"));
        assertThat(Bytes.hex(manifest.context().hash())).isEqualTo(envelope.get("contextHash"));
        List<Object> shares = list(envelope.get("shares"));
        for (int j = 1; j <= 3; j++) {
            Map<String, Object> share = SealingVectors.cast(shares.get(j - 1));
            assertThat(ShareOpener.releaseKey(manifest, j, members.get(j - 1))).isEqualTo(hex(share, "kek"));
            assertThat(ShareOpener.decrypt(manifest, j, members.get(j - 1))).isEqualTo(hex(share, "share"));
        }

        MemorySink sink = new MemorySink();
        Opener.open(
                manifest,
                List.of(
                        ShareOpener.decrypt(manifest, 3, members.get(2)),
                        ShareOpener.decrypt(manifest, 1, members.get(0))),
                new ByteArrayInputStream(ciphertext),
                sink);

        List<Object> parts = list(envelope.get("parts"));
        assertThat(sink.headers).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> part = SealingVectors.cast(parts.get(i));
            assertThat(new String(sink.headers.get(i).canonicalBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(part.get("header"));
        }
        assertThat(new String(sink.contents.get(0), StandardCharsets.UTF_8)).isEqualTo(SealingVectors.BID_FORM);
        assertThat(new String(sink.contents.get(1), StandardCharsets.UTF_8)).isEqualTo(SealingVectors.NOTE);
        assertThat(sink.contents.get(2)).isEqualTo(SealingVectors.annex());
    }

    @Test
    void theRandomValuesListedAreTheOnesTheEnvelopeUsed() {
        Map<String, Object> envelope = section("envelope");
        Map<String, Object> random = SealingVectors.cast(envelope.get("random"));
        List<byte[]> shares = list(envelope.get("shares")).stream()
                .map(s -> hex(SealingVectors.cast(s), "share"))
                .toList();

        assertThat(Shamir.join(shares.subList(0, 2), 2)).isEqualTo(hex(random, "dataKey"));
        assertThat(Shamir.split(hex(random, "dataKey"), 3, 2, hex(random, "shamirCoefficients")))
                .usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(shares);
        Manifest manifest = Manifest.fromJson((String) envelope.get("manifestJson"));
        assertThat(manifest.noncePrefix()).isEqualTo(hex(random, "noncePrefix"));
        for (int j = 1; j <= 3; j++) {
            Map<String, Object> share =
                    SealingVectors.cast(list(envelope.get("shares")).get(j - 1));
            assertThat(manifest.share(j).nonce()).isEqualTo(hex(share, "nonce"));
            assertThat(Bytes.b64(manifest.share(j).ephemeralPublicKey())).isEqualTo(share.get("ephemeralPublicKey"));
        }
    }

    private static Map<String, Object> section(String name) {
        return SealingVectors.cast(vectors.get(name));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static byte[] hex(Map<String, Object> map, String key) {
        return HEX.parseHex((String) map.get(key));
    }

    private static byte[] b64(Map<String, Object> map, String key) {
        return Base64.getDecoder().decode((String) map.get(key));
    }
}
