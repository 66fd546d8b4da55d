// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.baobab.Browser;
import org.baobab.BrowserTest;
import org.baobab.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A refused form in Chromium, in Arabic on a 375-pixel phone: the error summary is announced (role=alert, focused),
 * names each field by its Arabic label and links to it, each field is described by its message, and axe finds no
 * serious WCAG 2.1 AA violation.
 */
@IntegrationTest
@BrowserTest
class FormErrorsBrowserTests {

    private final int port;

    FormErrorsBrowserTests(@Value("${local.server.port}") int port) {
        this.port = port;
    }

    @Test
    void anInvalidFormInArabicOnAPhoneAnnouncesItsSummaryWhichLinksToTheFields() {
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage("ar", 375, 812);
            page.navigate("/register?lang=ar");
            page.locator("#companyName").fill("");
            page.locator("#fullName").fill("");
            page.locator("#email").fill("pas-une-adresse");
            page.locator("#password").fill("court");
            page.locator("main form button[type=submit]").click();
            page.waitForLoadState();

            assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
            Locator summary = page.locator(".error-summary");
            assertThat(summary.getAttribute("role")).isEqualTo("alert");
            assertThat((Boolean) page.evaluate("() => document.activeElement.classList.contains('error-summary')"))
                    .as("the summary has the focus, so that it is read first")
                    .isTrue();
            Locator links = summary.locator("a");
            assertThat(links.count()).isEqualTo(5);
            for (String field : List.of("companyName", "fullName", "email", "password", "acceptTerms")) {
                Locator link = summary.locator("a[href='#" + field + "']");
                assertThat(link.count()).as("one link to " + field).isEqualTo(1);
                String label =
                        page.locator("label[for=" + field + "]").textContent().strip();
                assertThat(link.textContent())
                        .as("the link names the field by its label")
                        .startsWith(label);
                assertThat(link.textContent()).doesNotContain(field);
                Locator input = page.locator("#" + field);
                assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
                assertThat(input.getAttribute("aria-describedby")).contains(field + "-error");
                assertThat(page.locator("#" + field + "-error").textContent()).isNotBlank();
            }
            var box = summary.boundingBox();
            assertThat(box.x).as("the summary starts on the screen").isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width)
                    .as("the summary fits the phone's width")
                    .isLessThanOrEqualTo(375);
            summary.locator("a[href='#email']").click();
            assertThat(page.url()).endsWith("#email");
            Browser.assertAccessible(page);
        }
    }
}
