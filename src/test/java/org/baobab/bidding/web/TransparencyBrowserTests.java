// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.Browser;
import org.baobab.BrowserTest;
import org.baobab.IntegrationTest;
import org.baobab.bidding.Receipt;
import org.baobab.bidding.ReceiptDraft;
import org.baobab.bidding.Receipts;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.transparency.ReceiptFormat;
import org.baobab.shared.merkle.MerkleTree;
import org.baobab.shared.signing.PlatformSigningKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A bidder pastes its receipt on the public transparency page, in French, and Chromium checks it with WebCrypto
 * (Ed25519 and SHA-256): the signature, the signed tree head and the audit path; then a tampered receipt fails; then,
 * once the log has grown, the browser also checks the consistency proof from the head it saw, and catches a head the
 * log no longer extends. Every state of the page is checked with axe.
 */
@IntegrationTest
@BrowserTest
class TransparencyBrowserTests {

    private final int port;
    private final Receipts receipts;
    private final PlatformSigningKey signingKey;

    TransparencyBrowserTests(
            @Value("${local.server.port}") int port, Receipts receipts, PlatformSigningKey signingKey) {
        this.port = port;
        this.receipts = receipts;
        this.signingKey = signingKey;
    }

    private Receipt issue(String supplier, int n) {
        return receipts.issue(new ReceiptDraft(
                "ocds-baobab-SN-2026-00042",
                List.of("1", "2"),
                UUID.randomUUID(),
                supplier,
                UUID.randomUUID(),
                HexFormat.of().formatHex(MerkleTree.leafHash(supplier.getBytes(StandardCharsets.UTF_8))),
                "single",
                Instant.parse("2026-11-23T11:59:00Z").plusSeconds(n)));
    }

    private static void check(Page page, String document, String expected) {
        page.getByLabel("Reçu (JSON)").fill(document);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vérifier le reçu"))
                .click();
        page.locator("#verdict [data-verdict=" + expected + "]").waitFor();
    }

