// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baobab.Browser;
import org.baobab.BrowserTest;
import org.baobab.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On a phone nothing is wider than the screen: at 320 and 375 CSS pixels, in Chromium, the document of every public
 * page and of the main pages of each role is no wider than the viewport (no horizontal scroll), and on the notices page
 * the list comes before the folded filters.
 */
@IntegrationTest
@BrowserTest
class PhoneLayoutBrowserTests {

    private static final int[] WIDTHS = {320, 375};

    /** Each demo role's main pages, beyond {@code /account} and {@code /notifications}. */
    private static final Map<String, List<String>> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("admin@sahel-numerique.demo", List.of("/supplier", "/supplier/profile", "/supplier/documents"));
        ROLES.put("offres@sahel-numerique.demo", List.of("/supplier", "/bids"));
        ROLES.put("acheteur@sante.demo", List.of("/buyer/plans", "/buyer/processes", "/verification/documents"));
        ROLES.put("prm@sante.demo", List.of("/buyer/processes", "/evaluation"));
        ROLES.put("commission1@sante.demo", List.of("/evaluation", "/committee/key"));
        ROLES.put("controleur@dcmp.demo", List.of("/review", "/award/reviews"));
        ROLES.put("auditeur@arcop.demo", List.of("/audit", "/verification/documents"));
        ROLES.put("crd@arcop.demo", List.of("/regulator/complaints", "/regulator/exclusions"));
        ROLES.put("admin@arcop.demo", List.of("/admin/organisations", "/admin/mail-log"));
    }

    private final int port;
    private final JdbcClient jdbc;

    PhoneLayoutBrowserTests(@Value("${local.server.port}") int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    @Test
    void noPageIsWiderThanAPhone() {
        String ocid = jdbc.sql("select ocid from tendering_process where status = 'PUBLISHED' order by ocid limit 1")
                .query(String.class)
                .single();
        List<String> publicPages = List.of(
                "/",
                "/notices",
                "/notices/" + ocid,
                "/notices?minValue=abc",
                "/transparency",
                "/plans",
                "/rules",
                "/open-data",
                "/developers",
                "/suppliers",
                "/suppliers/excluded",
                "/incidents",
                "/alerts",
                "/login",
                "/register",
                "/plans/garbage",
                "/?lang=ar",
                "/notices?lang=ar");
        List<String> tooWide = new ArrayList<>();
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            measure(page, publicPages, tooWide);
            for (var role : ROLES.entrySet()) {
                Page signedIn = browser.newPage();
                Browser.signIn(signedIn, role.getKey());
                List<String> pages = new ArrayList<>(List.of("/account", "/notifications"));
                pages.addAll(role.getValue());
                measure(signedIn, pages, tooWide);
                signedIn.context().close();
            }
        }
        assertThat(tooWide).as("pages wider than the phone").isEmpty();
    }

    @Test
    void onAPhoneTheNoticesComeBeforeTheFoldedFilters() {
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            page.setViewportSize(375, 800);
            page.navigate("/notices");
            // the filters beyond the words are folded: their fields are not shown until the reader opens them
            assertThat(page.locator("details.more-filters").getAttribute("open"))
                    .isNull();
            assertThat(page.locator("#minValue").isVisible()).isFalse();
            double firstNotice = page.locator(".notice-list li").first().boundingBox().y;
            assertThat(firstNotice)
                    .as("the first notice within the first screen")
                    .isLessThan(800);
            page.locator("details.more-filters summary").click();
            assertThat(page.locator("#minValue").isVisible()).isTrue();
            Browser.assertAccessible(page);
        }
    }

    private static void measure(Page page, List<String> paths, List<String> tooWide) {
        for (int width : WIDTHS) {
            page.setViewportSize(width, 800);
            for (String path : paths) {
                page.navigate(path);
                int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
                if (scrollWidth > width) {
                    Object culprits = page.evaluate(
                            "w => Array.from(document.querySelectorAll('body *'))"
                                    + ".filter(e => e.getBoundingClientRect().right > w + 1 || e.getBoundingClientRect().left < -1)"
                                    + ".slice(-3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width))",
                            width);
                    tooWide.add(path + " at " + width + " px: " + scrollWidth + " px wide " + culprits);
                }
            }
        }
    }
}
