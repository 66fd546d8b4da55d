// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.baobab.Browser;
import org.baobab.BrowserTest;
import org.baobab.IntegrationTest;
import org.baobab.identity.internal.SignIn;
import org.baobab.identity.internal.TotpCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The demo supplier's admin at work, in Chromium: the dashboard shows the open demo notices in the company's fields;
 * the classification is searched in French and a field added in one click; an alert by field is created; the
 * notification centre opens. Every page is checked with axe-core, in French and in Arabic.
 */
@IntegrationTest
@BrowserTest
class SupplierPagesBrowserTests {

    private final int port;

    SupplierPagesBrowserTests(@Value("${local.server.port}") int port) {
        this.port = port;
    }

    @Test
    void theSuppliersPagesWorkAndAreAccessibleInFrenchAndArabic() {
        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();
            page.navigate("/login");
            page.getByLabel("Adresse e-mail").fill("admin@sahel-numerique.demo");
            page.getByLabel("Mot de passe").fill("Baobab-Demo-2026");
            page.locator("main button[type=submit]").click();
            page.waitForURL("**/login/second-factor");
            page.getByLabel("Code à usage unique").fill(TotpCodes.now(SignIn.DEMO_TOTP_SECRET));
            page.locator("main button[type=submit]").click();
            page.waitForURL("**/account");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tableau de bord"))
                    .click();
            page.waitForURL("**/supplier");
            assertThat(page.locator("h1").textContent()).isEqualTo("Sahel Numérique SARL");
            assertThat(page.locator("main").textContent())
                    .as("the demo notice for laptops is under the company's field 30200000")
                    .contains("Acquisition d'équipements informatiques pour les districts sanitaires");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "supplier-dashboard-fr");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ce que l'entreprise vend"))
                    .first()
                    .click();
            page.waitForURL("**/supplier/categories");
            page.getByLabel("Mots ou début de code").fill("médicaments");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chercher"))
                    .click();
            page.waitForURL("**/supplier/categories?q=*");
            Browser.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter le code 33690000"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("Code 33690000 ajouté.");
            assertThat(page.locator("main").textContent()).contains("Déjà choisi");
            Browser.assertAccessible(page);

            page.navigate("/alerts");
            page.getByLabel("Domaines (codes CPV)").fill("45000000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer l'alerte"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first().textContent()).contains("alerte");
            assertThat(page.locator("main table").textContent()).contains("45000000");
            Browser.assertAccessible(page);

            page.navigate("/notifications");
            Browser.assertAccessible(page);
            page.navigate("/classification/33690000");
            Browser.assertAccessible(page);

            page.navigate("/supplier?lang=ar");
            assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "supplier-dashboard-ar");
            for (String path : new String[] {"/supplier/categories?q=logiciels", "/alerts", "/notifications"}) {
                page.navigate(path);
                assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
                Browser.assertAccessible(page);
            }
        }
    }
}
