// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Key files, and the P-256 key encodings under them. */
class KeyFileTests {

    private static final int FAST = 1_000;

    private final MemberKey key = TestKeys.derive(new Drbg("key file member"));

    @Test
    void opensWithThePassphraseItWasMadeWith() {
        KeyFile file = new KeyFile(key, "correct horse battery staple".toCharArray(), new Drbg("wrap"), FAST);

        MemberKey opened = KeyFile.fromJson(file.toJson()).open("correct horse battery staple".toCharArray());

        assertThat(opened.publicKey()).isEqualTo(key.publicKey());
        assertThat(opened.privateKey().getS()).isEqualTo(key.privateKey().getS());
        assertThat(CanonicalJson.isCanonical(file.toJson())).isTrue();
    }

    @Test
    void aWrongPassphraseIsSaidSo() {
        KeyFile file = new KeyFile(key, "correct horse battery staple".toCharArray(), new Drbg("wrap"), FAST);

        assertThatThrownBy(() -> file.open("correct horse battery stapler".toCharArray()))
                .isInstanceOf(SealingException.class)
                .hasMessageStartingWith(
                        "Wrong passphrase for the key file " + key.publicKey().shortFingerprint());
    }

    @Test
    void thePassphraseIsNormalisedToNfc() {
        String composed = "clé-été";
        String decomposed = "cle\u0301-e\u0301te\u0301";
        KeyFile file = new KeyFile(key, composed.toCharArray(), new Drbg("wrap"), FAST);

        assertThat(file.open(decomposed.toCharArray()).publicKey()).isEqualTo(key.publicKey());
    }

    @Test
    void theJdkPbkdf2EncodesThePassphraseAsUtf8() {
        byte[] salt = new Drbg("salt").bytes(16);
        String passphrase = "clé-été ✓";

        byte[] jdk = KeyFile.wrappingKey(passphrase.toCharArray(), salt, 3);

        // PBKDF2 with one 32-byte block: U1 = HMAC(P, S || u32(1)), Ui = HMAC(P, Ui−1), T = U1 ^ U2 ^ U3
        byte[] password = passphrase.getBytes(StandardCharsets.UTF_8);
        byte[] u = Bytes.hmacSha256(password, salt, new byte[] {0, 0, 0, 1});
        byte[] t = u.clone();
        for (int i = 1; i < 3; i++) {
            u = Bytes.hmacSha256(password, u);
            for (int b = 0; b < 32; b++) {
                t[b] ^= u[b];
            }
        }
        assertThat(jdk).isEqualTo(t);
    }

    @Test
    void pbkdf2MatchesRfc7914() {
        // RFC 7914 §11: PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1, dkLen=64): its first 32 bytes
        byte[] key = KeyFile.wrappingKey("passwd".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1);

        assertThat(HexFormat.of().formatHex(key))
                .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    }

    @Test
    void aNewKeyFileUses600000Iterations() {
        KeyFile file = KeyFile.create(key, "a passphrase".toCharArray(), new Drbg("wrap"));

        assertThat(file.iterations()).isEqualTo(600_000);
        assertThat(file.toJson()).contains("\"iterations\":600000");
    }

    @Test
    void refusesAKeyFileWhoseFingerprintIsNotItsKeys() {
        Map<String, Object> json = new LinkedHashMap<>(
                CanonicalJson.readObject(new KeyFile(key, "p".toCharArray(), new Drbg("wrap"), FAST).toJson()));
        json.put("fingerprint", "00".repeat(32));

        assertThatThrownBy(() -> KeyFile.fromJson(CanonicalJson.write(json)))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("the fingerprint is not the public key's");
    }

    @Test
    void anAlteredKeyFileDoesNotOpen() {
        Map<String, Object> json = new LinkedHashMap<>(
                CanonicalJson.readObject(new KeyFile(key, "p".toCharArray(), new Drbg("wrap"), FAST).toJson()));
        MemberKey other = TestKeys.derive(new Drbg("another member"));
        json.put("publicKey", other.publicKey().base64());
        json.put("fingerprint", other.publicKey().fingerprint());

        assertThatThrownBy(() -> KeyFile.fromJson(CanonicalJson.write(json)).open("p".toCharArray()))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("or the file was altered");
    }

    @Test
    void pointsRoundTripAndOffCurvePointsAreRefused() {
        byte[] point = key.publicKey().point();

        assertThat(Points.encode(Points.decode(point))).isEqualTo(point);
        assertThat(CommitteeKey.fromBase64(key.publicKey().base64())).isEqualTo(key.publicKey());
        byte[] offCurve = point.clone();
        offCurve[64] ^= 1;
        assertThatThrownBy(() -> CommitteeKey.of(offCurve))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("not a point on the P-256 curve");
        byte[] compressed = point.clone();
        compressed[0] = 2;
        assertThatThrownBy(() -> CommitteeKey.of(compressed))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("65-byte uncompressed point");
    }

    @Test
    void privateKeysAreTheWebCryptoPkcs8() {
        byte[] pkcs8 = key.pkcs8();

        assertThat(pkcs8).hasSize(138);
        assertThat(HexFormat.of().formatHex(pkcs8, 0, 36))
                .isEqualTo("308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420");
        assertThat(Points.privateKey(pkcs8).getS()).isEqualTo(key.privateKey().getS());
        assertThat(MemberKey.fromPkcs8(key.privateKey().getEncoded(), key.publicKey())
                        .publicKey())
                .as("the JDK's own, shorter PKCS#8 is read too")
                .isEqualTo(key.publicKey());
    }

    @Test
    void aPrivateKeyIsCheckedAgainstItsPublicKey() {
        MemberKey other = TestKeys.derive(new Drbg("another member"));
        MemberKey negated = TestKeys.of(
                Points.P256.getOrder().subtract(key.privateKey().getS()).mod(Points.P256.getOrder()));

        assertThatThrownBy(() -> MemberKey.fromPkcs8(key.pkcs8(), other.publicKey()))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("not the private half");
        assertThatThrownBy(() -> MemberKey.fromPkcs8(negated.privateKey().getEncoded(), key.publicKey()))
                .as("−d has the same X coordinate, yet is not the key")
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("not the private half");
        assertThat(TestKeys.of(BigInteger.ONE).publicKey().point())
                .as("1·G is the generator")
                .isEqualTo(generator());
    }

    private static byte[] generator() {
        byte[] g = new byte[65];
        g[0] = 4;
        byte[] x = HexFormat.of().parseHex("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296");
        byte[] y = HexFormat.of().parseHex("4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5");
        System.arraycopy(x, 0, g, 1, 32);
        System.arraycopy(y, 0, g, 33, 32);
        return g;
    }
}
