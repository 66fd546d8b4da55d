// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baobab.suppliers.NewCompanies.code;
import static org.baobab.suppliers.NewCompanies.company;
import static org.baobab.suppliers.NewCompanies.ninea;
import static org.baobab.suppliers.NewCompanies.rccm;
import static org.baobab.suppliers.NewCompanies.register;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Company profiles: identifiers checked against the country's rule pack (an enforceable requirement refuses, an
 * unverified format warns), garbage and duplicates refused with nothing saved, only the company's admin edits, the
 * directory lists only the companies that chose it, and bank details never leave the company.
 */
@IntegrationTest
class SupplierProfilesTests {

    private final SupplierProfiles profiles;
    private final Accounts accounts;
    private final TenderingFixtures fixtures;
    private final MockMvc mvc;
    private final JdbcClient jdbc;

    SupplierProfilesTests(
            SupplierProfiles profiles, Accounts accounts, TenderingFixtures fixtures, MockMvc mvc, JdbcClient jdbc) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.fixtures = fixtures;
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private static SupplierProfile.Draft draft(String name, boolean listed, Map<String, String> identifiers) {
        return new SupplierProfile.Draft(
                name,
                "SARL",
                "Rue 10",
                "Thiès",
                "+221 77 000 00 00",
                "contact@entreprise.test",
                "https://entreprise.test",
                true,
                false,
                true,
                listed,
                "Banque X",
                "SN000 RIB SECRET 42",
                identifiers);
    }

    /** Six digits: not the usual NINEA shape. */
    private static String oddNinea() {
        return "1-" + (10_000 + NewCompanies.serial());
    }

    private long profileCount() {
        return jdbc.sql("select count(*) from supplier_profile")
                .query(Long.class)
                .single();
    }

