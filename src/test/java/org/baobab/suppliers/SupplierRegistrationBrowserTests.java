// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baobab.suppliers.NewCompanies.company;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baobab.Browser;
import org.baobab.BrowserTest;
import org.baobab.IntegrationTest;
import org.baobab.ReceivedMails;
import org.baobab.TestSmtp;
import org.baobab.documents.Samples;
import org.baobab.identity.Accounts;
import org.baobab.identity.internal.TotpCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;

/**
 * A new supplier, from scratch, in Chromium and in French, as a person from Dakar would go through it: from the home
 * page to the registration form (a weak password first), the verification mail, the first sign-in with the second
 * factor set up from the key shown on the page, the company profile (garbage, then another company's NINEA, then its
 * own identifiers, listed in the directory), what the company sells chosen in the CPV classification, one
 * administrative document, a colleague invited as bid preparer who activates their account, the company found by an
 * anonymous visitor in the public directory by its name and by what it sells, and one page in Arabic. Nothing the
 * person does goes around the browser; every page is checked with axe-core.
 */
@IntegrationTest
@BrowserTest
class SupplierRegistrationBrowserTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    /** The links of the mails point at the configured base URL (no port in tests): the path is what matters. */
    private static final Pattern LINK = Pattern.compile("https?://[^/\"\\s]+(/[a-z\\-/]+\\?token=[A-Za-z0-9_\\-]+)");

    private static final String PASSWORD = "le fleuve Sénégal à Podor 2026";

    private final int port;
    private final Accounts accounts;
    private final SupplierProfiles profiles;

    SupplierRegistrationBrowserTests(
            @Value("${local.server.port}") int port, Accounts accounts, SupplierProfiles profiles) {
        this.port = port;
        this.accounts = accounts;
        this.profiles = profiles;
    }

    @Test
    void aNewSupplierRegistersCompletesItsProfileUploadsADocumentInvitesAColleagueAndIsListed() throws Exception {
        String marker = "Zr" + UUID.randomUUID().toString().substring(0, 6);
        String companyName = "Teranga Énergie " + marker + " SARL";
        String email = "awa.ndiaye-" + marker.toLowerCase() + "@teranga-energie.sn";
        String colleagueEmail = "moussa.sarr-" + marker.toLowerCase() + "@teranga-energie.sn";
        String ninea = NewCompanies.ninea();
        String rccm = NewCompanies.rccm();
        String takenNinea = anotherCompanysNinea();

        try (Browser browser = new Browser(port)) {
            Page page = browser.newPage();

            // 1. from the home page to the registration form; a weak password first
            page.navigate("/");
            Browser.assertAccessible(page);
            page.locator("main")
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Inscrire mon entreprise"))
                    .click();
            page.waitForURL("**/register");
            assertThat(page.locator("h1").textContent()).isEqualTo("Inscrire mon entreprise");
            Browser.assertAccessible(page);
            page.getByLabel("Raison sociale").fill(companyName);
            page.getByLabel("Pays d'immatriculation").selectOption(new SelectOption().setLabel("Sénégal"));
            page.getByLabel("Nom complet").fill("Awa Ndiaye");
            page.getByLabel("Adresse e-mail").fill(email);
            page.getByLabel("Mot de passe").fill("baobab");
            button(page, "Créer le compte").click();
            // the form's error summary (fragments/forms.html): nothing kept, every error named by its field's label
            expect(page.getByRole(AriaRole.ALERT))
                    .containsText("Le formulaire contient des erreurs ; rien n'a été enregistré.");
            expect(page.getByRole(AriaRole.ALERT)).containsText("Mot de passe");
            assertThat(page.url()).endsWith("/register");
            // each error is next to its field and read out with it
            expect(page.getByLabel("Mot de passe")).hasAttribute("aria-invalid", "true");
            expect(page.getByLabel("Mot de passe"))
                    .hasAccessibleDescription(
                            containing("La longueur de ce champ n'est pas valable (12 à 128 caractères)."));
            expect(page.getByLabel("J'accepte les conditions"))
                    .hasAccessibleDescription("Vous devez accepter les conditions pour créer le compte.");
            // what was typed stays, except the password, which is typed again
            expect(page.getByLabel("Raison sociale")).hasValue(companyName);
            expect(page.getByLabel("Pays d'immatriculation")).hasValue("SN");
            expect(page.getByLabel("Nom complet")).hasValue("Awa Ndiaye");
            expect(page.getByLabel("Adresse e-mail")).hasValue(email);
            expect(page.getByLabel("Mot de passe")).isEmpty();
            Browser.assertAccessible(page);

            // a long password that contains the address is refused by the service, next to the field
            page.getByLabel("Mot de passe").fill("mon adresse " + email);
            page.getByLabel("J'accepte les conditions").check();
            button(page, "Créer le compte").click();
            expect(page.getByLabel("Mot de passe"))
                    .hasAccessibleDescription(containing(
                            "Mot de passe trop faible : 12 caractères au moins, sans reprendre votre adresse e-mail."));
            expect(page.getByLabel("Raison sociale")).hasValue(companyName);
            expect(page.getByLabel("J'accepte les conditions")).isChecked();
            Browser.assertAccessible(page);

            page.getByLabel("Mot de passe").fill(PASSWORD);
            button(page, "Créer le compte").click();
            page.waitForURL("**/register/done");
            assertThat(page.locator("main").textContent()).contains("Nous vous avons envoyé un e-mail");
            Browser.assertAccessible(page);

            // 2. the verification mail, then the first sign-in: the second factor is set up from the key shown
            page.navigate(linkIn(mailTo(email, "Vérifiez votre adresse e-mail sur Baobab", "/verify-email?token=")));
            page.waitForURL("**/login?verified");
            expect(page.getByRole(AriaRole.STATUS)).hasText("Votre adresse est vérifiée : vous pouvez vous connecter.");
            Browser.assertAccessible(page);
            page.getByLabel("Adresse e-mail").fill(email);
            page.getByLabel("Mot de passe").fill(PASSWORD);
            button(page, "Se connecter").click();
            page.waitForURL("**/account/second-factor/setup");
            Browser.assertAccessible(page);
            expect(page.getByRole(
                            AriaRole.IMG,
                            new Page.GetByRoleOptions()
                                    .setName("Code QR de configuration de l'application d'authentification")))
                    .isVisible();
            String secret = page.locator("#totp-secret").textContent().replace(" ", "");
            assertThat(secret).matches("[A-Z2-7]{16,}");
            page.getByLabel("Code à usage unique").fill(TotpCodes.now(secret));
            button(page, "Activer et continuer").click();
            page.waitForURL("**/account");
            assertThat(page.locator("#account-name").textContent()).isEqualTo("Awa Ndiaye");
            assertThat(page.locator("main table").textContent())
                    .contains(companyName, "Administrateur de l'entreprise");
            Browser.assertAccessible(page);

            // 3. the company profile: garbage, then another company's NINEA, then its own identifiers
            link(page, "Mon entreprise").click();
            page.waitForURL("**/supplier/profile");
            Browser.assertAccessible(page);
            expect(page.getByLabel("Raison sociale")).hasValue(companyName);
            // every kind of field is drawn as a field: phone and website as wide as the city, not the browser's default
            double fieldWidth = page.getByLabel("Ville").boundingBox().width;
            assertThat(page.getByLabel("Téléphone").boundingBox().width).isEqualTo(fieldWidth);
            assertThat(page.getByLabel("Site web").boundingBox().width).isEqualTo(fieldWidth);
            page.getByLabel("NINEA").fill("<script>");
            page.getByLabel("RCCM").fill(rccm);
            page.getByLabel("Ville").fill("Thiès");
            page.getByLabel("Figurer dans l'annuaire public des entreprises").check();
            button(page, "Enregistrer le profil").click();
            expect(page.getByRole(AriaRole.ALERT))
                    .hasText("« <script> » n'est pas un identifiant NINEA valable : lettres, chiffres, espaces, points,"
                            + " barres et tirets seulement, 3 à 40 caractères.");
            expect(page.getByLabel("NINEA")).hasValue("<script>");
            // the refused field says so itself, with the message next to it
            expect(page.getByLabel("NINEA")).hasAttribute("aria-invalid", "true");
            expect(page.getByLabel("NINEA"))
                    .hasAccessibleDescription(containing("« <script> » n'est pas un identifiant NINEA valable"));
            expect(page.getByLabel("RCCM")).not().hasAttribute("aria-invalid", "true");
            expect(page.getByLabel("Ville")).hasValue("Thiès");
            Browser.assertAccessible(page);
            UUID companyId = company(accounts.currentUserByEmail(email).orElseThrow());
            assertThat(profiles.profile(companyId)).as("nothing saved").isEmpty();

            page.getByLabel("NINEA").fill(takenNinea);
            button(page, "Enregistrer le profil").click();
            expect(page.getByRole(AriaRole.ALERT))
                    .hasText("Le NINEA « " + takenNinea + " » est déjà celui d'une autre entreprise inscrite."
                            + " S'il s'agit de la vôtre, demandez à son administrateur de vous inviter.");
            expect(page.getByLabel("NINEA")).hasValue(takenNinea);
            expect(page.getByLabel("NINEA"))
                    .hasAccessibleDescription(containing("est déjà celui d'une autre entreprise inscrite"));
            Browser.assertAccessible(page);
            assertThat(profiles.profile(companyId)).as("nothing saved").isEmpty();
            // what was typed is only kept for the next page: a fresh visit shows what is saved, i.e. nothing yet
            page.navigate("/supplier/profile");
            expect(page.getByLabel("NINEA")).hasValue("");

            page.getByLabel("NINEA").fill(ninea);
            page.getByLabel("RCCM").fill(rccm);
            page.getByLabel("Ville").fill("Thiès");
            page.getByLabel("Figurer dans l'annuaire public des entreprises").check();
            page.getByLabel("RIB ou IBAN").fill("SN012 01001 " + marker);
            button(page, "Enregistrer le profil").click();
            expect(page.getByRole(AriaRole.STATUS)).hasText("Le profil est enregistré.");
            expect(page.getByRole(AriaRole.ALERT)).hasCount(0);
            expect(page.getByLabel("NINEA")).hasValue(ninea);
            expect(page.getByLabel("NINEA")).not().hasAttribute("aria-invalid", "true");
            expect(page.getByLabel("RCCM")).hasValue(rccm);
            expect(page.getByLabel("Figurer dans l'annuaire public des entreprises"))
                    .isChecked();
            Browser.assertAccessible(page);

            // 4. what the company sells, from the profile page: the CPV classification searched in words
            link(page, "Choisir les domaines de l'entreprise").click();
            page.waitForURL("**/supplier/categories");
            assertThat(page.locator("h1").textContent()).isEqualTo("Ce que l'entreprise vend");
            expect(page.locator("main")).containsText("Aucun domaine choisi pour l'instant.");
            Browser.assertAccessible(page);
            page.getByLabel("Mots ou début de code").fill("logiciels");
            button(page, "Chercher").click();
            page.waitForURL("**/supplier/categories?q=logiciels");
            Browser.assertAccessible(page);
            button(page, "Ajouter le code 48000000").click();
            expect(page.getByRole(AriaRole.STATUS)).hasText("Code 48000000 ajouté.");
            expect(page.locator("main ul.cpv-codes li")).hasCount(1);
            expect(page.locator("main ul.cpv-codes li")).containsText("Logiciels et systèmes d'information");
            Browser.assertAccessible(page);

            // 5. one administrative document, with its dates
            link(page, "Mes documents").click();
            page.waitForURL("**/supplier/documents");
            Browser.assertAccessible(page);
            LocalDate today =
                    LocalDate.parse(page.getByLabel("Date de délivrance").getAttribute("max"));
            assertThat(page.getByLabel("Date de délivrance").boundingBox().width)
                    .isEqualTo(page.getByLabel("Fichier").boundingBox().width);
            page.getByLabel("Pièce").selectOption(new SelectOption().setLabel("Attestation de régularité fiscale"));
            page.getByLabel("Fichier")
                    .setInputFiles(new FilePayload("attestation-fiscale.pdf", "application/pdf", Samples.pdf(marker)));
            page.getByLabel("Date de délivrance").fill(today.minusMonths(1).toString());
            page.getByLabel("Valable jusqu'au").fill(today.plusMonths(5).toString());
            button(page, "Déposer un document").click();
            expect(page.getByRole(AriaRole.STATUS))
                    .hasText("Le document est déposé ; il remplace le précédent de même nature.");
            Locator row = page.getByRole(AriaRole.ROW)
                    .filter(new Locator.FilterOptions().setHasText("Attestation de régularité fiscale"));
            expect(row).containsText("attestation-fiscale.pdf");
            expect(row).containsText("valide");
            expect(row).containsText("en attente de vérification");
            // the dates read as dates in French, not in ISO
            expect(row).containsText("délivré le " + mediumDate(today.minusMonths(1), Locale.FRENCH));
            expect(row).containsText("valable jusqu'au " + mediumDate(today.plusMonths(5), Locale.FRENCH));
            expect(row).not().containsText(today.minusMonths(1).toString());
            Browser.assertAccessible(page);

            // 6. a colleague invited as bid preparer, from the members page
            link(page, "Mon compte").click();
            page.waitForURL("**/account");
            link(page, "Gérer les membres").click();
            page.waitForURL("**/organisation/*/members");
            Browser.assertAccessible(page);
            page.getByLabel("Nom complet").fill("Moussa Sarr");
            page.getByLabel("Adresse e-mail").fill(colleagueEmail);
            // exactly: every "Retirer ce rôle à …" button's name has the word in it too
            page.getByLabel("Rôle", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setLabel("Préparateur d'offres"));
            button(page, "Envoyer l'invitation").click();
            expect(page.getByRole(AriaRole.STATUS)).hasText("Invitation envoyée à " + colleagueEmail + ".");
            Browser.assertAccessible(page);
            // the invitation waits for the colleague, listed as such
            Locator pending = page.getByRole(
                            AriaRole.TABLE, new Page.GetByRoleOptions().setName("Invitations en attente"))
                    .getByRole(AriaRole.ROW)
                    .filter(new Locator.FilterOptions().setHasText(colleagueEmail));
            expect(pending).containsText("Préparateur d'offres");
            expect(pending).containsText(mediumDate(today, Locale.FRENCH));
            String invitation = mailTo(colleagueEmail, "Invitation à rejoindre Baobab", "/invitation?token=");
            assertThat(invitation).contains(companyName, "Préparateur d'offres");

            Page colleague = browser.newPage();
            colleague.navigate(linkIn(invitation));
            Browser.assertAccessible(colleague);
            colleague.getByLabel("Nom complet").fill("Moussa Sarr");
            colleague.getByLabel("Mot de passe").fill("la pirogue de Moussa 2026");
            button(colleague, "Activer mon compte").click();
            colleague.waitForURL("**/login?welcome");
            colleague.getByLabel("Adresse e-mail").fill(colleagueEmail);
            colleague.getByLabel("Mot de passe").fill("la pirogue de Moussa 2026");
            button(colleague, "Se connecter").click();
            colleague.waitForURL("**/account/second-factor/setup");
            colleague
                    .getByLabel("Code à usage unique")
                    .fill(TotpCodes.now(
                            colleague.locator("#totp-secret").textContent().replace(" ", "")));
            button(colleague, "Activer et continuer").click();
            colleague.waitForURL("**/account");
            assertThat(colleague.locator("main table").textContent()).contains(companyName, "Préparateur d'offres");
            // the profile is the admin's to edit: the colleague reads it
            link(colleague, "Mon entreprise").click();
            colleague.waitForURL("**/supplier/profile");
            assertThat(colleague.locator("main .lead").textContent())
                    .isEqualTo("Seul l'administrateur de l'entreprise peut modifier ce profil.");
            expect(colleague.getByLabel("NINEA")).isDisabled();
            expect(colleague.getByLabel("NINEA")).hasValue(ninea);
            Browser.assertAccessible(colleague);

            page.reload();
            Locator member =
                    page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(colleagueEmail));
            expect(member).containsText("Préparateur d'offres");
            expect(member).containsText("Activé");
            expect(page.locator("main")).containsText("Aucune invitation en attente.");

            // 7. an anonymous visitor finds the company in the public directory, without typing the accent
            Page visitor = browser.newPage();
            visitor.navigate("/");
            visitor.locator("footer")
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Annuaire des entreprises"))
                    .click();
            visitor.waitForURL("**/suppliers");
            Browser.assertAccessible(visitor);
            visitor.getByLabel("Nom de l'entreprise").fill("teranga energie " + marker.toLowerCase());
            visitor.getByLabel("Pays").selectOption(new SelectOption().setLabel("Sénégal"));
            button(visitor, "Filtrer").click();
            visitor.waitForURL("**/suppliers?**");
            Locator listed =
                    visitor.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(companyName));
            expect(listed).hasCount(1);
            expect(listed).containsText("Thiès");
            expect(listed).containsText(ninea);
            expect(listed).containsText(rccm);
            expect(visitor.locator("main")).not().containsText("SN012 01001");
            Browser.assertAccessible(visitor);
            // and by what it sells, without its name: the CPV code its admin chose
            visitor.getByLabel("Nom de l'entreprise").fill("");
            visitor.getByLabel("Domaine (code CPV)").fill("48000000");
            button(visitor, "Filtrer").click();
            visitor.waitForURL(url -> url.contains("cpv=48000000"));
            expect(listed).hasCount(1);
            expect(listed).containsText("48000000");
            Browser.assertAccessible(visitor);
            visitor.getByLabel("Domaine (code CPV)").fill("45000000");
            button(visitor, "Filtrer").click();
            visitor.waitForURL(url -> url.contains("cpv=45000000"));
            expect(listed).hasCount(0); // it does not build roads

            // 8. a signed-in supplier page in Arabic, right to left, its dates in Arabic
            page.navigate("/supplier/documents");
            page.locator("a[hreflang=ar]").click();
            page.waitForURL("**/supplier/documents?lang=ar");
            assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ar");
            Locator arabic = page.getByRole(AriaRole.ROW)
                    .filter(new Locator.FilterOptions().setHasText("attestation-fiscale.pdf"));
            expect(arabic).hasCount(1);
            expect(arabic).containsText(mediumDate(today.plusMonths(5), Locale.forLanguageTag("ar")));
            expect(arabic).not().containsText(today.plusMonths(5).toString());
            Browser.assertAccessible(page);
            Browser.screenshot(page, "supplier-documents-ar");
        }
    }

    /** A company registered and profiled by its own admin, earlier: its NINEA is taken. */
    private String anotherCompanysNinea() {
        return NewCompanies.profile(profiles, NewCompanies.register(accounts, "SN"), "Autre Entreprise SARL", false);
    }

    /** A date as the pages show it to a reader of that language. */
    private static String mediumDate(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(date);
    }

    /** Playwright's web-first assertion: retried until the page shows it (or 5 s have passed). */
    private static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    /** A pattern finding the text anywhere, escaped by hand: Playwright gives it to JavaScript (no {@code \Q}). */
    private static Pattern containing(String text) {
        return Pattern.compile(text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0"));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The one mail to that address with that subject and that link in it, decoded. */
    private static String mailTo(String to, String subject, String containing) throws InterruptedException {
        List<String> mails = ReceivedMails.await(smtp, to, subject, containing, 1);
        assertThat(mails).as("mail '%s' to %s", subject, to).hasSize(1);
        return mails.get(0);
    }

    /** The path and token of the link in the mail (the HTML part escapes nothing in it). */
    private static String linkIn(String mail) {
        Matcher link = LINK.matcher(mail);
        assertThat(link.find()).as("a link in %s", mail).isTrue();
        return link.group(1);
    }
}
