// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.Browser;
import org.baobab.BrowserTest;
import org.baobab.IntegrationTest;
import org.baobab.Operator;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.sealing.CommitteeKey;
import org.baobab.bidding.transparency.ReceiptFormat;
import org.baobab.opening.OpeningFixtures;
import org.baobab.shared.signing.PlatformSigningKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bid page seals only to a committee the transparency log proves (docs/bidding.md): after the database's
 * superuser swaps a member's key in a published set, and in a browser that kept a tree head the log does not extend,
 * the page refuses to seal, says why, and nothing is uploaded. An honest bid seals through the same checks
 * ({@link BidBrowserTests}, and here the head the page keeps).
 */
@IntegrationTest
@BrowserTest
class BidProofBrowserTests {

    private static final String BIDDER = "offres@sahel-numerique.demo";
    private static final String REFUSAL = "n'ont pas pu être prouvées par le journal de transparence";

    private final int port;
    private final BidFixtures fixtures;
    private final Operator operator;
    private final PlatformSigningKey signingKey;
    private final JdbcClient jdbc;

    BidProofBrowserTests(
            @Value("${local.server.port}") int port,
            BidFixtures fixtures,
            Operator operator,
            PlatformSigningKey signingKey,
            JdbcClient jdbc) {
        this.port = port;
        this.fixtures = fixtures;
        this.operator = operator;
        this.signingKey = signingKey;
        this.jdbc = jdbc;
    }

