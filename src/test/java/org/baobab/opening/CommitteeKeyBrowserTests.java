// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.baobab.Browser;
import org.baobab.BrowserTest;
import org.baobab.IntegrationTest;
import org.baobab.bidding.sealing.KeyFile;
import org.baobab.identity.CurrentUser;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A committee member enrols a key in Chromium, in French then (replacing it) in Arabic: the passphrase is typed twice,
 * the key file is downloaded, and the fingerprint the page shows is the one stored and the one in the file, whose
 * private key opens with the passphrase. Every state of the page is checked with axe-core. The demo member's demo key
 * is put back at the end, so that the other tests still find the demo keys enrolled.
 */
@IntegrationTest
@BrowserTest
class CommitteeKeyBrowserTests {

    private static final String MEMBER = "commission2@mintp.demo";
    private static final String PASSPHRASE = "la baie de Kribi au lever du jour";

    private final int port;
    private final CommitteeKeys keys;
    private final TenderingFixtures fixtures;
    private final JdbcClient jdbc;
    private final Tendering tendering;
    private final OpeningFixtures opening;
    private final org.baobab.bidding.LogStatements log;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    CommitteeKeyBrowserTests(
            @Value("${local.server.port}") int port,
            CommitteeKeys keys,
            TenderingFixtures fixtures,
            JdbcClient jdbc,
            Tendering tendering,
            OpeningFixtures opening,
            org.baobab.bidding.LogStatements log,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        this.log = log;
        this.transactions = transactions;
        this.port = port;
        this.keys = keys;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.tendering = tendering;
        this.opening = opening;
    }

    private static void signIn(Page page, String email) {
        Browser.signIn(page, email);
    }

    @Test
    void thePrmDesignatesTheCommitteeAndTheNoticeShowsItsKeysAccessiblyInFrenchAndArabic() {
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        UUID id = tendering.createOutsidePlan(
                prm,
                fixtures.organisationOf(TenderingFixtures.PRM),
                "Besoin urgent",
                fixtures.notice("SN", "Tentes pour les campagnes de vaccination " + UUID.randomUUID()));
        String ocid = tendering.forStaff(prm, id).ocid();
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            signIn(page, TenderingFixtures.PRM);
            page.navigate("/buyer/processes/" + id);
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Commission d'ouverture et scellement des offres"))
                    .click();
            page.waitForURL("**/committee");
            assertThat(page.locator("main").textContent()).contains("Commission par défaut", "Mariama Sow");
            Browser.assertAccessible(page);

            page.getByLabel("Membres nécessaires à l'ouverture").fill("9");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Désigner la commission"))
                    .click();
            assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("entre 2 et 3");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "committee-designation-error-fr");

