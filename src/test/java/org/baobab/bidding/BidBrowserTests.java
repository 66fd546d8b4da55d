// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.baobab.Browser;
import org.baobab.BrowserTest;
import org.baobab.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bidder at work in Chromium: prepares a bid on a notice (an amount for one lot, a file, the declaration), the page
 * seals it in the browser, uploads it in pieces — the connection is cut twice, once before a piece reaches the server
 * and once after it arrived but before the answer did — and resumes where the server stands, submits it, lands on its
 * receipt and has the browser verify the receipt against the transparency log. What the server keeps is the sealed
 * envelope only: it opens with the committee's keys, and the plaintext is what the bidder typed. Pages checked with
 * axe-core, in French and Arabic.
 */
@IntegrationTest
@BrowserTest
class BidBrowserTests {

    private final int port;
    private final BidFixtures fixtures;
    private final Bids bids;
    private final JdbcClient jdbc;

    BidBrowserTests(@Value("${local.server.port}") int port, BidFixtures fixtures, Bids bids, JdbcClient jdbc) {
        this.port = port;
        this.fixtures = fixtures;
        this.bids = bids;
        this.jdbc = jdbc;
    }

    @Test
    void aBidderSealsUploadsWithCutsAndResumesSubmitsAndVerifiesTheReceipt() throws Exception {
        String title = "Serveurs de calcul " + UUID.randomUUID().toString().substring(0, 8);
        String ocid = fixtures.openNotice(title);
        String marker = "OFFRE-CONFIDENTIELLE-" + UUID.randomUUID();
        byte[] file = new byte[2_600_000];
        byte[] text = ("Mémoire technique " + marker).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, file, 1_500_000, text.length);
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            // the same account signs in in other browser tests: Browser.signIn waits out a TOTP code already used
            Browser.signIn(page, "offres@sahel-numerique.demo");

            List<String> console = new ArrayList<>();
            page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
            page.onPageError(console::add);
            page.navigate("/bids/" + ocid);
            assertThat(page.locator("h1").textContent()).isEqualTo("Déposer une offre");
            assertThat(page.locator("main").textContent()).contains(title).contains("Empreintes de leurs clés");
            Browser.assertAccessible(page);

            // the connection is cut: the second piece never reaches the server; the third reaches it, its answer
            // does not come back
            AtomicInteger pieces = new AtomicInteger();
            List<String> offsets = new ArrayList<>();
            page.route("**/api/bids/uploads/*?offset=*", route -> {
                int n = pieces.incrementAndGet();
                offsets.add(route.request().url().replaceAll(".*offset=", ""));
                if (n == 2) {
                    route.abort("connectionreset");
                } else if (n == 4) {
                    route.fetch();
                    route.abort("connectionreset");
                } else {
                    route.resume();
                }
            });

            // a mistake first: no amount for the lot chosen, no declaration
            page.getByLabel("Lot 1 : Lot 1 : ordinateurs portables").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sceller et déposer l'offre"))
                    .click();
            assertThat(page.locator("#single-amount-1-error").textContent()).contains("montant en chiffres");
            assertThat(page.locator("#bid-honour-error").textContent()).contains("déclaration sur l'honneur");
            assertThat(pieces.get()).isZero();

            page.locator("#single-amount-1").fill("12 500 000");
            page.locator("#single-files")
                    .setInputFiles(new FilePayload("memoire-technique.pdf", "application/pdf", file));
            page.getByLabel("Je déclare sur l'honneur", new Page.GetByLabelOptions().setExact(false))
                    .check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sceller et déposer l'offre"))
                    .click();
            try {
                page.waitForURL("**/bids/receipts/**", new Page.WaitForURLOptions().setTimeout(90_000));
            } catch (RuntimeException e) {
                Browser.screenshot(page, "bid-failed");
                throw new AssertionError(
                        "status: " + page.locator("#bid-status").textContent() + " / error: "
                                + page.locator("#bid-error").textContent() + " / pieces " + offsets + " / console "
                                + console,
                        e);
            }

            // 1 MiB pieces: the cut one is sent again from the same offset; the last one, which arrived unanswered,
            // is not sent again: the server says it has it all
            assertThat(offsets).containsExactly("0", "1048576", "1048576", "2097152");
            assertThat(page.locator("h1").textContent()).startsWith("Reçu de dépôt n°");
            assertThat(page.locator("main").textContent()).contains(title).contains("Sahel Numérique SARL");
            Browser.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vérifier le reçu"))
                    .click();
            page.locator("#verdict").getByText("Reçu authentique").waitFor();
            Browser.screenshot(page, "bid-receipt-fr");

            // what the server holds: one current envelope, sealed; the committee opens it to what was typed
            SubmittedEnvelope envelope = bids.envelopes(ocid).stream()
                    .filter(e -> e.state() == SubmittedEnvelope.State.CURRENT)
                    .findFirst()
                    .orElseThrow();
            assertThat(page.url()).endsWith("/bids/receipts/" + envelope.id());
            BidFixtures.Opened opened = fixtures.open(envelope);
            assertThat(opened.bidForm())
                    .contains("\"amount\":\"12500000\"")
                    .contains("\"lot\":\"1\"")
                    .contains("\"ocid\":\"" + ocid + "\"");
            assertThat(opened.files()).containsOnlyKeys("memoire-technique.pdf");
            assertThat(opened.files().get("memoire-technique.pdf")).isEqualTo(file);
            assertThat(jdbc.sql("select count(*) from bidding_upload where ocid = :o and completed_at is not null")
                            .param("o", ocid)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);

            page.navigate("/bids/" + ocid + "?lang=ar");
            assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
            assertThat(page.locator("main").textContent()).contains("سارٍ");
            Browser.assertAccessible(page);
            page.navigate("/bids/receipts/" + envelope.id() + "?lang=ar");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "bid-receipt-ar");
            page.navigate("/bids?lang=fr");
            assertThat(page.locator("main").textContent()).contains(ocid);
            Browser.assertAccessible(page);

            // withdrawal without JavaScript's help: a plain form
            page.navigate("/bids/" + ocid);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retirer mon offre"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first().textContent()).contains("Votre offre est retirée");
            assertThat(page.locator("main table").textContent()).contains("Retirée");
        }
    }
}
