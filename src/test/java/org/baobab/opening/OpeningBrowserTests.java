// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.baobab.Browser;
import org.baobab.BrowserTest;
import org.baobab.IntegrationTest;
import org.baobab.TestClock;
import org.baobab.bidding.BidFixtures;
import org.baobab.bidding.Bids;
import org.baobab.bidding.SealingSet;
import org.baobab.documents.PdfA;
import org.baobab.identity.CurrentUser;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.Notices;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Two committee members of three (k = 2, the third absent), each in their own browser context, open a bid with the demo
 * key files: the first starts the session, both declare no conflict, each loads their key file and passphrase; the bid
 * opens when the second releases, and the public page, watching the server-sent events, shows the amount read without
 * being reloaded. A member records the state of the pieces and the representatives present with the plain forms, both
 * approve the minutes (signed in with their second factor), and an anonymous visitor follows the notice's link to the
 * published minutes, reads the bid and its pieces there, and downloads the PDF/A, checked by veraPDF. Checked with
 * axe-core.
 */
@IntegrationTest
@BrowserTest
class OpeningBrowserTests {

    private final int port;
    private final BidFixtures fixtures;
    private final Bids bids;
    private final Notices notices;
    private final TestClock clock;
    private final TenderingFixtures tenderingFixtures;
    private final OpeningMinutes minutes;

    OpeningBrowserTests(
            @Value("${local.server.port}") int port,
            BidFixtures fixtures,
            Bids bids,
            Notices notices,
            TestClock clock,
            TenderingFixtures tenderingFixtures,
            OpeningMinutes minutes) {
        this.port = port;
        this.tenderingFixtures = tenderingFixtures;
        this.minutes = minutes;
        this.fixtures = fixtures;
        this.bids = bids;
        this.notices = notices;
        this.clock = clock;
    }

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    private static void signIn(Page page, String email) {
        Browser.signIn(page, email);
    }

    private static void release(Page page, String email) {
        page.getByLabel("Mon fichier de clé (.bkf.json)")
                .setInputFiles(Path.of("src/main/resources/demo/committee-keys/" + email + ".bkf.json"));
        page.getByLabel("Phrase de passe du fichier de clé").fill(OpeningFixtures.PASSPHRASE);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Libérer mes parts"))
                .click();
        page.waitForCondition(
                () -> page.locator("#release-status").textContent().contains("Parts libérées"),
                new Page.WaitForConditionOptions().setTimeout(30_000));
        // the page reloads itself a moment later to show the readings: wait for that new document, so that the
        // test's next navigation is not interrupted by it
        page.evaluate("() => { window.baobabBeforeReload = true; }");
        page.waitForCondition(
                () -> {
                    try {
                        return Boolean.TRUE.equals(page.evaluate(
                                "() => window.baobabBeforeReload === undefined && document.readyState === 'complete'"));
                    } catch (com.microsoft.playwright.PlaywrightException navigating) {
                        return false;
                    }
                },
                new Page.WaitForConditionOptions().setTimeout(15_000));
    }

