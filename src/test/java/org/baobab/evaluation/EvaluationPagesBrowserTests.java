// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.baobab.Browser;
import org.baobab.BrowserTest;
import org.baobab.IntegrationTest;
import org.baobab.tendering.NoticeSummary;
import org.baobab.tendering.Notices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The evaluation and award pages of the demo history, in Chromium: a committee member's work list, the evaluation
 * page where she marks on her own, an approved report; the PRM's award page; the public notice of a suspended award.
 * Every page is checked with axe-core, in French and in Arabic.
 */
@IntegrationTest
@BrowserTest
class EvaluationPagesBrowserTests {

    private final int port;
    private final Notices notices;

    EvaluationPagesBrowserTests(@Value("${local.server.port}") int port, Notices notices) {
        this.port = port;
        this.notices = notices;
    }

    private String ocid(String reference) {
        List<NoticeSummary> found = notices.withReference(reference);
        assertThat(found).as(reference).hasSize(1);
        return found.get(0).ocid();
    }

    private static void signIn(Page page, String email) {
        Browser.signIn(page, email);
    }

    @Test
    void theCommitteeAndThePrmFindTheirWorkAndEveryPageIsAccessible() {
        String evaluating = ocid("MSAS-2026-AOO-102");
        String awarded = ocid("MSAS-2026-AOO-105");
        String standstill = ocid("MSAS-2026-AOO-103");
        String suspended = ocid("MSAS-2026-AOO-104");
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            signIn(page, "commission2@sante.demo");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ouvertures et évaluations"))
                    .click();
            page.waitForURL("**/evaluation");
            assertThat(page.locator("main").textContent())
                    .contains("Acquisition de mobilier de bureau pour les districts sanitaires", "PV publié");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "evaluation-list-fr");

            // the second member declared but has not marked: her own form, without the others' marks
            page.navigate("/evaluation/" + evaluating);
            assertThat(page.locator("h2").allTextContents()).contains("Mon évaluation");
            assertThat(page.locator("main").textContent())
                    .doesNotContain("Notes des membres")
                    .contains("Relevé à l'ouverture : présente", "offre-technique.txt");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "evaluation-marks-fr");

            page.navigate("/evaluation/" + awarded + "/report");
            assertThat(page.locator("main").textContent())
                    .contains("Rapport d'évaluation des offres", "Sahel Numérique SARL", "Proposé pour l'attribution");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "evaluation-report-fr");

            page.navigate("/evaluation/" + evaluating + "?lang=ar");
            assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
            Browser.assertAccessible(page);
            page.navigate("/evaluation/" + awarded + "/report?lang=ar");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "evaluation-report-ar");
            page.navigate("/evaluation?lang=fr");
        }
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            signIn(page, "prm@sante.demo");
            page.navigate("/award/" + standstill);
            assertThat(page.locator("main").textContent()).contains("Teranga Bureautique SA");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "award-standstill-fr");
            page.navigate("/award/" + standstill + "?lang=ar");
            Browser.assertAccessible(page);
            page.navigate("/evaluation?lang=fr");
        }
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            page.navigate("/notices/" + suspended);
            assertThat(page.locator("main").textContent()).contains("Dakar Médical Équipements SARL");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "notice-suspended-award-fr");
            page.navigate("/notices/" + suspended + "?lang=ar");
            Browser.assertAccessible(page);
            page.navigate("/notices/" + suspended + "?lang=fr");
        }
    }
}
