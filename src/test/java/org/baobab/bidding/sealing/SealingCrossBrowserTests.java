// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baobab.Browser;
import org.baobab.BrowserTest;
import org.baobab.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;

/**
 * The two implementations of BSE1 and BKF1 against each other: what Chromium seals ({@code static/js/sealing.js}), the
 * Java {@link Opener} opens, and the reverse; key files and proofs of possession cross too.
 */
@IntegrationTest
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealingCrossBrowserTests {

    private static final String PASSPHRASE = "Comité d'ouverture 2026";

    private final int port;
    private Browser browser;
    private Page page;

    SealingCrossBrowserTests(@Value("${local.server.port}") int port) {
        this.port = port;
    }

    @BeforeAll
    void openBrowser() {
        browser = new Browser(port);
        page = browser.newPage();
        page.navigate("/rules");
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> run(String body, Map<String, Object> arg) {
        return (Map<String, Object>)
                page.evaluate("async (arg) => {\n" + SealingBrowserTests.PRELUDE + body + "\n}", arg);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unb64(Object text) {
        return Base64.getDecoder().decode((String) text);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> committeePoints() {
        return Envelopes.MEMBERS.stream().map(m -> m.publicKey().base64()).toList();
    }

    @Test
    void anEnvelopeSealedInChromiumOpensWithTheJavaOpener() {
        Map<String, Object> result = run("""
                const committee = arg.committee.map((point) => ({ point }));
                const sizes = [0, 1, 65536, 150000];
                const contents = sizes.map((n) => randomBytes(n));
                const files = contents.map((c, i) => new File([c], 'pièce ' + (i + 1) + '.bin',
                  { type: i === 2 ? 'application/pdf' : '' }));
                const sealed = await sealAll({ context, committee, threshold: 2,
                  bidForm: { lots: [{ lot: '10', price: '1250000' }], note: 'Offre conforme, délai 30 jours' }, files });
                return {
                  manifest: sealed.manifestJson,
                  envelopeHash: sealed.envelopeHash,
                  ciphertext: s.toBase64(new Uint8Array(await new Blob(sealed.chunks).arrayBuffer())),
                  digests: await Promise.all(contents.map(digest)),
                };
                """, Map.of("committee", committeePoints()));
        Manifest manifest = Manifest.fromJson((String) result.get("manifest"));
        byte[] ciphertext = unb64(result.get("ciphertext"));
        assertThat(manifest.envelopeHash()).isEqualTo(result.get("envelopeHash"));
        assertThat(manifest.toJson()).isEqualTo(result.get("manifest"));
        assertThat(manifest.ciphertextSize()).isEqualTo(ciphertext.length);
        assertThat(manifest.ciphertextSha256()).isEqualTo(sha256(ciphertext));
        assertThat(manifest.fingerprints())
                .isEqualTo(Envelopes.MEMBERS.stream()
                        .map(m -> m.publicKey().fingerprint())
                        .toList());
        assertThat(manifest.context().toJson())
                .isEqualTo("{\"envelope\":\"0e4b7f0a-3c1d-4a59-9b2e-6f8d2c1a7e55\",\"format\":\"BSE1\","
                        + "\"kind\":\"single\",\"lots\":[\"10\",\"2\"],\"ocid\":\"ocds-baobab-SN-2026-00042\"}");

        for (int[] members : new int[][] {{1, 2}, {3, 1}, {2, 3}, {1, 2, 3}}) {
            MemorySink sink = new MemorySink();
            List<PartHeader> headers = Opener.open(
                    manifest, Envelopes.shares(manifest, members), new ByteArrayInputStream(ciphertext), sink);
            assertThat(headers)
                    .containsExactly(
                            new PartHeader("bid.json", "application/json", 82),
                            new PartHeader("pièce 1.bin", "application/octet-stream", 0),
                            new PartHeader("pièce 2.bin", "application/octet-stream", 1),
                            new PartHeader("pièce 3.bin", "application/pdf", 65536),
                            new PartHeader("pièce 4.bin", "application/octet-stream", 150000));
            assertThat(new String(sink.contents.get(0), StandardCharsets.UTF_8))
                    .isEqualTo("{\"lots\":[{\"lot\":\"10\",\"price\":\"1250000\"}],"
                            + "\"note\":\"Offre conforme, délai 30 jours\"}");
            assertThat(sink.contents.subList(1, 5).stream()
                            .map(SealingCrossBrowserTests::sha256)
                            .toList())
                    .isEqualTo(result.get("digests"));
        }

        // and the Java opener sees the same tampering
        byte[] tampered = ciphertext.clone();
        tampered[Manifest.CIPHER_CHUNK_SIZE + 77] ^= 1;
        assertThatThrownBy(() -> Opener.open(
                        manifest,
                        Envelopes.shares(manifest, 1, 2),
                        new ByteArrayInputStream(tampered),
                        new MemorySink()))
                .isInstanceOf(SealingException.class)
                .hasMessage("Chunk 1 does not authenticate: it was altered (chunk 0 opened, so the key and the context"
                        + " are right)");
    }

    @Test
    void anEnvelopeSealedByTheJavaSealerOpensInChromiumWithKeyFilesMadeInJava() {
        List<byte[]> contents =
                List.of(new byte[0], new byte[] {42}, Envelopes.pattern(65536, 1), Envelopes.pattern(150000, 2));
        List<Attachment> attachments = new ArrayList<>();
        String[] names = {"vide.txt", "un.bin", "offre.pdf", "سعر.xlsx"};
        String[] types = {"text/plain", "application/octet-stream", "application/pdf", "application/vnd.ms-excel"};
        for (int i = 0; i < contents.size(); i++) {
            attachments.add(new Attachment(
                    names[i], types[i], contents.get(i).length, new ByteArrayInputStream(contents.get(i))));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Manifest manifest = Sealer.seal(
                Envelopes.CONTEXT,
                Envelopes.committee(),
                2,
                Envelopes.BID_FORM,
                attachments,
                out,
                new Drbg("sealed in Java, opened in Chromium"));
        List<String> keyFiles = new ArrayList<>();
        for (MemberKey member : Envelopes.MEMBERS) {
            keyFiles.add(new KeyFile(member, PASSPHRASE.toCharArray(), new Drbg("key file " + member), 1000).toJson());
        }
        List<String> javaShares = new ArrayList<>();
        List<String> javaReleased = new ArrayList<>();
        for (int j = 1; j <= 3; j++) {
            javaShares.add(b64(ShareOpener.decrypt(manifest, j, Envelopes.MEMBERS.get(j - 1))));
            javaReleased.add(b64(ShareOpener.releaseKey(manifest, j, Envelopes.MEMBERS.get(j - 1))));
        }
        Map<String, Object> arg = new LinkedHashMap<>();
        arg.put("manifest", manifest.toJson());
        arg.put("ciphertext", b64(out.toByteArray()));
        arg.put("keyFiles", keyFiles);
        arg.put("passphrase", Normalizer.normalize(PASSPHRASE, Normalizer.Form.NFD));

        Map<String, Object> result = run("""
                const keys = [];
                for (const file of arg.keyFiles) keys.push(await s.openKeyFile(file, arg.passphrase));
                const shares = [], released = [];
                for (let j = 1; j <= 3; j++) {
                  shares.push(await s.decryptShare(arg.manifest, j, keys[j - 1]));
                  released.push(await s.releaseShareKey(arg.manifest, j, keys[j - 1]));
                }
                const ciphertext = s.fromBase64(arg.ciphertext);
                const opened = await openAll(arg.manifest, [shares[2], shares[0]], [ciphertext]);
                const again = await openAll(arg.manifest, [shares[1], shares[2]], new Blob([ciphertext]));
                const fromReleased = await s.openReleasedShare(arg.manifest, 2, released[1]);
                const tampered = ciphertext.slice();
                tampered[65552 * 2 + 10] ^= 4;
                return {
                  fingerprints: keys.map((k) => k.fingerprint),
                  shares: shares.map(s.toBase64),
                  released: released.map(s.toBase64),
                  fromReleased: s.toBase64(fromReleased),
                  envelopeHash: opened.envelopeHash,
                  headers: opened.headers,
                  digests: opened.contents.map((c) => c.sha256),
                  bidForm: opened.bidForm,
                  same: JSON.stringify(again.contents) === JSON.stringify(opened.contents),
                  tampered: await error(() => s.open(arg.manifest, [shares[0], shares[1]], [tampered])),
                  wrongPassphrase: await error(() => s.openKeyFile(arg.keyFiles[0], 'comité d\\'ouverture 2026')),
                };
                """, arg);
        assertThat(result.get("fingerprints"))
                .isEqualTo(Envelopes.MEMBERS.stream()
                        .map(m -> m.publicKey().fingerprint())
                        .toList());
        assertThat(result.get("shares")).isEqualTo(javaShares);
        assertThat(result.get("released")).isEqualTo(javaReleased);
        assertThat(result.get("fromReleased")).isEqualTo(javaShares.get(1));
        assertThat(result.get("envelopeHash")).isEqualTo(manifest.envelopeHash());
        List<Object> expectedHeaders = new ArrayList<>();
        expectedHeaders.add(Map.of("name", "bid.json", "size", Envelopes.BID_FORM.length, "type", "application/json"));
        for (int i = 0; i < names.length; i++) {
            expectedHeaders.add(Map.of("name", names[i], "size", contents.get(i).length, "type", types[i]));
        }
        assertThat(result.get("headers")).isEqualTo(expectedHeaders);
        List<String> expectedDigests = new ArrayList<>();
        expectedDigests.add(sha256(Envelopes.BID_FORM));
        contents.forEach(c -> expectedDigests.add(sha256(c)));
        assertThat(result.get("digests")).isEqualTo(expectedDigests);
        assertThat(result.get("bidForm")).isEqualTo(Map.of("lots", List.of(Map.of("lot", "1", "price", "1250000"))));
        assertThat(result).containsEntry("same", true);
        assertThat(result)
                .containsEntry(
                        "tampered", "SealingError: chunk 2 of the ciphertext fails authentication: it was altered");
        assertThat((String) result.get("wrongPassphrase")).startsWith("SealingError: wrong passphrase");
    }

    @Test
    void keyFilesMadeInChromiumOpenInJavaAndTheReverse() {
        MemberKey peer = Envelopes.MEMBERS.get(2);
        MemberKey javaKey = Envelopes.MEMBERS.get(0);
        Map<String, Object> arg = new LinkedHashMap<>();
        arg.put("peer", peer.publicKey().base64());
        arg.put("passphraseNfd", Normalizer.normalize(PASSPHRASE, Normalizer.Form.NFD));
        arg.put("passphrase", PASSPHRASE);
        arg.put(
                "javaFile",
                KeyFile.create(javaKey, PASSPHRASE.toCharArray(), new Drbg("a real key file"))
                        .toJson());
        Map<String, Object> result = run("""
                const peer = await s.importPoint(arg.peer);
                const z = async (key) => s.toBase64(new Uint8Array(await crypto.subtle.deriveBits(
                  { name: 'ECDH', public: peer }, key.privateKey, 256)));
                const key = await s.generateCommitteeKey();
                const file = await s.createKeyFile(key, arg.passphraseNfd, { iterations: 2000 });
                const strong = await s.createKeyFile(key, arg.passphrase);
                const fromJava = await s.openKeyFile(arg.javaFile, arg.passphraseNfd);
                return {
                  file, strong, fingerprint: key.fingerprint, z: await z(key),
                  javaFingerprint: fromJava.fingerprint, javaZ: await z(fromJava),
                  javaWrong: await error(() => s.openKeyFile(arg.javaFile, arg.passphrase + ' ')),
                };
                """, arg);
        for (String json : List.of((String) result.get("file"), (String) result.get("strong"))) {
            KeyFile file = KeyFile.fromJson(json);
            assertThat(file.toJson()).isEqualTo(json);
            MemberKey opened = file.open(PASSPHRASE.toCharArray());
            assertThat(opened.publicKey().fingerprint()).isEqualTo(result.get("fingerprint"));
            assertThat(b64(opened.agree(peer.publicKey().point()))).isEqualTo(result.get("z"));
            assertThatThrownBy(() -> file.open("Comite d'ouverture 2026".toCharArray()))
                    .isInstanceOf(SealingException.class)
                    .hasMessageStartingWith("Wrong passphrase");
        }
        assertThat(KeyFile.fromJson((String) result.get("strong")).iterations()).isEqualTo(600_000);
        assertThat(KeyFile.fromJson((String) result.get("file")).iterations()).isEqualTo(2000);
        assertThat(result.get("javaFingerprint")).isEqualTo(javaKey.publicKey().fingerprint());
        assertThat(result.get("javaZ"))
                .isEqualTo(b64(javaKey.agree(peer.publicKey().point())));
        assertThat((String) result.get("javaWrong")).startsWith("SealingError: wrong passphrase");
    }

    @Test
    void aProofOfPossessionMadeInChromiumVerifiesOnTheServer() {
        ProofOfPossession.Challenge challenge = ProofOfPossession.challenge(new java.security.SecureRandom());
        MemberKey javaKey = Envelopes.MEMBERS.get(1);
        Map<String, Object> arg = new LinkedHashMap<>();
        arg.put("challenge", b64(challenge.challenge()));
        arg.put("server", b64(challenge.serverPoint()));
        arg.put("javaFile", new KeyFile(javaKey, PASSPHRASE.toCharArray(), new Drbg("pop"), 1000).toJson());
        arg.put("passphrase", PASSPHRASE);
        Map<String, Object> result = run("""
                const key = await s.generateCommitteeKey();
                const answer = await s.answerProofOfPossession(key, key.point, arg.server, arg.challenge);
                const javaKey = await s.openKeyFile(arg.javaFile, arg.passphrase);
                const other = await s.generateCommitteeKey();
                return {
                  point: s.toBase64(key.point),
                  answer,
                  // the same key opened from a key file (not extractable) answers the same
                  javaKeyAnswer: await s.answerProofOfPossession(javaKey, javaKey.point, arg.server, arg.challenge),
                  otherKeyAnswer: await s.answerProofOfPossession(other, other.point, arg.server, arg.challenge),
                  shortChallenge: await error(() => s.answerProofOfPossession(key, key.point, arg.server,
                    new Uint8Array(16))),
                  badServerPoint: await error(() => s.answerProofOfPossession(key, key.point,
                    new Uint8Array(65).fill(4), arg.challenge)),
                };
                """, arg);
        CommitteeKey member = CommitteeKey.fromBase64((String) result.get("point"));
        assertThat(challenge.verify(member, (String) result.get("answer"))).isTrue();
        assertThat(challenge.verify(member, (String) result.get("otherKeyAnswer")))
                .isFalse();
        assertThat(result.get("javaKeyAnswer"))
                .isEqualTo(ProofOfPossession.answer(javaKey, challenge.challenge(), challenge.serverPoint()));
        assertThat(challenge.verify(javaKey.publicKey(), (String) result.get("javaKeyAnswer")))
                .isTrue();
        assertThat((String) result.get("shortChallenge"))
                .isEqualTo("SealingError: the challenge must be 32 bytes, not 16");
        assertThat((String) result.get("badServerPoint"))
                .isEqualTo("SealingError: the server's enrolment key is not a point on P-256");
    }
}
