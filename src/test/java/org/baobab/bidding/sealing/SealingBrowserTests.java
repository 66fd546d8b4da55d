// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.baobab.Browser;
import org.baobab.BrowserTest;
import org.baobab.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;

/**
 * The browser implementation of the sealed-bid format ({@code static/js/sealing.js}, docs/sealing-format.md) run in
 * Chromium: each test imports the module on a public page and returns its results to Java as JSON values.
 */
@IntegrationTest
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealingBrowserTests {

    private static final Logger log = LoggerFactory.getLogger(SealingBrowserTests.class);

    /** Helpers every script has: the module as {@code s}, and small tools to build inputs and catch errors. */
    static final String PRELUDE = """
            const s = await import('/js/sealing.js');
            const hex = s.toHex;
            const randomBytes = (n) => {
              const out = new Uint8Array(n);
              for (let o = 0; o < n; o += 65536) crypto.getRandomValues(out.subarray(o, Math.min(n, o + 65536)));
              return out;
            };
            const digest = async (bytes) => hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
            const error = async (f) => {
              try { await f(); return 'no error'; } catch (e) { return e.name + ': ' + e.message; }
            };
            const sealAll = async (request) => {
              const chunks = [];
              const result = await s.seal(request, async (c, i, last) => { chunks.push({ c, i, last }); });
              return { ...result, chunks: chunks.map((x) => x.c), flags: chunks.map((x) => [x.i, x.last]) };
            };
            const openAll = async (manifest, shares, chunks, options) => {
              const parts = [];
              const result = await s.open(manifest, shares, chunks, (header, index) => {
                const part = { header, index, pieces: [] };
                parts.push(part);
                return { write: (b) => { part.pieces.push(b.slice()); }, close: () => { part.closed = true; } };
              }, options);
              const contents = [];
              for (const p of parts) {
                contents.push({ ...p.header, closed: !!p.closed,
                  sha256: await digest(new Uint8Array(await new Blob(p.pieces).arrayBuffer())) });
              }
              return { ...result, contents };
            };
            const committeeOf = async (n) => {
              const keys = [];
              for (let i = 0; i < n; i++) keys.push(await s.generateCommitteeKey());
              return { keys, committee: keys.map((k) => ({ point: k.point, fingerprint: k.fingerprint })) };
            };
            const context = { envelope: '0e4b7f0a-3c1d-4a59-9b2e-6f8d2c1a7e55', kind: 'single', lots: ['2', '10'],
              ocid: 'ocds-baobab-SN-2026-00042' };
            """;

    private final int port;
    private Browser browser;
    private Page page;

    SealingBrowserTests(@Value("${local.server.port}") int port) {
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

    /** Runs the body of an async function in the page, with the prelude's helpers and {@code arg}. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> run(String body) {
        return (Map<String, Object>) page.evaluate("async (arg) => {\n" + PRELUDE + body + "\n}");
    }

    @Test
    void sha256MatchesTheFipsExamplesAndWebCrypto() {
        Map<String, Object> result = run("""
                const text = (t) => new TextEncoder().encode(t);
                const ours = (bytes, step) => {
                  const h = new s.Sha256();
                  for (let o = 0; o < bytes.length; o += step) h.update(bytes.subarray(o, o + step));
                  return hex(h.digest());
                };
                const million = new Uint8Array(1000000).fill(0x61);
                const mismatches = [];
                for (const length of [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000, 65552, 200003]) {
                  const bytes = randomBytes(length);
                  const expected = await digest(bytes);
                  for (const step of [1, 7, 64, 65, 1000, 1 << 20]) {
                    if (length > 20000 && step < 64) continue;
                    if (ours(bytes, Math.max(step, 1)) !== expected) mismatches.push(length + '/' + step);
                  }
                }
                return {
                  abc: ours(text('abc'), 1),
                  empty: ours(new Uint8Array(0), 1),
                  twoBlocks: ours(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), 5),
                  long: ours(text('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq'
                      + 'klmnopqrlmnopqrsmnopqrstnopqrstu'), 64),
                  million: ours(million, 4096),
                  oneShot: hex(await s.sha256(text('abc'))),
                  afterDigest: await error(() => { const h = new s.Sha256(); h.digest(); h.update(text('a')); }),
                  mismatches,
                };
                """);
        assertThat(result)
                .containsEntry("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                .containsEntry("empty", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
                .containsEntry("twoBlocks", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
                .containsEntry("long", "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
                .containsEntry("million", "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
                .containsEntry("oneShot", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                .containsEntry("afterDigest", "SealingError: SHA-256: update after digest")
                .containsEntry("mismatches", List.of());
    }

    @Test
    void canonicalJsonIsWrittenAsTheFormatSaysAndNothingElseIsRead() {
        Map<String, Object> result = run("""
                const written = s.canonicalJson({ b: '\\u2028é\\u007f\\u0001\\n"\\\\\\t\\b\\f\\r/', a: [1, -2, 0, null,
                  true, false, { '': {}, 'é': [], '\\ud83d\\ude00': 'x', '\\ue000': 'y', 'Z': 9007199254740991 }], '10': 1,
                  '2': 2 });
                const refused = {};
                for (const text of ['{"a":1, "b":2}', '{"b":1,"a":2}', '{"a":1,"a":1}', '{"a":1.0}', '{"a":1e2}',
                    '{"a":"\\\\u00e9"}', '{"a":"\\\\/"}', '{"a":"\\\\u001F"}', '{"a":"\\\\ud800"}', '{"a":-0}',
                    '{"a":9007199254740992}', '{"a":01}', '\\ufeff{"a":1}', '{"a":1}\\n', ' {"a":1}', '{"a":"\\u0001"}',
                    '{"a":"\\\\n"}',
                    '{"\\ud83d\\ude00":1,"\\ue000":2}']) {
                  refused[text] = await error(() => s.parseCanonicalJson(new TextEncoder().encode(text), 'the input'));
                }
                const accepted = [];
                for (const text of ['{"a":1,"b":[true,false,null,"x"]}', '{"10":1,"2":2}', '{"a":"\\\\u001f\\\\u000a"}',
                    '{"a":-9007199254740991}', '[]', '"\\u2028"']) {
                  accepted.push(JSON.stringify(s.parseCanonicalJson(text)));
                }
                return {
                  written,
                  refused,
                  accepted,
                  malformedUtf8: await error(() => s.parseCanonicalJson(new Uint8Array([0x22, 0xc3, 0x22]))),
                  loneSurrogate: await error(() => s.canonicalJson({ a: '\\ud800' })),
                  fraction: await error(() => s.canonicalJson({ a: 1.5 })),
                  tooLarge: await error(() => s.canonicalJson({ a: 2 ** 53 })),
                  undefinedValue: await error(() => s.canonicalJson({ a: undefined })),
                  date: await error(() => s.canonicalJson({ a: new Date() })),
                };
                """);
        assertThat(result.get("written"))
                .isEqualTo("{\"10\":1,\"2\":2,\"a\":[1,-2,0,null,true,false,{\"\":{},\"Z\":9007199254740991,"
                        + "\"é\":[],\"\uE000\":\"y\",\"\uD83D\uDE00\":\"x\"}],"
                        + "\"b\":\"\u2028é\u007f\\u0001\\u000a\\\"\\\\\\u0009\\u0008\\u000c\\u000d/\"}");
        @SuppressWarnings("unchecked")
        Map<String, Object> refused = (Map<String, Object>) result.get("refused");
        assertThat(refused).hasSize(18);
        assertThat(refused.values())
                .allSatisfy(message -> assertThat((String) message).startsWith("SealingError: the input is not"));
        assertThat(result.get("accepted")).isInstanceOf(List.class);
        assertThat((List<?>) result.get("accepted")).hasSize(6);
        assertThat((String) result.get("malformedUtf8")).contains("is not valid UTF-8");
        assertThat((String) result.get("loneSurrogate")).contains("lone surrogate");
        assertThat((String) result.get("fraction")).contains("is not an integer");
        assertThat((String) result.get("tooLarge")).contains("is not an integer");
        assertThat((String) result.get("undefinedValue")).contains("cannot write undefined");
        assertThat((String) result.get("date")).contains("cannot write object");
    }

    @Test
    void shamirRebuildsFromAnyKOfNAndNotFromFewer() {
        Map<String, Object> result = run("""
                // FIPS-197 section 4.2: {57} • {83} = {c1}, {57} • {13} = {fe}
                const products = [s.gfMul(0x57, 0x83), s.gfMul(0x57, 0x13)];
                let inversesOk = s.gfInverse(0) === 0;
                for (let a = 1; a < 256; a++) inversesOk = inversesOk && s.gfMul(a, s.gfInverse(a)) === 1;
                const secret = randomBytes(32);
                const n = 5, k = 3;
                const shares = s.shamirSplit(secret, n, k);
                const subsets = (size, from = 0, prefix = []) => size === 0 ? [prefix]
                  : [...Array(n - from).keys()].flatMap((i) => subsets(size - 1, from + i + 1, [...prefix, from + i]));
                const rebuilt = [], fewer = [];
                for (const size of [3, 4, 5]) {
                  for (const subset of subsets(size)) {
                    // any order
                    const chosen = subset.map((i) => shares[i]).reverse();
                    rebuilt.push(hex(s.shamirJoin(chosen, k)) === hex(secret));
                  }
                }
                for (const subset of subsets(2)) {
                  fewer.push({
                    refused: await error(() => s.shamirJoin(subset.map((i) => shares[i]), k)),
                    interpolatedAnyway: hex(s.shamirJoin(subset.map((i) => shares[i]))) === hex(secret),
                  });
                }
                const altered = shares.map((x) => x.slice());
                altered[4][7] ^= 1;
                const two = s.shamirSplit(secret, 2, 2);
                const max = s.shamirSplit(secret, 255, 2);
                return {
                  products,
                  inversesOk,
                  shapes: shares.map((x) => [x.length, x[0]]),
                  rebuilt,
                  fewer,
                  inconsistent: await error(() => s.shamirJoin(altered, k)),
                  twoOfTwo: hex(s.shamirJoin(two, 2)) === hex(secret),
                  maxShares: hex(s.shamirJoin([max[254], max[0]], 2)) === hex(secret),
                  tooMany: await error(() => s.shamirSplit(secret, 256, 2)),
                  thresholdOne: await error(() => s.shamirSplit(secret, 3, 1)),
                  sameX: await error(() => s.shamirJoin([shares[0], shares[0], shares[1]], 3)),
                };
                """);
        assertThat(result.get("products")).isEqualTo(List.of(0xc1, 0xfe));
        assertThat(result).containsEntry("inversesOk", true);
        assertThat(result.get("shapes"))
                .isEqualTo(List.of(List.of(33, 1), List.of(33, 2), List.of(33, 3), List.of(33, 4), List.of(33, 5)));
        assertThat(result.get("rebuilt")).isEqualTo(Collections.nCopies(10 + 5 + 1, true));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fewer = (List<Map<String, Object>>) result.get("fewer");
        assertThat(fewer).hasSize(10).allSatisfy(attempt -> {
            assertThat(attempt)
                    .containsEntry(
                            "refused", "SealingError: Shamir: 3 shares are needed to rebuild the secret, only 2 given");
            assertThat(attempt).containsEntry("interpolatedAnyway", false);
        });
        assertThat((String) result.get("inconsistent")).contains("the shares are inconsistent: share x=5");
        assertThat(result).containsEntry("twoOfTwo", true).containsEntry("maxShares", true);
        assertThat((String) result.get("tooMany")).contains("at most 255 shares");
        assertThat((String) result.get("thresholdOne")).contains("at least 2");
        assertThat((String) result.get("sameX")).contains("two shares have the same x = 1");
    }

    @Test
    void aKeyFileOpensWithItsPassphraseInAnyUnicodeFormAndNotWithAnother() {
        Map<String, Object> result = run("""
                const key = await s.generateCommitteeKey();
                const composed = 'Baobab été 2026';
                const decomposed = composed.normalize('NFD');
                const file = await s.createKeyFile(key, composed, { iterations: 1000 });
                const parsed = JSON.parse(file);
                const opened = await s.openKeyFile(file, decomposed);
                // the members may come in any order, with white space
                const reordered = JSON.stringify({ publicKey: parsed.publicKey, kdf: parsed.kdf, nonce: parsed.nonce,
                  ciphertext: parsed.ciphertext, fingerprint: parsed.fingerprint, format: parsed.format }, null, 2);
                const again = await s.openKeyFile(reordered, composed);
                // both open keys agree with the original private key
                const other = await s.generateCommitteeKey();
                const peer = await s.importPoint(other.point);
                const z = async (k) => hex(new Uint8Array(await crypto.subtle.deriveBits(
                  { name: 'ECDH', public: peer }, k.privateKey, 256)));
                const swapped = { ...parsed, publicKey: s.toBase64(other.point), fingerprint: other.fingerprint };
                const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', key.privateKey));
                const t0 = performance.now();
                const strong = JSON.parse(await s.createKeyFile(key, composed));
                const strongOpened = await s.openKeyFile(strong, composed);
                const seconds = (performance.now() - t0) / 1000;
                return {
                  file,
                  canonical: s.isCanonicalJson(file),
                  members: Object.keys(parsed),
                  iterations: parsed.kdf.iterations,
                  saltLength: s.fromBase64(parsed.kdf.salt).length,
                  nonceLength: s.fromBase64(parsed.nonce).length,
                  wrappedLength: s.fromBase64(parsed.ciphertext).length,
                  pkcs8Length: pkcs8.length,
                  fingerprint: parsed.fingerprint === key.fingerprint && opened.fingerprint === key.fingerprint,
                  sameSecret: (await z(opened)) === (await z(key)) && (await z(again)) === (await z(key)),
                  extractable: opened.privateKey.extractable,
                  wrongPassphrase: await error(() => s.openKeyFile(file, 'Baobab ete 2026')),
                  emptyPassphrase: await error(() => s.openKeyFile(file, '')),
                  alteredFingerprint: await error(() => s.openKeyFile({ ...parsed, fingerprint: other.fingerprint },
                    composed)),
                  otherPublicKey: await error(() => s.openKeyFile(swapped, composed)),
                  notAKeyFile: await error(() => s.openKeyFile({ ...parsed, format: 'BKF2' }, composed)),
                  extraMember: await error(() => s.openKeyFile({ ...parsed, note: 'x' }, composed)),
                  strongIterations: strong.kdf.iterations,
                  strongOpened: strongOpened.fingerprint === key.fingerprint,
                  seconds,
                };
                """);
        log.info("A 600,000-iteration key file was made and opened in Chromium in {} s", result.get("seconds"));
        assertThat(result)
                .containsEntry("canonical", true)
                .containsEntry("iterations", 1000)
                .containsEntry("saltLength", 16)
                .containsEntry("nonceLength", 12)
                .containsEntry("wrappedLength", 138 + 16)
                .containsEntry("pkcs8Length", 138)
                .containsEntry("fingerprint", true)
                .containsEntry("sameSecret", true)
                .containsEntry("extractable", false)
                .containsEntry("strongIterations", 600_000)
                .containsEntry("strongOpened", true);
        assertThat(result.get("members"))
                .isEqualTo(List.of("ciphertext", "fingerprint", "format", "kdf", "nonce", "publicKey"));
        assertThat((String) result.get("wrongPassphrase"))
                .startsWith("SealingError: wrong passphrase for the key file ")
                .endsWith("(or the file was altered)");
        assertThat((String) result.get("emptyPassphrase")).isEqualTo("SealingError: the passphrase is empty");
        assertThat((String) result.get("alteredFingerprint"))
                .isEqualTo("SealingError: key file: the fingerprint is not the public key's");
        assertThat((String) result.get("otherPublicKey")).contains("wrong passphrase");
        assertThat((String) result.get("notAKeyFile")).contains("this is not a BKF1 key file");
        assertThat((String) result.get("extraMember")).contains("the key file has unexpected \"note\"");
    }

    @Test
    void aPrivateKeyIsReadFromAnyPkcs8FormAndMustBeThePublicKeysOwn() {
        Map<String, Object> result = run("""
                const key = await s.generateCommitteeKey();
                const other = await s.generateCommitteeKey();
                const exported = new Uint8Array(await crypto.subtle.exportKey('pkcs8', key.privateKey));
                // RFC 5915 ECPrivateKey inside PKCS#8, with or without the optional [0] parameters and [1] public key
                const algorithm = exported.subarray(6, 27);
                const scalar = exported.subarray(36, 68);
                const point = exported.subarray(73, 138);
                const der = (tag, ...parts) => {
                  const body = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
                  let o = 0;
                  for (const x of parts) { body.set(x, o); o += x.length; }
                  return new Uint8Array([tag, ...(body.length < 128 ? [body.length] : [0x81, body.length]), ...body]);
                };
                const pkcs8 = (...optional) => der(0x30, new Uint8Array([2, 1, 0]), algorithm,
                  der(0x04, der(0x30, new Uint8Array([2, 1, 1]), der(0x04, scalar), ...optional)));
                const parameters = new Uint8Array([0xa0, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]);
                const publicKey = der(0xa1, der(0x03, new Uint8Array([0]), point));
                const forms = { webCrypto: pkcs8(publicKey), withoutPublicKey: pkcs8(),
                  withParameters: pkcs8(parameters, publicKey), withParametersOnly: pkcs8(parameters) };
                const read = {};
                for (const [name, bytes] of Object.entries(forms)) {
                  read[name] = [bytes.length, await error(async () => {
                    const k = await s.importPrivateKey(bytes, key.point);
                    if (k.fingerprint !== key.fingerprint) throw new Error('another key');
                  })];
                }
                return {
                  sameAsExported: hex(forms.webCrypto) === hex(exported),
                  read,
                  notItsPublicKey: await error(() => s.importPrivateKey(exported, other.point)),
                  notPkcs8: await error(() => s.importPrivateKey(new Uint8Array(10), key.point)),
                };
                """);
        assertThat(result).containsEntry("sameAsExported", true);
        assertThat(result.get("read"))
                .isEqualTo(Map.of(
                        "webCrypto", List.of(138, "no error"),
                        "withoutPublicKey", List.of(67, "no error"),
                        "withParameters", List.of(150, "no error"),
                        "withParametersOnly", List.of(79, "no error")));
        assertThat((String) result.get("notItsPublicKey"))
                .startsWith("SealingError: the private key is not the private half of the public key ");
        assertThat(result).containsEntry("notPkcs8", "SealingError: the private key is not a PKCS#8 P-256 key");
    }

    @Test
    void aSealedEnvelopeOpensWithAnyThresholdOfSharesAndGivesBackEveryPart() {
        Map<String, Object> result = run("""
                const { keys, committee } = await committeeOf(4);
                const contents = [new Uint8Array(0), randomBytes(1), randomBytes(65536), randomBytes(150000)];
                const files = [
                  new File([contents[0]], 'vide.txt', { type: 'text/plain' }),
                  new File([contents[1]], 'un octet.bin'),
                  new File([contents[2]], 'offre technique.pdf', { type: 'application/pdf' }),
                  new File([contents[3]], 'سعر.xlsx',
                    { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
                ];
                const bidForm = { lots: { '10': { price: 1250000 }, '2': { price: 99 } }, declarations: { honour: true },
                  currency: 'XOF' };
                const sealed = await sealAll({ context, committee, threshold: 3, bidForm, files });
                const all = new Uint8Array(await new Blob(sealed.chunks).arrayBuffer());
                const manifest = JSON.parse(sealed.manifestJson);
                const shares = [];
                for (let j = 1; j <= 4; j++) shares.push(await s.decryptShare(sealed.manifestJson, j, keys[j - 1]));
                const opened = await openAll(sealed.manifestJson, [shares[3], shares[0], shares[2]], sealed.chunks,
                  { context: { ...context, format: 'BSE1' } });
                // the ciphertext may arrive in pieces of any size (a fetch body), or as a Blob
                const pieces = [];
                for (let o = 0; o < all.length; o += 1000) pieces.push(all.subarray(o, o + 1000));
                const fromPieces = await openAll(manifest, shares, pieces);
                const fromBlob = await openAll(manifest, [shares[1], shares[2], shares[3]], new Blob([all]));
                let plaintextSize = 0;
                for (const [name, size, type] of [['bid.json', s.canonicalJsonBytes(bidForm).length, 'application/json'],
                    ...files.map((f) => [f.name, f.size, f.type || 'application/octet-stream'])]) {
                  plaintextSize += 4 + s.canonicalJsonBytes({ name, size, type }).length + size;
                }
                return {
                  manifest,
                  canonicalManifest: s.isCanonicalJson(sealed.manifestJson),
                  envelopeHash: sealed.envelopeHash === await digest(new TextEncoder().encode(sealed.manifestJson))
                    && sealed.envelopeHash === await s.envelopeHash(manifest),
                  ciphertextSha256: manifest.ciphertextSha256 === await digest(all),
                  ciphertextSize: all.length,
                  plaintextSize,
                  chunkLengths: sealed.chunks.map((c) => c.length),
                  flags: sealed.flags,
                  shareLengths: manifest.shares.map((x) => [x.member, s.fromBase64(x.ciphertext).length,
                    s.fromBase64(x.ephemeralPublicKey).length, s.fromBase64(x.nonce).length]),
                  fingerprints: manifest.shares.map((x, i) => x.fingerprint === keys[i].fingerprint),
                  shares: shares.map((x) => [x.length, x[0]]),
                  bidForm: opened.bidForm,
                  headers: opened.headers,
                  contents: opened.contents,
                  expected: [await digest(s.canonicalJsonBytes(bidForm)), ...await Promise.all(contents.map(digest))],
                  sameFromPieces: JSON.stringify(fromPieces.contents) === JSON.stringify(opened.contents),
                  sameFromBlob: JSON.stringify(fromBlob.contents) === JSON.stringify(opened.contents),
                  openedHash: opened.envelopeHash === sealed.envelopeHash,
                };
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = (Map<String, Object>) result.get("manifest");
        assertThat(manifest)
                .containsEntry("format", "BSE1")
                .containsEntry("chunkSize", 65536)
                .containsEntry("threshold", 3)
                .containsEntry(
                        "context",
                        Map.of(
                                "envelope", "0e4b7f0a-3c1d-4a59-9b2e-6f8d2c1a7e55",
                                "format", "BSE1",
                                "kind", "single",
                                "lots", List.of("10", "2"),
                                "ocid", "ocds-baobab-SN-2026-00042"));
        int plaintextSize = (Integer) result.get("plaintextSize");
        int chunks = (plaintextSize + 65535) / 65536;
        assertThat(chunks).isEqualTo(4);
        assertThat(result.get("ciphertextSize")).isEqualTo(plaintextSize + 16 * chunks);
        assertThat(manifest.get("ciphertextSize")).isEqualTo(plaintextSize + 16 * chunks);
        assertThat(result.get("chunkLengths")).isEqualTo(List.of(65552, 65552, 65552, plaintextSize - 3 * 65536 + 16));
        assertThat(result.get("flags"))
                .isEqualTo(List.of(List.of(0, false), List.of(1, false), List.of(2, false), List.of(3, true)));
        assertThat(result)
                .containsEntry("canonicalManifest", true)
                .containsEntry("envelopeHash", true)
                .containsEntry("ciphertextSha256", true)
                .containsEntry("sameFromPieces", true)
                .containsEntry("sameFromBlob", true)
                .containsEntry("openedHash", true);
        assertThat(result.get("shareLengths"))
                .isEqualTo(List.of(
                        List.of(1, 49, 65, 12),
                        List.of(2, 49, 65, 12),
                        List.of(3, 49, 65, 12),
                        List.of(4, 49, 65, 12)));
        assertThat(result.get("fingerprints")).isEqualTo(List.of(true, true, true, true));
        assertThat(result.get("shares"))
                .isEqualTo(List.of(List.of(33, 1), List.of(33, 2), List.of(33, 3), List.of(33, 4)));
        assertThat(result.get("bidForm"))
                .isEqualTo(Map.of(
                        "currency",
                        "XOF",
                        "declarations",
                        Map.of("honour", true),
                        "lots",
                        Map.of("10", Map.of("price", 1250000), "2", Map.of("price", 99))));
        assertThat(result.get("headers"))
                .isEqualTo(List.of(
                        Map.of("name", "bid.json", "size", 98, "type", "application/json"),
                        Map.of("name", "vide.txt", "size", 0, "type", "text/plain"),
                        Map.of("name", "un octet.bin", "size", 1, "type", "application/octet-stream"),
                        Map.of("name", "offre technique.pdf", "size", 65536, "type", "application/pdf"),
                        Map.of(
                                "name",
                                "سعر.xlsx",
                                "size",
                                150000,
                                "type",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> contents = (List<Map<String, Object>>) result.get("contents");
        assertThat(contents.stream().map(c -> c.get("sha256")).toList()).isEqualTo(result.get("expected"));
        assertThat(contents).allSatisfy(c -> assertThat(c).containsEntry("closed", true));
    }

    @Test
    void aStreamThatIsAWholeNumberOfChunksEndsWithAFullFinalChunk() {
        Map<String, Object> result = run("""
                const { keys, committee } = await committeeOf(2);
                const bidForm = { price: 1 };
                const overhead = 4 + s.canonicalJsonBytes({ name: 'bid.json', size: 11, type: 'application/json' }).length
                  + 11 + 4 + s.canonicalJsonBytes({ name: 'f.bin', size: 100000, type: 'application/octet-stream' }).length;
                const file = new File([randomBytes(2 * 65536 - overhead)], 'f.bin');
                const sealed = await sealAll({ context, committee, threshold: 2, bidForm, files: [file] });
                const shares = [await s.decryptShare(sealed.manifest, 1, keys[0]),
                  await s.decryptShare(sealed.manifest, 2, keys[1])];
                const opened = await openAll(sealed.manifest, shares, sealed.chunks);
                return { lengths: sealed.chunks.map((c) => c.length), flags: sealed.flags, size: sealed.manifest.ciphertextSize,
                  same: opened.contents[1].sha256 === await digest(new Uint8Array(await file.arrayBuffer())) };
                """);
        assertThat(result.get("lengths")).isEqualTo(List.of(65552, 65552));
        assertThat(result.get("flags")).isEqualTo(List.of(List.of(0, false), List.of(1, true)));
        assertThat(result).containsEntry("size", 2 * 65552).containsEntry("same", true);
    }

    @Test
    void tamperedReorderedTruncatedOrMisdirectedCiphertextAndWrongSharesFailWithTheirReason() {
        Map<String, Object> result = run("""
                const { keys, committee } = await committeeOf(3);
                const files = [new File([randomBytes(200000)], 'offre.pdf', { type: 'application/pdf' })];
                const sealed = await sealAll({ context, committee, threshold: 2, bidForm: { price: 5 }, files });
                const m = sealed.manifestJson;
                const manifest = JSON.parse(m);
                const shares = [await s.decryptShare(m, 1, keys[0]), await s.decryptShare(m, 2, keys[1])];
                const c = sealed.chunks;
                const attempt = (chunks, man = m, sh = shares, options) => error(() => s.open(man, sh, chunks, undefined,
                  options));
                const tampered = c.map((x) => x.slice());
                tampered[2][1234] ^= 0x20;
                const tamperedTag = c.map((x) => x.slice());
                tamperedTag[3][tamperedTag[3].length - 1] ^= 1;
                const tampered0 = c[0].slice();
                tampered0[3] ^= 1;
                const wrongShare = shares[1].slice();
                wrongShare[9] ^= 0x80;
                // the last chunk dropped and the manifest made to agree: only the final flag tells
                const shortened = { ...manifest, ciphertextSize: 3 * 65552 };
                // a chunk of another envelope with the same data key cannot exist; one sealed under another context is
                // what a swapped manifest context gives
                const otherContext = { ...manifest, context: { ...manifest.context, envelope:
                  '11111111-2222-4333-8444-555555555555' } };
                const otherSealed = await sealAll({ context, committee, threshold: 2, bidForm: { price: 5 }, files });
                const otherShares = [await s.decryptShare(otherSealed.manifest, 1, keys[0]),
                  await s.decryptShare(otherSealed.manifest, 3, keys[2])];
                const mixed = [c[0], otherSealed.chunks[1], c[2], c[3]];
                const extra = [...c, c[3]];
                return {
                  announced: manifest.ciphertextSize,
                  intact: await attempt(c),
                  tampered: await attempt(tampered),
                  tamperedTag: await attempt(tamperedTag),
                  reordered: await attempt([c[0], c[2], c[1], c[3]]),
                  duplicated: await attempt([c[0], c[1], c[1], c[3]]),
                  truncated: await attempt(c.slice(0, 3)),
                  cutInsideAChunk: await attempt([c[0], c[1], c[2], c[3].subarray(0, 500)]),
                  finalChunkDropped: await attempt(c.slice(0, 3), shortened),
                  longer: await attempt(extra),
                  otherEnvelopesChunk: await attempt(mixed),
                  wrongShare: await attempt(c, m, [shares[0], wrongShare]),
                  otherEnvelopesShare: await attempt(c, m, [shares[0], otherShares[1]]),
                  tooFewShares: await attempt(c, m, [shares[0]]),
                  contextChangedAfterSealing: await attempt(c, otherContext),
                  firstChunkTampered: await attempt([tampered0, c[1], c[2], c[3]]),
                  otherEnvelopesCiphertext: await attempt(otherSealed.chunks),
                  shareOfAnotherMember: await error(() => s.decryptShare(m, 2, keys[0])),
                  shareUnderAnotherContext: await error(() => s.decryptShare(otherContext, 1, keys[0])),
                  contextMismatch: await attempt(c, m, shares, { context: { ...context, kind: 'financial' } }),
                  shareContextMismatch: await error(() => s.decryptShare(m, 1, keys[0],
                    { context: { ...context, lots: ['1'] } })),
                  notCanonical: await attempt(c, JSON.stringify(manifest, null, 1)),
                  wrongHash: await attempt(c, { ...manifest, ciphertextSha256: '0'.repeat(64) }),
                  impossibleSize: await attempt(c, { ...manifest, ciphertextSize: 3 * 65552 + 16 }),
                  otherChunkSize: await attempt(c, { ...manifest, chunkSize: 1024 }),
                  unsortedLots: await attempt(c, { ...manifest, context: { ...manifest.context, lots: ['2', '10'] } }),
                  unknownMember: await attempt(c, { ...manifest, extra: 1 }),
                };
                """);
        assertThat(result).containsEntry("intact", "no error");
        assertThat(result)
                .containsEntry(
                        "tampered", "SealingError: chunk 2 of the ciphertext fails authentication: it was altered")
                .containsEntry(
                        "tamperedTag", "SealingError: chunk 3 of the ciphertext fails authentication: it was altered")
                .containsEntry(
                        "reordered",
                        "SealingError: the ciphertext's chunks are reordered: chunk 1 is the envelope's chunk 2"
                                + " (reordered, duplicated or dropped chunks)")
                .containsEntry(
                        "duplicated",
                        "SealingError: the ciphertext's chunks are reordered: chunk 2 is the envelope's chunk 1"
                                + " (reordered, duplicated or dropped chunks)")
                .containsEntry(
                        "truncated",
                        "SealingError: the ciphertext is truncated: it ended after 196656 bytes, the manifest"
                                + " announces " + result.get("announced"))
                .containsEntry(
                        "finalChunkDropped",
                        "SealingError: the ciphertext is truncated: chunk 2 is not the final chunk (the chunks"
                                + " after it were removed)")
                .containsEntry(
                        "longer",
                        "SealingError: the ciphertext is longer than the " + result.get("announced")
                                + " bytes the manifest announces")
                .containsEntry(
                        "otherEnvelopesChunk",
                        "SealingError: chunk 1 of the ciphertext fails authentication: it was altered")
                .containsEntry(
                        "wrongShare",
                        "SealingError: chunk 0 does not authenticate although the ciphertext is the one the manifest"
                                + " describes: the data key rebuilt from the shares is wrong (a wrong share), or the"
                                + " manifest's context was changed after sealing")
                .containsEntry("otherEnvelopesShare", result.get("wrongShare"))
                .containsEntry("contextChangedAfterSealing", result.get("wrongShare"))
                .containsEntry(
                        "firstChunkTampered",
                        "SealingError: chunk 0 does not authenticate and the ciphertext is not the one the manifest"
                                + " describes (its size or SHA-256 differs): it belongs to another envelope or was"
                                + " altered")
                .containsEntry("otherEnvelopesCiphertext", result.get("firstChunkTampered"))
                .containsEntry("tooFewShares", "SealingError: 2 shares are needed to open the envelope, only 1 given")
                .containsEntry(
                        "shareUnderAnotherContext",
                        "SealingError: member 1's share does not authenticate: wrong key, altered share, or a context"
                                + " other than the one it was sealed for")
                .containsEntry(
                        "wrongHash", "SealingError: the ciphertext's SHA-256 is not the one the manifest announces")
                .containsEntry(
                        "impossibleSize",
                        "SealingError: manifest: a ciphertext of 196672 bytes is impossible (its last chunk would be"
                                + " empty)")
                .containsEntry(
                        "otherChunkSize", "SealingError: manifest: the chunk size must be 65536 in BSE1, not 1024")
                .containsEntry(
                        "unsortedLots",
                        "SealingError: envelope context: the lots must be sorted (code-point order: \"10\" before \"2\")")
                .containsEntry("unknownMember", "SealingError: the manifest has unexpected \"extra\"");
        assertThat((String) result.get("cutInsideAChunk")).startsWith("SealingError: the ciphertext is truncated");
        assertThat((String) result.get("shareOfAnotherMember"))
                .startsWith("SealingError: the key ")
                .contains(" is not member 2's ");
        assertThat((String) result.get("contextMismatch"))
                .startsWith("SealingError: context mismatch: the manifest is sealed for ")
                .endsWith("\"kind\":\"financial\",\"lots\":[\"10\",\"2\"],\"ocid\":\"ocds-baobab-SN-2026-00042\"}");
        assertThat((String) result.get("shareContextMismatch")).startsWith("SealingError: context mismatch");
        assertThat((String) result.get("notCanonical")).startsWith("SealingError: the manifest is not canonical JSON");
    }

    @Test
    void sealingRefusesWhatTheFormatCannotHold() {
        Map<String, Object> result = run("""
                const { committee } = await committeeOf(3);
                const ok = { context, committee, threshold: 2, bidForm: {}, files: [] };
                const attempt = (change) => error(() => s.seal({ ...ok, ...change }, async () => {}));
                const blob = new Blob(['x']);
                return {
                  thresholdOne: await attempt({ threshold: 1 }),
                  thresholdAboveN: await attempt({ threshold: 4 }),
                  oneMember: await attempt({ committee: committee.slice(0, 1) }),
                  sameKeyTwice: await attempt({ committee: [committee[0], committee[1], committee[0]] }),
                  wrongFingerprint: await attempt({ committee: [committee[0], { ...committee[1],
                    fingerprint: committee[0].fingerprint }, committee[2]] }),
                  notAPoint: await attempt({ committee: [committee[0], { point: new Uint8Array(65).fill(4) },
                    committee[2]] }),
                  path: await attempt({ files: [new File(['x'], 'a/b.txt')] }),
                  backslash: await attempt({ files: [{ name: 'C:\\\\b.txt', type: 'text/plain', blob }] }),
                  nameless: await attempt({ files: [blob] }),
                  longName: await attempt({ files: [new File(['x'], 'n'.repeat(256))] }),
                  loneSurrogateName: await attempt({ files: [{ name: 'a\\ud800', type: '', blob }] }),
                  fractionInBidForm: await attempt({ bidForm: { price: 1.5 } }),
                  nonCanonicalBidForm: await attempt({ bidForm: '{"b":1,"a":2}' }),
                  upperCaseEnvelope: await attempt({ context: { ...context, envelope: context.envelope.toUpperCase() } }),
                  noLots: await attempt({ context: { ...context, lots: [] } }),
                  sameLotTwice: await attempt({ context: { ...context, lots: ['1', '1'] } }),
                  unknownKind: await attempt({ context: { ...context, kind: 'both' } }),
                  noOcid: await attempt({ context: { ...context, ocid: '' } }),
                  noCallback: await error(() => s.seal(ok)),
                  maxName: await attempt({ files: [new File(['x'], 'n'.repeat(255))] }),
                };
                """);
        assertThat(result)
                .containsEntry(
                        "thresholdOne",
                        "SealingError: the threshold must be between 2 and the committee's size 3, not 1")
                .containsEntry(
                        "thresholdAboveN",
                        "SealingError: the threshold must be between 2 and the committee's size 3, not 4")
                .containsEntry("oneMember", "SealingError: a committee has 2 to 255 members, not 1")
                .containsEntry("sameKeyTwice", "SealingError: the same key appears twice in the committee (member 3)")
                .containsEntry("notAPoint", "SealingError: member 2's key is not a point on P-256")
                .containsEntry(
                        "path", "SealingError: part header: a name is a base name, without / or \\ (\"a/b.txt\")")
                .containsEntry(
                        "backslash",
                        "SealingError: part header: a name is a base name, without / or \\ (\"C:\\b.txt\")")
                .containsEntry("nameless", "SealingError: part header: a name has 1 to 255 characters (\"undefined\")")
                .containsEntry(
                        "upperCaseEnvelope",
                        "SealingError: envelope context: the envelope id \"0E4B7F0A-3C1D-4A59-9B2E-6F8D2C1A7E55\" is"
                                + " not a lower-case 36-character UUID")
                .containsEntry(
                        "noLots",
                        "SealingError: envelope context: at least one lot (a notice without lots has lot \"1\")")
                .containsEntry("sameLotTwice", "SealingError: envelope context: lot \"1\" is listed twice")
                .containsEntry(
                        "unknownKind",
                        "SealingError: envelope context: unknown kind \"both\" (single, technical, financial)")
                .containsEntry("noOcid", "SealingError: envelope context: the OCID is empty")
                .containsEntry("noCallback", "SealingError: seal needs an onChunk callback to receive the ciphertext")
                .containsEntry("maxName", "no error");
        assertThat((String) result.get("wrongFingerprint")).contains("is not the fingerprint of its key");
        assertThat((String) result.get("longName")).contains("a name has 1 to 255 characters");
        assertThat((String) result.get("loneSurrogateName")).contains("lone surrogate");
        assertThat((String) result.get("fractionInBidForm")).contains("is not an integer");
        assertThat((String) result.get("nonCanonicalBidForm")).contains("the bid form is not canonical JSON");
    }

    /**
     * A 100 MiB file that exists nowhere: a Blob whose slices are generated when read. Sealing it reads it slice by
     * slice, never more than a chunk at a time, and the page's memory (V8 heap and array buffers, sampled through the
     * DevTools protocol while it seals) stays far below the file's size.
     */
    @Test
    void sealingAHundredMegabyteFileHoldsOnlyAFewChunksInMemory() throws InterruptedException {
        CDPSession devTools = page.context().newCDPSession(page);
        devTools.send("HeapProfiler.collectGarbage");
        long before = memory(devTools.send("Runtime.getHeapUsage"));
        page.evaluate("""
                async () => {
                """ + PRELUDE + """
                const { committee } = await committeeOf(3);
                const size = 100 * 1024 * 1024;
                const reads = { count: 0, largest: 0 };
                class Generated extends Blob {
                  name = 'généré.bin';
                  #size;
                  constructor(n) { super([]); this.#size = n; }
                  get size() { return this.#size; }
                  slice(start, end) {
                    reads.count++;
                    reads.largest = Math.max(reads.largest, end - start);
                    const bytes = new Uint8Array(end - start);
                    for (let i = 0; i < bytes.length; i++) bytes[i] = (start + i) % 251;
                    return new Blob([bytes]);
                  }
                }
                let chunks = 0, bytes = 0;
                const t0 = performance.now();
                window.sealingDone = null;
                s.seal({ context, committee, threshold: 2, bidForm: { price: 1 }, files: [new Generated(size)] },
                  async (chunk) => { chunks++; bytes += chunk.length; })
                  .then((sealed) => { window.sealingDone = { chunks, bytes, size: sealed.manifest.ciphertextSize,
                      reads, seconds: (performance.now() - t0) / 1000 }; },
                    (e) => { window.sealingDone = { error: e.message }; });
                }
                """);
        List<Long> samples = new ArrayList<>();
        Object done;
        while ((done = page.evaluate("() => window.sealingDone")) == null) {
            // what is still held, not the garbage of chunks already sealed that V8 has yet to collect
            devTools.send("HeapProfiler.collectGarbage");
            samples.add(memory(devTools.send("Runtime.getHeapUsage")));
            Thread.sleep(20);
        }
        List<Long> sorted = samples.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        long peak = sorted.get(sorted.size() - 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) done;
        log.info(
                "Chromium sealed a generated 100 MiB file in {} s; page memory {} MiB before, while sealing {} MiB"
                        + " (median) and {} MiB (most) held ({} samples, each after a garbage collection)",
                result.get("seconds"),
                before / 1048576.0,
                median / 1048576.0,
                peak / 1048576.0,
                samples.size());
        assertThat(samples).hasSizeGreaterThan(10);
        assertThat(result).doesNotContainKey("error").containsEntry("chunks", 1601);
        assertThat(result.get("bytes")).isEqualTo(result.get("size"));
        assertThat(result.get("reads")).isEqualTo(Map.of("count", 1601, "largest", 65536));
        // a few chunks in flight (read, encrypted, handed over) and buffers WebCrypto and Blob reads have not yet
        // released: megabytes, whatever the file's size
        assertThat(median - before)
                .as("memory usually held while sealing 100 MiB")
                .isLessThan(4L * 1024 * 1024);
        assertThat(peak - before).as("most memory held while sealing 100 MiB").isLessThan(24L * 1024 * 1024);
    }

    /** What the page's JavaScript holds: V8's heap and the array buffers' backing stores (where Chromium reports them). */
    private static long memory(JsonObject usage) {
        long used = usage.get("usedSize").getAsLong();
        return usage.has("backingStorageSize")
                ? used + usage.get("backingStorageSize").getAsLong()
                : used;
    }

    @Test
    void twentyMegabytesAreSealedChunkByChunkAndOpenedBack() {
        Map<String, Object> result = run("""
                const { keys, committee } = await committeeOf(3);
                const size = 20 * 1024 * 1024;
                // generated in 1 MiB pieces: the Blob is assembled by the browser, the page never holds a 20 MB array
                const pieces = [];
                for (let i = 0; i < 20; i++) pieces.push(randomBytes(1024 * 1024));
                const blob = new File(pieces, 'gros.bin', { type: 'application/octet-stream' });
                pieces.length = 0;
                const expected = await digest(new Uint8Array(await blob.arrayBuffer()));
                let count = 0, bytes = 0, largest = 0;
                const cipherPieces = [];
                const t0 = performance.now();
                const sealed = await s.seal({ context, committee, threshold: 2, bidForm: { price: 1 }, files: [blob] },
                  async (chunk) => { count++; bytes += chunk.length; largest = Math.max(largest, chunk.length);
                    cipherPieces.push(chunk); });
                const sealSeconds = (performance.now() - t0) / 1000;
                const ciphertext = new Blob(cipherPieces);
                cipherPieces.length = 0;
                const shares = [await s.decryptShare(sealed.manifest, 1, keys[0]),
                  await s.decryptShare(sealed.manifest, 3, keys[2])];
                const fileHash = new s.Sha256();
                const t1 = performance.now();
                await s.open(sealed.manifest, shares, ciphertext, (header, index) =>
                  index === 1 ? { write: (b) => { fileHash.update(b); } } : null);
                const openSeconds = (performance.now() - t1) / 1000;
                const whole = new Uint8Array(await ciphertext.arrayBuffer());
                const t2 = performance.now();
                new s.Sha256().update(whole).digest();
                const shaSeconds = (performance.now() - t2) / 1000;
                return { count, bytes, largest, size: sealed.manifest.ciphertextSize,
                  sha: await digest(new Uint8Array(await ciphertext.arrayBuffer())) === sealed.manifest.ciphertextSha256,
                  roundTrip: hex(fileHash.digest()) === expected,
                  sealMBps: 20 / sealSeconds, openMBps: 20 / openSeconds, shaMBps: 20 / shaSeconds, sealSeconds, openSeconds };
                """);
        log.info(
                "Chromium sealed 20 MiB in {} s ({} MiB/s) and opened it in {} s ({} MiB/s); SHA-256 in JS: {} MiB/s",
                result.get("sealSeconds"),
                result.get("sealMBps"),
                result.get("openSeconds"),
                result.get("openMBps"),
                result.get("shaMBps"));
        assertThat(result).containsEntry("count", 321).containsEntry("largest", 65552);
        assertThat(result.get("bytes")).isEqualTo(result.get("size"));
        assertThat(result).containsEntry("sha", true).containsEntry("roundTrip", true);
    }
}
