// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * The browser implementation against the fixed test vectors ({@code src/test/resources/sealing/vectors-v1.json}, made
 * by the Java implementation): with the vectors' random values injected, Chromium reproduces every deterministic value
 * byte for byte (key file, proof of possession, shares, ciphertext, manifest, envelope hash) and opens the vectors'
 * envelope and key file.
 */
@IntegrationTest
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealingVectorsBrowserTests {

    private final int port;
    private Browser browser;
    private Page page;
    private String vectors;

    SealingVectorsBrowserTests(@Value("${local.server.port}") int port) {
        this.port = port;
    }

    @BeforeAll
    void openBrowser() throws IOException {
        try (InputStream in = SealingVectorsBrowserTests.class.getResourceAsStream("/sealing/vectors-v1.json")) {
            assertThat(in).as("src/test/resources/sealing/vectors-v1.json").isNotNull();
            vectors = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser = new Browser(port);
        page = browser.newPage();
        page.navigate("/rules");
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    /**
     * Runs checks in the page: the script calls {@code check(name, expected, actual)} for each value; every check must
     * have its expected value, and all of them must have run.
     */
    @SuppressWarnings("unchecked")
    private void check(int expectedChecks, String body) {
        Map<String, Object> result = (Map<String, Object>) page.evaluate(
                "async (vectorsJson) => {\n" + SealingBrowserTests.PRELUDE + """
                        const v = JSON.parse(vectorsJson);
                        const checks = [];
                        const check = (name, expected, actual) => checks.push({ name, expected, actual });
                        /** A random source that gives the vectors' values, in order, each of the length asked. */
                        const queue = (...hexValues) => (n) => {
                          if (hexValues.length === 0) throw new Error('no random value left for ' + n + ' bytes');
                          const next = s.fromHex(hexValues.shift());
                          if (next.length !== n) throw new Error('random value of ' + next.length + ' bytes, not ' + n);
                          return next;
                        };
                        const b64hex = (text) => hex(s.fromBase64(text));
                        """ + body + "\nreturn { checks };\n}",
                vectors);
        List<Map<String, Object>> checks = (List<Map<String, Object>>) result.get("checks");
        assertThat(checks).hasSize(expectedChecks);
        for (Map<String, Object> c : checks) {
            assertThat(c.get("actual")).as((String) c.get("name")).isEqualTo(c.get("expected"));
        }
    }

    @Test
    void canonicalJsonHkdfAndShamir() {
        check(2 * 4 + 2 + 1 + 10 + 1 + 1 + 3, """
                v.canonicalJson.cases.forEach((c, i) => {
                  check('canonical JSON case ' + i, c.canonical, s.canonicalJson(c.value));
                  check('canonical JSON case ' + i + ' reads back', c.canonical,
                    s.canonicalJson(s.parseCanonicalJson(c.canonical)));
                });
                const h = v.hkdf;
                check('HKDF okm', h.okm, hex(await s.hkdfSha256(s.fromHex(h.ikm), s.fromHex(h.salt), s.fromHex(h.info),
                  h.length)));
                // PRK = HMAC-SHA256(salt, ikm): WebCrypto's HKDF does not show it, HMAC does
                const prkKey = await crypto.subtle.importKey('raw', s.fromHex(h.salt), { name: 'HMAC', hash: 'SHA-256' },
                  false, ['sign']);
                check('HKDF prk', h.prk, hex(new Uint8Array(await crypto.subtle.sign('HMAC', prkKey, s.fromHex(h.ikm)))));

                const sh = v.shamir;
                const shares = s.shamirSplit(s.fromHex(sh.secret), sh.shareCount, sh.threshold, queue(sh.coefficients));
                check('Shamir shares', sh.shares, shares.map(hex));
                const given = sh.shares.map((x) => s.fromHex(x));
                for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) for (let c = b + 1; c < 5; c++) {
                  check('Shamir join ' + [a + 1, b + 1, c + 1], sh.secret,
                    hex(s.shamirJoin([given[c], given[a], given[b]], sh.threshold)));
                }
                check('Shamir join of all 5', sh.secret, hex(s.shamirJoin(given, sh.threshold)));
                check('Shamir refuses 2 of 3', 'SealingError: Shamir: 3 shares are needed to rebuild the secret, only 2'
                  + ' given', await error(() => s.shamirJoin(given.slice(0, 2), sh.threshold)));
                sh.multiplicationExamples.forEach(([a, b, product]) => check('GF(2^8) ' + a + '·' + b, product,
                  hex(new Uint8Array([s.gfMul(parseInt(a, 16), parseInt(b, 16))]))));
                """);
    }

    @Test
    void theKeyFileOpensAndIsReproducedByteForByte() {
        check(8, """
                const k = v.keyFile;
                const opened = await s.openKeyFile(k.fileJson, k.passphrase);
                check('key file fingerprint', k.fingerprint, opened.fingerprint);
                check('key file public key', k.publicKey, s.toBase64(opened.point));
                check('key file opens with the NFD passphrase', k.fingerprint,
                  (await s.openKeyFile(k.file, k.passphraseNfd)).fingerprint);
                check('NFD passphrase differs from NFC', true, k.passphrase !== k.passphraseNfd);
                check('key file refuses the wrong passphrase', true,
                  (await error(() => s.openKeyFile(k.fileJson, k.wrongPassphrase))).startsWith(
                    'SealingError: wrong passphrase for the key file '));
                // the wrapping key, by WebCrypto's PBKDF2 (the module keeps it non-extractable)
                const material = await crypto.subtle.importKey('raw',
                  new TextEncoder().encode(k.passphraseNfd.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
                check('key file wrapping key', k.wrappingKey, hex(new Uint8Array(await crypto.subtle.deriveBits(
                  { name: 'PBKDF2', hash: 'SHA-256', salt: s.fromBase64(k.file.kdf.salt), iterations: k.file.kdf.iterations },
                  material, 256))));
                // Chromium's own PKCS#8 of the key is the vectors' (the 138-byte form)
                const extractable = await s.openKeyFile(k.fileJson, k.passphrase, { extractable: true });
                check('PKCS#8 as WebCrypto exports it', k.privateKeyPkcs8, s.toBase64(new Uint8Array(
                  await crypto.subtle.exportKey('pkcs8', extractable.privateKey))));
                const key = await s.importPrivateKey(k.privateKeyPkcs8, k.publicKey, { extractable: true });
                const remade = await s.createKeyFile(key, k.passphraseNfd, { iterations: k.file.kdf.iterations,
                  random: queue(b64hex(k.file.kdf.salt), b64hex(k.file.nonce)) });
                check('key file made again', k.fileJson, remade);
                """);
    }

    @Test
    void theProofOfPossessionIsReproduced() {
        check(5, """
                const p = v.proofOfPossession;
                const member = await s.importPrivateKey(p.memberPrivateKeyPkcs8, p.memberPublicKey);
                const server = await s.importPrivateKey(p.serverPrivateKeyPkcs8, p.serverPublicKey);
                check('member public key', p.memberPublicKey, s.toBase64(member.point));
                check('server public key', p.serverPublicKey, s.toBase64(server.point));
                check('shared secret', p.sharedSecret, hex(new Uint8Array(await crypto.subtle.deriveBits(
                  { name: 'ECDH', public: server.publicKey }, member.privateKey, 256))));
                check('enrolment key', p.key, hex(await s.hkdfSha256(s.fromHex(p.sharedSecret),
                  new Uint8Array([...server.point, ...member.point]), 'baobab key enrolment v1', 32)));
                check('answer', p.answer, await s.answerProofOfPossession(member, p.memberPublicKey, p.serverPublicKey,
                  p.challenge));
                """);
    }

    @Test
    void theEnvelopeIsSealedAgainByteForByteAndOpens() {
        check(2 + 3 * 3 + 2 + 8 + 3 * 5 + 3 + 3 * 3 + 1 + 3 * 3 + 1, """
                const e = v.envelope;
                check('context JSON', e.contextJson, s.canonicalJson(s.checkContext(e.context)));
                check('context hash', e.contextHash, hex(await s.contextHash(e.context)));
                const contentOf = (part) => {
                  const header = JSON.parse(part.header);
                  if (part.content.utf8 !== undefined) return new TextEncoder().encode(part.content.utf8);
                  if (part.content.rule !== 'byte i (counting from 0) of the content is i mod 251') {
                    throw new Error('unknown content rule ' + part.content.rule);
                  }
                  return Uint8Array.from({ length: header.size }, (_, i) => i % 251);
                };
                const contents = e.parts.map(contentOf);
                const headers = e.parts.map((p) => JSON.parse(p.header));
                e.parts.forEach((p, i) => {
                  check('part ' + i + ' header', p.header, s.canonicalJson(headers[i]));
                  check('part ' + i + ' header length', p.headerLength, s.canonicalJsonBytes(headers[i]).length);
                  check('part ' + i + ' size', headers[i].size, contents[i].length);
                });
                const stream = [];
                e.parts.forEach((p, i) => {
                  const h = s.canonicalJsonBytes(headers[i]);
                  stream.push(new Uint8Array([h.length >>> 24, (h.length >>> 16) & 255, (h.length >>> 8) & 255, h.length & 255]),
                    h, contents[i]);
                });
                const plaintext = new Uint8Array(await new Blob(stream).arrayBuffer());
                check('plaintext size', e.plaintextSize, plaintext.length);
                check('plaintext SHA-256', e.plaintextSha256, await digest(plaintext));

                // seal again with the vectors' randomness
                const committee = e.committee.map((m) => ({ point: m.publicKey, fingerprint: m.fingerprint }));
                const random = queue(e.random.dataKey, e.random.noncePrefix, e.random.shamirCoefficients,
                  ...e.shares.map((x) => x.nonce));
                const ephemeralKey = (j) => s.importPrivateKey(e.shares[j - 1].ephemeralPrivateKeyPkcs8,
                  e.shares[j - 1].ephemeralPublicKey);
                const files = e.parts.slice(1).map((p, i) => new File([contents[i + 1]], headers[i + 1].name,
                  { type: headers[i + 1].type }));
                const sealed = await sealAll({ context: e.context, committee, threshold: e.threshold,
                  bidForm: e.parts[0].content.utf8, files, random, ephemeralKey });
                const ciphertext = new Uint8Array(await new Blob(sealed.chunks).arrayBuffer());
                check('chunks', e.chunks.map((c) => [c.index, c.ciphertextLength, c.index === e.chunks.length - 1]),
                  sealed.flags.map(([i, last]) => [i, sealed.chunks[i].length, last]));
                check('ciphertext size', e.ciphertextSize, ciphertext.length);
                check('ciphertext SHA-256', e.ciphertextSha256, await digest(ciphertext));
                check('ciphertext', e.ciphertext, s.toBase64(ciphertext));
                check('manifest', e.manifestJson, sealed.manifestJson);
                check('manifest object', e.manifestJson, s.canonicalJson(e.manifest));
                check('envelope hash', e.envelopeHash, sealed.envelopeHash);
                check('envelope hash of the vectors manifest', e.envelopeHash, await s.envelopeHash(e.manifestJson));

                // the format's intermediate values, recomputed from their definitions
                for (const x of e.shares) {
                  const member = e.committee[x.member - 1];
                  const eph = await ephemeralKey(x.member);
                  const z = new Uint8Array(await crypto.subtle.deriveBits(
                    { name: 'ECDH', public: await s.importPoint(member.publicKey) }, eph.privateKey, 256));
                  check('share ' + x.member + ' shared secret', x.sharedSecret, hex(z));
                  check('share ' + x.member + ' HKDF salt', x.hkdfSalt,
                    hex(new Uint8Array([...s.fromBase64(x.ephemeralPublicKey), ...s.fromBase64(member.publicKey)])));
                  check('share ' + x.member + ' HKDF info', x.hkdfInfo,
                    hex(new TextEncoder().encode('baobab sealed bid v1 share')) + e.contextHash);
                  check('share ' + x.member + ' KEK', x.kek, hex(await s.hkdfSha256(z, s.fromHex(x.hkdfSalt),
                    s.fromHex(x.hkdfInfo), 32)));
                  check('share ' + x.member + ' aad', x.aadJson, s.canonicalJson({ context: e.context, member: x.member }));
                }

                // open the vectors' envelope (not the one sealed again) with each member's key
                const keys = [];
                for (const m of e.committee) {
                  const key = await s.importPrivateKey(m.privateKeyPkcs8, m.publicKey);
                  check('member ' + m.member + ' fingerprint', m.fingerprint, key.fingerprint);
                  keys.push(key);
                }
                const shares = [];
                for (const x of e.shares) {
                  const share = await s.decryptShare(e.manifestJson, x.member, keys[x.member - 1]);
                  check('member ' + x.member + ' share', x.share, hex(share));
                  check('member ' + x.member + ' released key', x.kek,
                    hex(await s.releaseShareKey(e.manifestJson, x.member, keys[x.member - 1])));
                  check('member ' + x.member + ' share from its released key', x.share,
                    hex(await s.openReleasedShare(e.manifestJson, x.member, s.fromHex(x.kek))));
                  shares.push(share);
                }
                check('data key from the shares', e.random.dataKey, hex(s.shamirJoin(shares, 2)));
                const vectorCiphertext = s.fromBase64(e.ciphertext);
                for (const pair of [[0, 1], [0, 2], [2, 1]]) {
                  const opened = await openAll(e.manifestJson, pair.map((i) => shares[i]), [vectorCiphertext],
                    { context: e.context });
                  check('opened with members ' + pair.map((i) => i + 1) + ': headers', e.parts.map((p) => p.header),
                    opened.headers.map((h) => s.canonicalJson(h)));
                  check('opened with members ' + pair.map((i) => i + 1) + ': contents',
                    await Promise.all(contents.map(digest)), opened.contents.map((c) => c.sha256));
                  check('opened with members ' + pair.map((i) => i + 1) + ': bid form', e.parts[0].content.utf8,
                    s.canonicalJson(opened.bidForm));
                }
                check('one share does not open it', 'SealingError: 2 shares are needed to open the envelope, only 1 given',
                  await error(() => s.open(e.manifestJson, [shares[0]], [vectorCiphertext])));
                """);
    }
}