            page.getByLabel("Khady Gueye").uncheck();
            page.getByLabel("Membres nécessaires à l'ouverture").fill("2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Désigner la commission"))
                    .click();
            assertThat(page.locator("main [role=status]").first().textContent())
                    .contains("Commission d'ouverture désignée");
            page.navigate(page.url() + "?lang=ar");
            assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
            assertThat(page.locator("main").textContent()).contains("اللجنة المعيّنة");
            Browser.assertAccessible(page);

            tendering.publish(prm, id);
            assertThat(opening.sealingSet(ocid).members()).hasSize(2);
            page.navigate("/notices/" + ocid + "?lang=fr");
            assertThat(page.locator("#sealing-set").textContent())
                    .isEqualTo("Commission d'ouverture et scellement des offres");
            assertThat(page.locator("main").textContent())
                    .contains("2 de ses 2 membres")
                    .contains(opening.sealingSet(ocid).members().get(1).key().shortFingerprint());
            Browser.assertAccessible(page);
            page.navigate("/notices/" + ocid + "?lang=ar");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "notice-sealing-set-ar");
        }
    }

    @Test
    void aCommitteeMemberEnrolsAKeyInTheBrowserInFrenchAndArabic() throws Exception {
        CurrentUser member = fixtures.user(MEMBER);
        String demo = OpeningFixtures.demoKeyFile(MEMBER).fingerprint();
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            signIn(page, MEMBER);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ma clé de commission"))
                    .click();
            page.waitForURL("**/committee/key");
            assertThat(page.locator("#current-fingerprint").textContent())
                    .isEqualTo(OpeningFixtures.demoKeyFile(MEMBER).publicKey().shortFingerprint());
            Browser.assertAccessible(page);
            Browser.screenshot(page, "committee-key-fr");

            page.getByLabel("Phrase de passe du fichier de clé").fill(PASSPHRASE);
            page.getByLabel("Phrase de passe, à nouveau").fill(PASSPHRASE + " !");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Créer une nouvelle clé et remplacer l'ancienne"))
                    .click();
            assertThat(page.locator("#passphrase2-error").textContent()).contains("ne sont pas identiques");
            assertThat(page.getByLabel("Phrase de passe, à nouveau").getAttribute("aria-invalid"))
                    .isEqualTo("true");
            Browser.assertAccessible(page);
            assertThat(keys.currentKey(member.id()).orElseThrow().fingerprint())
                    .as("nothing sent")
                    .isEqualTo(demo);

            String french = enrol(
                    page,
                    "Phrase de passe, à nouveau",
                    "Créer une nouvelle clé et remplacer l'ancienne",
                    "Clé enregistrée");
            Browser.assertAccessible(page);

            page.navigate("/committee/key?lang=ar");
            assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
            assertThat(page.locator("#current-fingerprint").textContent())
                    .isEqualTo(keys.currentKey(member.id()).orElseThrow().shortFingerprint());
            Browser.assertAccessible(page);
            page.getByLabel("عبارة مرور ملف المفتاح").fill(PASSPHRASE);
            page.getByLabel("الاحتفاظ أيضًا بنسخة من ملف المفتاح في هذا المتصفح")
                    .check();
            String arabic = enrol(page, "عبارة المرور مرة أخرى", "إنشاء مفتاح جديد واستبدال القديم", "سُجّل المفتاح");
            assertThat(arabic).isNotEqualTo(french);
            assertThat(page.locator("#key-kept").isVisible()).isTrue();
            Object kept = page.evaluate("""
                    fingerprint => new Promise((resolve, reject) => {
                      const open = indexedDB.open("baobab", 1);
                      open.onerror = () => reject(open.error);
                      open.onsuccess = () => {
                        const get = open.result.transaction("committee-keys").objectStore("committee-keys")
                          .get(fingerprint);
                        get.onsuccess = () => resolve(get.result ? get.result.keyFile : null);
                        get.onerror = () => reject(get.error);
                      };
                    })""", arabic);
            assertThat(KeyFile.fromJson((String) kept).fingerprint())
                    .as("the copy kept in the browser is the key file, still encrypted")
                    .isEqualTo(arabic);
            Browser.assertAccessible(page);
            Browser.screenshot(page, "committee-key-ar");
        } finally {
            // put the demo key back (test only: the platform itself never revives a revoked key)
            jdbc.sql("update opening_committee_key set revoked_at = now() where user_id = :u and revoked_at is null")
                    .param("u", member.id())
                    .update();
            jdbc.sql("update opening_committee_key set revoked_at = null where fingerprint = :f")
                    .param("f", demo)
                    .update();
            // and enrol it again in the transparency log, with a fresh proof of possession, so that the log's
            // enrolled key is the one the sets fixed from now on use (SealToolMonitorTests checks it)
            org.baobab.bidding.sealing.MemberKey demoKey = OpeningFixtures.demoKey(MEMBER);
            org.baobab.bidding.sealing.ProofOfPossession.Challenge challenge =
                    org.baobab.bidding.sealing.ProofOfPossession.challenge(new java.security.SecureRandom());
            transactions.executeWithoutResult(status -> log.keyEnrolled(
                    member.id(),
                    demoKey.publicKey(),
                    challenge.challenge(),
                    challenge.serverPoint(),
                    challenge.serverPrivateKey(),
                    org.baobab.bidding.sealing.ProofOfPossession.answer(
                            demoKey, challenge.challenge(), challenge.serverPoint()),
                    java.time.Instant.now()));
        }
        assertThat(keys.currentKey(member.id()).orElseThrow().fingerprint()).isEqualTo(demo);
    }

    /** Types the confirmation, submits, captures the key file; returns the fingerprint enrolled. */
    private String enrol(Page page, String confirmLabel, String button, String done) throws Exception {
        CurrentUser member = fixtures.user(MEMBER);
        page.getByLabel(confirmLabel).fill(PASSPHRASE);
        Download download =
                page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                        .click());
        page.locator("#enrol-status")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(done))
                .waitFor();
        KeyFile file = KeyFile.fromJson(Files.readString(download.path(), StandardCharsets.UTF_8));
        assertThat(download.suggestedFilename())
                .startsWith("baobab-committee-key-")
                .endsWith(".bkf.json");
        String stored = keys.currentKey(member.id()).orElseThrow().fingerprint();
        assertThat(file.fingerprint()).isEqualTo(stored);
        assertThat(file.iterations()).isEqualTo(KeyFile.ITERATIONS);
        assertThat(file.open(PASSPHRASE.toCharArray()).publicKey()).isEqualTo(file.publicKey());
        assertThat(page.locator("#enrol-status").textContent())
                .contains(file.publicKey().shortFingerprint());
        assertThat(page.locator("#current-fingerprint").textContent())
                .isEqualTo(file.publicKey().shortFingerprint());
        return stored;
    }
}