    @Test
    void aBidderChecksItsReceiptInTheBrowserAndATamperedOneFails() {
        Receipt receipt = issue("Sahel Numérique SARL", 1);
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            page.navigate("/transparency");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("fr");
            assertThat(page.locator("h1").textContent()).isEqualTo("Journal de transparence des offres");
            assertThat(page.locator("#receipt-check").isVisible()).isTrue();
            Browser.assertAccessible(page);

            check(page, receipt.document(), "valid");
            String verdict = page.locator("#verdict").textContent();
            assertThat(verdict)
                    .contains("Reçu authentique")
                    .contains("La signature de la plateforme couvre le reçu exactement tel qu'il est.")
                    .contains("La tête d'arbre est signée par la plateforme.")
                    .contains("à la position " + receipt.logIndex() + " d'un arbre de");
            assertThat(page.locator("#verdict li[data-check=failed]").count()).isZero();
            Browser.assertAccessible(page);
            Browser.screenshot(page, "transparency-valid");

            String tampered = receipt.document().replace(receipt.content().envelopeHash(), "0".repeat(64));
            assertThat(tampered).isNotEqualTo(receipt.document());
            check(page, tampered, "invalid");
            assertThat(page.locator("#verdict").textContent())
                    .contains("Reçu altéré ou inconnu")
                    .contains("La signature ne correspond pas : le reçu a été modifié");
            assertThat(page.locator("#verdict li[data-check=failed]").count()).isEqualTo(1);
            Browser.assertAccessible(page);
            Browser.screenshot(page, "transparency-tampered");

            String backdated = receipt.document().replace("11:59:01.000000Z", "11:58:01.000000Z");
            assertThat(backdated).isNotEqualTo(receipt.document());
            check(page, backdated, "invalid");
            assertThat(page.locator("#verdict").textContent()).contains("La signature ne correspond pas");

            check(page, "{\"bonjour\":1}", "invalid");
            assertThat(page.locator("#verdict").textContent()).contains("Ce texte n'est pas un reçu de la plateforme");

            // the log grows; the browser remembers the head it saw and checks that the new one extends it
            Receipt later = issue("Dakar Bureautique", 2);
            issue("Thiès Informatique", 3);
            check(page, later.document(), "valid");
            assertThat(page.locator("#verdict").textContent())
                    .contains("Reçu authentique")
                    .contains("Le journal prolonge celui que ce navigateur a vu la dernière fois")
                    .contains("rien n'a été réécrit");
            Browser.assertAccessible(page);

            // a remembered head whose signature does not hold is ignored, not trusted
            page.evaluate("() => { const h = JSON.parse(localStorage.getItem('baobab.transparency.head'));"
                    + " h.rootHash = '00'.repeat(32); localStorage.setItem('baobab.transparency.head',"
                    + " JSON.stringify(h)); }");
            check(page, later.document(), "valid");
            assertThat(page.locator("#verdict").textContent()).doesNotContain("a vu la dernière fois");

            // the platform once signed a head that the log now shown does not extend: its history was rewritten
            long size = page.evaluate("() => JSON.parse(localStorage.getItem('baobab.transparency.head')).treeSize")
                            instanceof Number n
                    ? n.longValue()
                    : 0;
            String forkRoot = "ab".repeat(32);
            long timestamp = 1_795_000_000_000L;
            String signature = Base64.getEncoder()
                    .encodeToString(signingKey.sign(ReceiptFormat.treeHead(size - 1, forkRoot, timestamp)
                            .getBytes(StandardCharsets.UTF_8)));
            String forkHead = CanonicalJson.write(Map.of(
                    "format",
                    "BTH1",
                    "treeSize",
                    size - 1,
                    "rootHash",
                    forkRoot,
                    "timestamp",
                    timestamp,
                    "keyId",
                    signingKey.keyId(),
                    "signature",
                    signature));
            page.evaluate("h => localStorage.setItem('baobab.transparency.head', h)", forkHead);
            check(page, later.document(), "invalid");
            assertThat(page.locator("#verdict").textContent())
                    .contains("Reçu altéré ou inconnu")
                    .contains("Le journal ne prolonge pas celui que ce navigateur a vu la dernière fois : son histoire"
                            + " a été réécrite.");
            Browser.assertAccessible(page);
        }
    }

    @Test
    void thePageExplainsItselfWithoutJavaScriptAndInEveryLanguage() {
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            String html = page.request().get("/transparency").text();
            assertThat(html)
                    .contains("<noscript>")
                    .contains("La vérification se fait dans votre navigateur et demande JavaScript.")
                    .contains("<form id=\"receipt-check\" hidden")
                    .contains("BEGIN PUBLIC KEY")
                    .contains("/api/transparency/inclusion?index=");
            for (String path : List.of("/transparency?lang=en", "/transparency?lang=ar")) {
                page.navigate(path);
                Browser.assertAccessible(page);
            }
            assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
            assertThat(page.locator("h1").textContent()).isEqualTo("سجل شفافية العروض");
        }
    }

    /**
     * The browser's proof checks against the Java tree: every inclusion and consistency proof of trees up to 24
     * leaves (the Certificate Transparency leaves first) verifies in Chromium, and the same proof with one bit flipped
     * does not; canonical JSON is the same text in both.
     */
    @Test
    void theBrowserVerifiesEveryProofTheJavaTreeMakesAndNoTamperedOne() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            leaves.add(MerkleTree.leafHash(i < 8 ? REFERENCE_LEAVES.get(i) : new byte[] {(byte) i, (byte) (i * 7)}));
        }
        MerkleTree.Nodes nodes = MerkleTree.fromLeafHashes(i -> leaves.get(Math.toIntExact(i)));
        HexFormat hex = HexFormat.of();
        List<Object> inclusions = new ArrayList<>();
        List<Object> consistencies = new ArrayList<>();
        for (long size = 1; size <= leaves.size(); size++) {
            String root = hex.formatHex(MerkleTree.root(size, nodes));
            for (long index = 0; index < size; index++) {
                inclusions.add(Map.of(
                        "index", index,
                        "size", size,
                        "leaf", hex.formatHex(leaves.get((int) index)),
                        "root", root,
                        "path",
                                MerkleTree.inclusionProof(index, size, nodes).stream()
                                        .map(hex::formatHex)
                                        .toList()));
            }
            for (long first = 1; first <= size; first++) {
                consistencies.add(Map.of(
                        "first", first,
                        "second", size,
                        "firstRoot", hex.formatHex(MerkleTree.root(first, nodes)),
                        "secondRoot", root,
                        "proof",
                                MerkleTree.consistencyProof(first, size, nodes).stream()
                                        .map(hex::formatHex)
                                        .toList()));
            }
        }
        Map<String, Object> tricky = new java.util.LinkedHashMap<>();
        tricky.put("z", List.of(1L, -7L, "tab\t quote\" back\\ é ع 😀"));
        tricky.put("\uE000", null);
        tricky.put("😀", true);
        tricky.put("A", Map.of("b", 1L, "a", false));
        String vectors =
                CanonicalJson.write(Map.of("inclusions", inclusions, "consistencies", consistencies, "tricky", tricky));

        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            page.navigate("/transparency");
            Object result = page.evaluate("""
                    async (text) => {
                      const t = window.baobabTransparency;
                      const v = JSON.parse(text);
                      const unhex = (s) => Uint8Array.from(s.match(/../g) || [], (h) => parseInt(h, 16));
                      const flip = (b) => { const c = b.slice(); c[c.length - 1] ^= 1; return c; };
                      let verified = 0;
                      const wrong = [];
                      for (const p of v.inclusions) {
                        const path = p.path.map(unhex);
                        if (await t.verifyInclusion(p.index, p.size, unhex(p.leaf), path, unhex(p.root))) verified++;
                        else wrong.push('inclusion ' + p.index + '/' + p.size);
                        for (let i = 0; i < path.length; i++) {
                          const bad = path.slice(); bad[i] = flip(bad[i]);
                          if (await t.verifyInclusion(p.index, p.size, unhex(p.leaf), bad, unhex(p.root))) {
                            wrong.push('tampered inclusion ' + p.index + '/' + p.size);
                          }
                        }
                      }
                      for (const p of v.consistencies) {
                        const proof = p.proof.map(unhex);
                        const a = unhex(p.firstRoot);
                        const b = unhex(p.secondRoot);
                        if (await t.verifyConsistency(p.first, p.second, a, b, proof)) verified++;
                        else wrong.push('consistency ' + p.first + '/' + p.second);
                        for (let i = 0; i < proof.length; i++) {
                          const bad = proof.slice(); bad[i] = flip(bad[i]);
                          if (await t.verifyConsistency(p.first, p.second, a, b, bad)) {
                            wrong.push('tampered consistency ' + p.first + '/' + p.second);
                          }
                        }
                        if (p.first < p.second && await t.verifyConsistency(p.first, p.second, flip(a), b, proof)) {
                          wrong.push('other first root ' + p.first + '/' + p.second);
                        }
                      }
                      const leaf0 = Array.from(await t.leafHash(new Uint8Array(0)),
                          (x) => x.toString(16).padStart(2, '0')).join('');
                      return JSON.stringify({ verified, wrong, canonical: t.canonical(v.tricky), leaf0 });
                    }
                    """, vectors);
            Map<?, ?> answer = (Map<?, ?>) CanonicalJson.read((String) result);
            assertThat((List<?>) answer.get("wrong")).isEmpty();
            assertThat(answer.get("verified")).isEqualTo((long) (inclusions.size() + consistencies.size()));
            assertThat(answer.get("canonical")).isEqualTo(CanonicalJson.write(tricky));
            assertThat(answer.get("leaf0"))
                    .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        }
    }

    static final List<byte[]> REFERENCE_LEAVES = List.of(
            HexFormat.of().parseHex(""),
            HexFormat.of().parseHex("00"),
            HexFormat.of().parseHex("10"),
            HexFormat.of().parseHex("2021"),
            HexFormat.of().parseHex("3031"),
            HexFormat.of().parseHex("40414243"),
            HexFormat.of().parseHex("5051525354555657"),
            HexFormat.of().parseHex("606162636465666768696a6b6c6d6e6f"));
}