    /** What the attacker runs: the database's superuser, triggers off, a member's key replaced in the set. */
    private void swapKey(String ocid, int position, CommitteeKey key) throws Exception {
        try (Connection c = operator.dataSource().getConnection();
                Statement s = c.createStatement();
                PreparedStatement update = c.prepareStatement(
                        "update opening_sealing_member set point = ?, fingerprint = ? where ocid = ? and position = ?")) {
            s.execute("set session_replication_role = replica");
            update.setBytes(1, key.point());
            update.setString(2, key.fingerprint());
            update.setString(3, ocid);
            update.setInt(4, position);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** Fills the bid form (one lot, an amount, a file, the declaration) and submits it. */
    private static void fillAndSubmit(Page page, String ocid) {
        page.navigate("/bids/" + ocid);
        page.getByLabel("Lot 1 : Lot 1 : ordinateurs portables").check();
        page.locator("#single-amount-1").fill("9 750 000");
        page.locator("#single-files")
                .setInputFiles(new FilePayload(
                        "offre.pdf", "application/pdf", "offre technique".getBytes(StandardCharsets.UTF_8)));
        page.getByLabel("Je déclare sur l'honneur", new Page.GetByLabelOptions().setExact(false))
                .check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sceller et déposer l'offre"))
                .click();
    }

    /** The page refused with its translated message, and sent nothing to the uploads or submission API. */
    private void assertRefused(Page page, List<String> sent, String ocid) {
        page.locator("#bid-error[data-refused=unproven-set]").waitFor();
        assertThat(page.locator("#bid-error").textContent())
                .contains("L'offre n'a pas été déposée")
                .contains(REFUSAL)
                .contains("autorité de régulation");
        assertThat(sent).as("requests to the uploads or submission API").isEmpty();
        assertThat(jdbc.sql("select count(*) from bidding_upload where ocid = :o")
                        .param("o", ocid)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(page.url()).doesNotContain("/bids/receipts/");
    }

    private static List<String> watchUploads(Page page) {
        List<String> sent = new ArrayList<>();
        page.onRequest(r -> {
            if (r.url().contains("/api/bids") && !r.url().contains("/api/bids/sealing-sets/")) {
                sent.add(r.method() + " " + r.url());
            }
        });
        return sent;
    }

    @Test
    void aKeySwappedByTheDatabasesSuperuserIsRefusedAndNothingIsSealedNorUploaded() throws Exception {
        String ocid = fixtures.openNotice("Clé échangée refusée " + UUID.randomUUID());
        SealingSet set = fixtures.sealingSet(ocid);
        CommitteeKey original = set.members().get(0).key();
        CommitteeKey attacker =
                OpeningFixtures.demoKey(OpeningFixtures.MINTP_MEMBERS.get(0)).publicKey();
        assertThat(attacker.fingerprint()).isNotEqualTo(original.fingerprint());
        swapKey(ocid, 1, attacker);
        try (Browser browser = new Browser(port)) {
            assertThat(fixtures.sealingSet(ocid).members().get(0).key())
                    .as("the server now serves the attacker's key")
                    .isEqualTo(attacker);
            Page page = browser.newPage();
            Browser.signIn(page, BIDDER);
            List<String> sent = watchUploads(page);
            List<String> console = new ArrayList<>();
            page.onConsoleMessage(m -> console.add(m.text()));
            fillAndSubmit(page, ocid);
            assertRefused(page, sent, ocid);
            assertThat(console)
                    .anySatisfy(line -> assertThat(line)
                            .contains("Refusing to seal")
                            .contains(attacker.fingerprint())
                            .contains(original.fingerprint()));
        } finally {
            swapKey(ocid, 1, original);
        }
        assertThat(fixtures.sealingSet(ocid).members().get(0).key()).isEqualTo(original);
    }

    @Test
    void aBrowserThatKeptAHeadTheLogDoesNotExtendRefusesToSeal() throws Exception {
        String ocid = fixtures.openNotice("Journal non prolongé " + UUID.randomUUID());
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            Browser.signIn(page, BIDDER);
            page.navigate("/bids/" + ocid);
            Map<?, ?> current = CanonicalJson.readObject(
                    page.request().get("/api/transparency/tree-head").text());
            long size = (Long) current.get("treeSize");
            String otherRoot = HexFormat.of().formatHex(new byte[32]).replace("00", "ab");

            // signed by the platform key, the same size, another root: no consistency proof can exist
            String sameSize = head(size, otherRoot, signingKey.sign(treeHead(size, otherRoot)), signingKey.keyId());
            // signed by the platform key, a larger tree than the log: the log would have shrunk
            String larger =
                    head(size + 1000, otherRoot, signingKey.sign(treeHead(size + 1000, otherRoot)), signingKey.keyId());
            // signed by nobody
            String unsigned = head(size, otherRoot, new byte[64], signingKey.keyId());
            List<String> sent = watchUploads(page);
            for (String forged : List.of(sameSize, larger, unsigned)) {
                page.evaluate("h => localStorage.setItem('baobab.transparency.head', h)", forged);
                fillAndSubmit(page, ocid);
                assertRefused(page, sent, ocid);
                assertThat(page.evaluate("() => localStorage.getItem('baobab.transparency.head')"))
                        .as("the forged head is kept, not replaced")
                        .isEqualTo(forged);
            }
        }
    }

    @Test
    void aPlatformKeyOtherThanThePinnedOneIsRefused() throws Exception {
        String ocid = fixtures.openNotice("Clé de plateforme épinglée " + UUID.randomUUID());
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            Browser.signIn(page, BIDDER);
            page.navigate("/bids/" + ocid);
            String other = Base64.getEncoder()
                    .encodeToString(java.security.KeyPairGenerator.getInstance("Ed25519")
                            .generateKeyPair()
                            .getPublic()
                            .getEncoded());
            page.evaluate("k => localStorage.setItem('baobab.transparency.platform-key', k)", other);
            List<String> sent = watchUploads(page);
            fillAndSubmit(page, ocid);
            assertRefused(page, sent, ocid);
        }
    }

    @Test
    void anHonestSetIsProvenTheHeadKeptAndTheNextBidChecksTheLogExtendsIt() throws Exception {
        String first = fixtures.openNotice("Ensemble prouvé " + UUID.randomUUID());
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            Browser.signIn(page, BIDDER);
            fillAndSubmit(page, first);
            page.waitForURL("**/bids/receipts/**", new Page.WaitForURLOptions().setTimeout(90_000));
            Map<?, ?> head = CanonicalJson.readObject(
                    String.valueOf(page.evaluate("() => localStorage.getItem('baobab.transparency.head')")));
            assertThat(head.get("keyId")).isEqualTo(signingKey.keyId());
            assertThat(page.evaluate("() => localStorage.getItem('baobab.transparency.platform-key')"))
                    .isEqualTo(signingKey.publicKeyBase64());

            // a bid on a notice published since: its set is proven in a larger tree, consistent with the head kept
            String title = "Ensemble prouvé ensuite " + UUID.randomUUID();
            String second = fixtures.openNotice(title);
            fillAndSubmit(page, second);
            page.waitForURL("**/bids/receipts/**", new Page.WaitForURLOptions().setTimeout(90_000));
            assertThat(page.locator("main").textContent()).contains(title);
            Map<?, ?> next = CanonicalJson.readObject(
                    String.valueOf(page.evaluate("() => localStorage.getItem('baobab.transparency.head')")));
            assertThat((Long) next.get("treeSize")).isGreaterThan((Long) head.get("treeSize"));
        }
    }

    private static byte[] treeHead(long size, String root) {
        return ReceiptFormat.treeHead(size, root, 1_700_000_000_000L).getBytes(StandardCharsets.UTF_8);
    }

    private static String head(long size, String root, byte[] signature, String keyId) {
        return CanonicalJson.write(Map.of(
                "format",
                "BTH1",
                "treeSize",
                size,
                "rootHash",
                root,
                "timestamp",
                1_700_000_000_000L,
                "keyId",
                keyId,
                "signature",
                Base64.getEncoder().encodeToString(signature)));
    }
}
