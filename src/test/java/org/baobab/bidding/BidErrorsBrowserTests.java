// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.baobab.Browser;
import org.baobab.BrowserTest;
import org.baobab.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The bid page in Chromium clears each error as soon as the bidder fixes it: the banner saying no lot was chosen goes
 * once a lot is ticked, an amount's error once the amount reads well, the declaration's once it is ticked; nothing is
 * sent meanwhile.
 */
@IntegrationTest
@BrowserTest
class BidErrorsBrowserTests {

    private final int port;
    private final BidFixtures fixtures;

    BidErrorsBrowserTests(@Value("${local.server.port}") int port, BidFixtures fixtures) {
        this.port = port;
        this.fixtures = fixtures;
    }

    @Test
    void eachErrorGoesAsSoonAsItIsFixed() throws Exception {
        String ocid = fixtures.openNotice(
                "Erreurs corrigées " + UUID.randomUUID().toString().substring(0, 8));
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            Browser.signIn(page, "offres@sahel-numerique.demo");
            page.navigate("/bids/" + ocid);
            var submit =
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sceller et déposer l'offre"));

            // nothing chosen: the banner says so, and the declaration is missing
            submit.click();
            assertThat(page.locator("#bid-error").isVisible()).isTrue();
            assertThat(page.locator("#bid-error").textContent()).isNotBlank();
            assertThat(page.locator("#bid-honour-error").textContent()).contains("déclaration sur l'honneur");

            // a lot ticked: the banner goes at once, with no new submission
            page.getByLabel("Lot 1 : Lot 1 : ordinateurs portables").check();
            assertThat(page.locator("#bid-error").isHidden()).isTrue();

            // submitted again without an amount: the amount's error, gone once the amount reads well
            submit.click();
            assertThat(page.locator("#single-amount-1-error").textContent()).contains("montant en chiffres");
            page.locator("#single-amount-1").fill("12 500 000");
            assertThat(page.locator("#single-amount-1-error").textContent()).isEmpty();
            assertThat(page.locator("#single-amount-1").getAttribute("aria-invalid"))
                    .isNull();

            // the declaration ticked: its error goes too
            page.getByLabel("Je déclare sur l'honneur", new Page.GetByLabelOptions().setExact(false))
                    .check();
            assertThat(page.locator("#bid-honour-error").textContent()).isEmpty();
            Browser.assertAccessible(page);
        }
    }
}