    @Test
    void twoMembersOpenTheBidFromTheirKeyFilesRecordThePiecesApproveAndAnyoneReadsThePublishedMinutes()
            throws Exception {
        NoticeDraft draft = tenderingFixtures.notice("SN", "Ouverture dans le navigateur");
        String ocid = fixtures.openNotice(
                draft.withDocumentsAndLots(List.of("ATTESTATION_FISCALE", "ATTESTATION_SOCIALE"), draft.lots()));
        SealingSet set = fixtures.sealingSet(ocid);
        CurrentUser bidder = fixtures.bidder();
        BidFixtures.Sealed sealed = fixtures.seal(ocid, "31415926");
        bids.submit(bidder, fixtures.upload(bidder, sealed), sealed.manifestJson());
        List<String> emails = OpeningFixtures.SANTE_MEMBERS.stream()
                .filter(e -> set.members().stream()
                        .anyMatch(m -> m.userId().equals(fixtures.user(e).id())))
                .toList();

        try (Browser browser = new Browser(port)) {
            Page one = browser.newPage();
            Page two = browser.newPage();
            Page watcher = browser.newPage();
            signIn(one, emails.get(0));
            signIn(two, emails.get(1));
            clock.stopAt(notices.notice(ocid).orElseThrow().notice().openingAt().plus(Duration.ofMinutes(2)));

            watcher.navigate("/notices/" + ocid + "/opening");
            assertThat(watcher.locator("main").textContent()).contains("pas encore commencé");
            Browser.assertAccessible(watcher);

            one.navigate("/opening/" + ocid);
            Browser.assertAccessible(one);
            one.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ouvrir la séance"))
                    .click();
            one.waitForURL("**/opening/" + ocid);
            for (Page page : List.of(one, two)) {
                page.navigate("/opening/" + ocid);
                page.getByLabel(
                                "Je suis présent et je déclare n'avoir aucun conflit d'intérêts avec les soumissionnaires.")
                        .check();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer ma déclaration"))
                        .click();
                page.waitForURL("**/opening/" + ocid);
            }
            Browser.assertAccessible(one);
            watcher.reload();
            assertThat(watcher.locator("main").textContent()).contains("Le quorum est atteint", "en attente");

            release(one, emails.get(0));
            release(two, emails.get(1));
            watcher.waitForCondition(
                    () -> watcher.locator("#opening-live").textContent().contains("31415926"),
                    new Page.WaitForConditionOptions().setTimeout(15_000));
            assertThat(watcher.locator("#opening-live").textContent()).contains("Sahel Numérique SARL");
            Browser.assertAccessible(watcher);

            // the state of the pieces and the representatives present, with the plain forms
            one.navigate("/opening/" + ocid);
            one.getByLabel("Attestation de régularité fiscale").selectOption("present");
            one.getByLabel("Attestations de régularité sociale").selectOption("non-compliant");
            one.getByLabel("Garantie de soumission").selectOption("present");
            one.getByLabel("Montant de la garantie").fill("1 000 000");
            one.getByLabel("Émetteur (banque, assurance)").fill("Banque Atlantique Sénégal");
            Browser.assertAccessible(one);
            one.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer l'état des pièces"))
                    .click();
            one.waitForURL("**/opening/" + ocid + "#pieces-*");
            assertThat(one.locator("#opening-error").count()).isZero();
            assertThat(one.getByLabel("Attestations de régularité sociale").inputValue())
                    .isEqualTo("non-compliant");
            one.getByLabel("Représentants présents, un par ligne").fill("Awa Diop (Sahel Numérique SARL)");
            one.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Enregistrer la liste des représentants"))
                    .click();
            one.waitForURL("**/opening/" + ocid + "#representatives");
            assertThat(one.locator("#opening-error").count()).isZero();

            // both members present approve the minutes; the first approval freezes the pieces
            for (Page page : List.of(one, two)) {
                page.navigate("/opening/" + ocid);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("J'approuve le procès-verbal"))
                        .click();
                page.waitForURL("**/opening/" + ocid);
                assertThat(page.locator("main").textContent()).contains("Approuvé");
            }
            assertThat(two.locator("select").count()).isZero();
            assertThat(two.locator("main").textContent()).contains("Banque Atlantique Sénégal");
            Browser.assertAccessible(two);

            // anyone: the notice links the published minutes, which show the bid read and its pieces
            Page anonymous = browser.newPage();
            anonymous.navigate("/notices/" + ocid);
            anonymous
                    .locator(".opening-minutes")
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Séance d'ouverture"))
                    .click();
            anonymous.waitForURL("**/notices/" + ocid + "/opening");
            String pv = anonymous.locator("main").textContent();
            assertThat(pv)
                    .contains(
                            "Le procès-verbal est approuvé par tous les membres présents et publié.",
                            "Sahel Numérique SARL",
                            "31415926",
                            "État des pièces",
                            "Attestation de régularité fiscale",
                            "non conforme",
                            "Banque Atlantique Sénégal",
                            "Awa Diop (Sahel Numérique SARL)",
                            "Registre de réception des plis");
            Browser.assertAccessible(anonymous);
            String href = anonymous
                    .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Procès-verbal (PDF/A)"))
                    .getAttribute("href");
            APIResponse download = anonymous.request().get("http://localhost:" + port + href);
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.headers().get("content-type")).startsWith("application/pdf");
            PdfA.Checked pdf = PdfA.check(download.body(), minutes.title(ocid, Locale.FRENCH), "fr");
            assertThat(pdf.text())
                    .contains("Sahel Numérique SARL", "31415926", "Banque Atlantique Sénégal", "non conforme");
            watcher.navigate("/notices/" + ocid + "/opening?lang=ar");
            assertThat(watcher.locator("html").getAttribute("dir")).isEqualTo("rtl");
            Browser.assertAccessible(watcher);
        }
    }
}