    @Test
    void aSenegaleseCompanyGivesItsNineaAndRccmInAnyLayout() {
        CurrentUser admin = register(accounts, "SN");
        String ninea = ninea();
        String rccm = rccm();
        List<SupplierProfile.Warning> warnings = profiles.save(
                admin,
                company(admin),
                draft("Entreprise Thiès SARL", true, Map.of("NINEA", ninea, "RCCM", "  " + rccm.toLowerCase() + " ")));
        assertThat(warnings).isEmpty();
        SupplierProfile saved = profiles.profile(company(admin)).orElseThrow();
        assertThat(saved.identifiers()).containsEntry("NINEA", ninea).containsEntry("RCCM", rccm.toLowerCase());
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where subject_id = :s and action = 'suppliers.profile-saved'")
                        .param("s", company(admin).toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the same NINEA written differently is still the same NINEA
        CurrentUser other = register(accounts, "SN");
        long before = profileCount();
        assertThatThrownBy(() -> profiles.save(
                        other,
                        company(other),
                        draft(
                                "Copie SARL",
                                false,
                                Map.of("NINEA", ninea.replace(" ", "").toLowerCase(), "RCCM", rccm()))))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.DUPLICATE_IDENTIFIER));
        assertThat(profileCount()).isEqualTo(before);
        // saving one's own profile again keeps one's own identifiers
        assertThat(profiles.save(
                        admin,
                        company(admin),
                        draft("Entreprise Thiès SARL", true, Map.of("NINEA", ninea, "RCCM", rccm))))
                .isEmpty();
    }

    @Test
    void enforceableRulesRefuseAndUnverifiedOnesWarn() {
        CurrentUser senegal = register(accounts, "SN");
        long before = profileCount();
        assertThatThrownBy(
                        () -> profiles.save(senegal, company(senegal), draft("A SARL", false, Map.of("RCCM", rccm()))))
                .as("the NINEA is required in Senegal (secondary source): refused")
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.IDENTIFIER_REQUIRED));
        assertThatThrownBy(() -> profiles.save(
                        senegal, company(senegal), draft("A SARL", false, Map.of("NINEA", "<script>", "RCCM", rccm()))))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.BAD_IDENTIFIER));
        assertThatThrownBy(() -> profiles.save(
                        senegal,
                        company(senegal),
                        draft("A SARL", false, Map.of("NINEA", ninea(), "RCCM", rccm(), "NIU", "M041200012345A"))))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.UNKNOWN_IDENTIFIER));
        assertThatThrownBy(() -> profiles.save(
                        senegal, company(senegal), draft("A", false, Map.of("NINEA", ninea(), "RCCM", rccm()))))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.REQUIRED));
        assertThat(profileCount()).isEqualTo(before);

        // the NINEA's shape is only seen on examples: a different one is pointed out, and saved
        assertThat(profiles.save(
                        senegal, company(senegal), draft("A SARL", false, Map.of("NINEA", oddNinea(), "RCCM", rccm()))))
                .extracting(SupplierProfile.Warning::messageKey, SupplierProfile.Warning::identifier)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("profile.warning.format", "NINEA"));

        // in Cameroon both identifiers are unverified: missing ones are pointed out, not refused
        CurrentUser cameroon = register(accounts, "CM");
        assertThat(profiles.save(cameroon, company(cameroon), draft("B SARL", false, Map.of())))
                .extracting(SupplierProfile.Warning::identifier)
                .containsExactlyInAnyOrder("NIU", "RCCM");
    }

    @Test
    void onlyTheAdminEditsAndTheDirectoryShowsOnlyListedCompaniesWithoutBankDetails() throws Exception {
        CurrentUser preparer = fixtures.user(TenderingFixtures.SUPPLIER);
        assertThatThrownBy(() -> profiles.save(
                        preparer, company(preparer), draft("Sahel", true, Map.of("NINEA", ninea(), "RCCM", rccm()))))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.NOT_SUPPLIER_ADMIN));
        String readOnly = mvc.perform(
                        MockMvcRequestBuilders.get("/supplier/profile").with(SignedIn.as(preparer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(readOnly).contains("Seul l&#39;administrateur", "disabled");

        CurrentUser listed = register(accounts, "SN");
        CurrentUser hidden = register(accounts, "SN");
        profiles.save(listed, company(listed), draft("Listée Zq SARL", true, Map.of("NINEA", ninea(), "RCCM", rccm())));
        profiles.save(
                hidden, company(hidden), draft("Cachée Zq SARL", false, Map.of("NINEA", ninea(), "RCCM", rccm())));
        String directory = mvc.perform(MockMvcRequestBuilders.get("/suppliers?country=SN&q=zq"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(directory).contains("Listée Zq SARL").doesNotContain("Cachée Zq SARL", "RIB SECRET");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/suppliers?q=Listee"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .as("accents ignored")
                .contains("Listée Zq SARL");
    }

    @Test
    void noFieldsetRepeatsThePageHeading() throws Exception {
        CurrentUser admin = register(accounts, "SN");
        for (String language : List.of("fr", "en", "ar")) {
            String page = mvc.perform(MockMvcRequestBuilders.get("/supplier/profile")
                            .with(SignedIn.as(admin))
                            .header("Accept-Language", language))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            Matcher h1 = Pattern.compile("<h1>([^<]*)</h1>").matcher(page);
            assertThat(h1.find()).isTrue();
            List<String> legends = Pattern.compile("<legend>([^<]*)</legend>")
                    .matcher(page)
                    .results()
                    .map(m -> m.group(1))
                    .toList();
            assertThat(legends).as("in %s", language).hasSize(5).doesNotContain(h1.group(1));
        }
    }

    @Test
    void aRefusedFieldIsMarkedAndDescribedByItsErrorAndTheAlertStays() throws Exception {
        CurrentUser admin = register(accounts, "SN");
        String page = afterRefusal(
                admin, Map.of("legalName", "Champs SARL", "id.NINEA", "<script>", "id.RCCM", rccm()), "id-NINEA");
        assertThat(input(page, "id-NINEA"))
                .contains("aria-invalid=\"true\"", "aria-describedby=\"id-NINEA-hint id-NINEA-error\"");
        assertThat(element(page, "id-NINEA-error"))
                .startsWith("<span class=\"field-error\"")
                .contains("&#39;est pas un identifiant NINEA valable");
        assertThat(input(page, "id-RCCM")).doesNotContain("aria-invalid").contains("aria-describedby=\"id-RCCM-hint\"");
        assertThat(page).contains("role=\"alert\"").containsOnlyOnce("aria-invalid");

        page = afterRefusal(admin, Map.of("legalName", "Champs SARL", "id.RCCM", rccm()), "id-NINEA");
        assertThat(input(page, "id-NINEA")).contains("aria-invalid=\"true\"");
        assertThat(element(page, "id-NINEA-error")).contains("Le NINEA est obligatoire.");

        page = afterRefusal(
                admin,
                Map.of("legalName", "Champs SARL", "id.NINEA", ninea(), "id.RCCM", rccm(), "website", "pas un site"),
                "website");
        assertThat(input(page, "website")).contains("aria-invalid=\"true\"", "aria-describedby=\"website-error\"");
        assertThat(element(page, "website-error")).contains("Cette valeur n&#39;est pas valable : Site web.");
        assertThat(input(page, "website")).contains("value=\"pas un site\"");
        assertThat(page).containsOnlyOnce("aria-invalid");

        page = afterRefusal(admin, Map.of("legalName", "C", "id.NINEA", ninea(), "id.RCCM", rccm()), "legalName");
        assertThat(input(page, "legalName")).contains("aria-invalid=\"true\"", "aria-describedby=\"legalName-error\"");
        assertThat(element(page, "legalName-error")).contains("Une information obligatoire manque : Raison sociale.");
    }

    /** Posts the form, expects it refused with that field named, and returns the page it leads to, in French. */
    private String afterRefusal(CurrentUser admin, Map<String, String> form, String field) throws Exception {
        var post = MockMvcRequestBuilders.post("/supplier/profile")
                .with(SignedIn.as(admin))
                .with(csrf())
                .header("Accept-Language", "fr");
        form.forEach(post::param);
        var refused = mvc.perform(post)
                .andExpect(redirectedUrl("/supplier/profile"))
                .andExpect(flash().attribute("errorField", field))
                .andReturn();
        return mvc.perform(MockMvcRequestBuilders.get("/supplier/profile")
                        .with(SignedIn.as(admin))
                        .header("Accept-Language", "fr")
                        // the flash attributes are kept in the session (Spring Session): its cookie brings them back
                        .cookie(refused.getResponse().getCookies()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The {@code <input>} tag with that id. */
    private static String input(String page, String id) {
        Matcher m = Pattern.compile("<input[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(page);
        assertThat(m.find()).as("an input #%s", id).isTrue();
        return m.group();
    }

    /** The element with that id, from its opening tag to the end of its text. */
    private static String element(String page, String id) {
        Matcher m = Pattern.compile("<[a-z]+[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>[^<]*")
                .matcher(page);
        assertThat(m.find()).as("an element #%s", id).isTrue();
        return m.group();
    }

    @Test
    void percentAndUnderscoreTypedInTheDirectoryAreLettersNotWildcards() {
        String tag = "Zw" + UUID.randomUUID().toString().substring(0, 6);
        for (String name : List.of("Remise 100% " + tag, "Remise 1000 " + tag, "Bati_" + tag, "BatiX" + tag)) {
            CurrentUser admin = register(accounts, "CM");
            profiles.save(admin, company(admin), draft(name + " SARL", true, Map.of()));
        }
        assertThat(profiles.directory("CM", "100% " + tag, null))
                .extracting(SupplierProfile::legalName)
                .containsExactly("Remise 100% " + tag + " SARL");
        assertThat(profiles.directory("CM", "bati_" + tag, null))
                .extracting(SupplierProfile::legalName)
                .containsExactly("Bati_" + tag + " SARL");
        assertThat(profiles.directory("CM", "%", null))
                .extracting(SupplierProfile::legalName)
                .contains("Remise 100% " + tag + " SARL")
                .doesNotContain("Remise 1000 " + tag + " SARL");
        assertThat(profiles.directory("CM", "\\", null))
                .as("a backslash is a letter too")
                .isEmpty();
    }

    @Test
    void theFormShowsTranslatedErrorsAndWarnings() throws Exception {
        CurrentUser admin = register(accounts, "SN");
        Map<String, String> form = new HashMap<>(Map.of("legalName", "Formulaire SARL", "id.RCCM", rccm()));
        var missing = MockMvcRequestBuilders.post("/supplier/profile")
                .with(SignedIn.as(admin))
                .with(csrf())
                .header("Accept-Language", "en");
        form.forEach(missing::param);
        mvc.perform(missing)
                .andExpect(redirectedUrl("/supplier/profile"))
                .andExpect(
                        flash().attribute("error", "The NINEA (national business identification number) is required."));
        var odd = MockMvcRequestBuilders.post("/supplier/profile")
                .with(SignedIn.as(admin))
                .with(csrf())
                .header("Accept-Language", "fr");
        form.put("id.NINEA", oddNinea());
        form.put("listed", "on");
        form.forEach(odd::param);
        mvc.perform(odd)
                .andExpect(flash().attribute("message", "Le profil est enregistré."))
                .andExpect(
                        flash().attribute(
                                        "warnings",
                                        List.of(
                                                "Le NINEA n'a pas la forme habituelle (exemple : 0012345 2G3) ; vérifiez-le.")));
        assertThat(profiles.profile(company(admin)).orElseThrow().listed()).isTrue();
    }
}
