// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.baobab.Browser;
import org.baobab.BrowserTest;
import org.baobab.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The notice editor walked in Chromium on a 375-pixel-wide phone by the demo PRM: a first step refused with its errors
 * listed, the process created, the lots saved and the editor left, resumed from the process page at the first step left
 * to do, the dates, a document, the committee and the review, ending with a notice ready to send for review or
 * publish; then every step in Arabic, right to left. Each page is checked with axe-core and its content fits the
 * screen.
 */
@IntegrationTest
@BrowserTest
class NoticeEditorBrowserTests {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String[] STEPS = {"what", "lots", "dates", "documents", "committee", "review"};

    private final int port;

    NoticeEditorBrowserTests(@Value("${local.server.port}") int port) {
        this.port = port;
    }

    @Test
    void thePrmWritesANoticeStepByStepOnAPhoneAndResumesIt() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String title = "Kits de dépistage " + marker;
        LocalDateTime dakar =
                LocalDateTime.now(ZoneId.of("Africa/Dakar")).withSecond(0).withNano(0);
        try (Browser browser = new Browser(port)) {
            Page prm = browser.newPage();
            prm.setViewportSize(375, 812);
            Browser.signIn(prm, TenderingFixtures.PRM);
            prm.navigate("/buyer/processes?lang=fr");
            prm.locator("a.button[href*='/buyer/processes/new?authority=']")
                    .first()
                    .click();
            prm.waitForURL("**/buyer/processes/new**");
            fits(prm);

            // leaving the first step empty: every error at once, each a link to its field
            prm.locator("#reference").fill("");
            prm.locator("button[value=next]").click();
            prm.waitForLoadState();
            assertThat(prm.locator("#error-summary").textContent())
                    .contains("Motif du lancement hors plan de passation : ce champ est obligatoire.")
                    .contains("Référence : ce champ est obligatoire.")
                    .contains("Objet : ce champ est obligatoire.");
            assertThat(prm.locator("#title-error").textContent()).contains("Objet : ce champ est obligatoire.");
            fits(prm);

            prm.locator("#outOfPlanReason").fill("Épidémie de choléra déclarée le mois dernier.");
            prm.locator("#reference").fill("MSAS-KIT-" + marker);
            prm.locator("#title").fill(title);
            prm.locator("#description").fill("Dix mille kits de dépistage rapide du choléra.");
            prm.locator("#estimatedValue").fill("90000000");
            prm.locator("#classification").fill("33140000");
            prm.locator("button[value=next]").click();
            prm.waitForURL("**/steps/lots");
            assertThat(prm.locator("[role=status]").first().textContent()).contains("Procédure créée");
            prm.locator("#lots-0-title").fill("Kits de dépistage rapide");
            prm.locator("#lots-0-estimatedValue").fill("90000000");
            // the buyer stops here and comes back later
            prm.locator("button[value=leave]").click();
            prm.waitForURL("**/buyer/processes/*-*");
            String process = prm.url();
            assertThat(prm.locator("nav.steps li.done").count()).isEqualTo(2);
            fits(prm);

            prm.navigate("/buyer/processes?lang=fr");
            prm.navigate(process);
            prm.locator("a.button[href$='/steps/dates']").click();
            prm.waitForURL("**/steps/dates");
            assertThat(prm.locator("#rules-dates").textContent()).contains("Délai minimum de remise des offres");
            prm.locator("#clarificationDeadline").fill(dakar.plusDays(20).format(LOCAL));
            prm.locator("#submissionDeadline").fill(dakar.plusDays(35).format(LOCAL));
            prm.locator("#openingAt").fill(dakar.plusDays(35).plusHours(1).format(LOCAL));
            prm.locator("#openingPlace").fill("Salle de réunion, MSAS, Dakar");
            fits(prm);
            prm.locator("button[value=next]").click();
            prm.waitForURL("**/steps/documents");
            prm.locator("#doc-file")
                    .setInputFiles(new FilePayload(
                            "dao-" + marker + ".txt",
                            "text/plain",
                            "Dossier d'appel d'offres".getBytes(StandardCharsets.UTF_8)));
            prm.locator("#doc-title").fill("Dossier d'appel d'offres " + marker);
            prm.locator("form[enctype] button[type=submit]").click();
            prm.waitForURL("**/steps/documents");
            assertThat(prm.locator("main").textContent()).contains("Dossier d'appel d'offres " + marker);
            fits(prm);
            prm.locator("button[value=next]").click();
            prm.waitForURL("**/steps/committee");
            assertThat(prm.locator("main a[href$='/committee']").count()).isPositive();
            fits(prm);
            prm.locator("button[value=next]").click();
            prm.waitForURL("**/steps/review");
            assertThat(prm.locator(".checks").textContent()).doesNotContain("Bloquant");
            assertThat(prm.locator("form[action$='/submit'] button").isVisible())
                    .isTrue();
            assertThat(prm.locator("form[action$='/publish'] button").isVisible())
                    .isTrue();
            fits(prm);

            prm.navigate(process);
            assertThat(prm.locator("nav.steps li.done").count()).isEqualTo(5);

            // every step in Arabic, right to left
            for (String step : STEPS) {
                prm.navigate(process + "/steps/" + step + "?lang=ar");
                assertThat(prm.locator("html").getAttribute("dir")).isEqualTo("rtl");
                fits(prm);
            }
            Browser.screenshot(prm, "notice-editor-review-ar");
        }
    }

    /**
     * The page passes axe-core and its content (the {@code main} element: the site's header is the layout's) fits the
     * phone's width, in either direction.
     */
    private static void fits(Page page) {
        Browser.assertAccessible(page);
        Object wide = page.evaluate("() => [...document.querySelectorAll('main, main *')]"
                + ".filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > 376 || r.left < -1); })"
                + ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join(' ')");
        assertThat(wide).as("%s: what is wider than 375 px", page.url()).isEqualTo("");
    }
}
