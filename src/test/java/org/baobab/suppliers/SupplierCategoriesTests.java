// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baobab.suppliers.NewCompanies.code;
import static org.baobab.suppliers.NewCompanies.company;
import static org.baobab.suppliers.NewCompanies.register;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
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
 * What a company sells, in CPV: only real codes, only by its admin, journalled; the directory finds a company by a
 * code under or above what it sells; the page searches the classification in French and adds in one click.
 */
@IntegrationTest
class SupplierCategoriesTests {

    private final SupplierCategories categories;
    private final SupplierProfiles profiles;
    private final Accounts accounts;
    private final TenderingFixtures fixtures;
    private final MockMvc mvc;
    private final JdbcClient jdbc;

    SupplierCategoriesTests(
            SupplierCategories categories,
            SupplierProfiles profiles,
            Accounts accounts,
            TenderingFixtures fixtures,
            MockMvc mvc,
            JdbcClient jdbc) {
        this.categories = categories;
        this.profiles = profiles;
        this.accounts = accounts;
        this.fixtures = fixtures;
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private String page(String url, CurrentUser user) throws Exception {
        var request = MockMvcRequestBuilders.get(url);
        if (user != null) {
            request.with(SignedIn.as(user));
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void onlyRealCodesByTheAdminAreKeptAndEveryChangeIsJournalled() {
        CurrentUser admin = register(accounts, "SN");
        UUID company = company(admin);
        categories.add(admin, company, "72000000-5");
        categories.add(admin, company, "30213100");
        categories.add(admin, company, "30213100");
        assertThat(categories.of(company)).containsExactly("30213100", "72000000");

        assertThatThrownBy(() -> categories.add(admin, company, "12345678"))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.UNKNOWN_CPV));
        assertThatThrownBy(() -> categories.add(admin, company, "ordinateurs"))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.UNKNOWN_CPV));
        CurrentUser preparer = fixtures.user(TenderingFixtures.SUPPLIER);
        assertThatThrownBy(() -> categories.add(preparer, company(preparer), "72000000"))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.NOT_SUPPLIER_ADMIN));
        assertThatThrownBy(() -> categories.add(preparer, company, "72000000"))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.NOT_SUPPLIER_ADMIN));

        categories.remove(admin, company, "30213100");
        assertThat(categories.of(company)).containsExactly("72000000");
        assertThat(jdbc.sql("""
                        select payload from audit_entry
                        where action = 'suppliers.categories-changed' and subject_id = :c order by seq
                        """)
                        .param("c", company.toString())
                        .query(String.class)
                        .list())
                .hasSize(3)
                .last()
                .satisfies(p -> assertThat(p).contains("\"removed\"", "30213100"));
    }

    @Test
    void aCompanyCannotSellEverything() {
        CurrentUser admin = register(accounts, "SN");
        UUID company = company(admin);
        List<String> divisions = new org.baobab.rules.Cpv()
                .divisions().stream().map(org.baobab.rules.Cpv.Code::code).toList();
        divisions.stream().limit(SupplierCategories.MAX).forEach(d -> categories.add(admin, company, d));
        assertThatThrownBy(() -> categories.add(admin, company, divisions.get(SupplierCategories.MAX)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(SuppliersErrorCode.TOO_MANY_CATEGORIES));
        assertThat(categories.of(company)).hasSize(SupplierCategories.MAX);
    }

    @Test
    void theDirectoryFindsACompanyByACodeUnderOrAboveWhatItSells() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        CurrentUser broad = register(accounts, "SN");
        CurrentUser narrow = register(accounts, "SN");
        save(broad, "Informatique Large " + tag);
        save(narrow, "Logiciels Précis " + tag);
        categories.add(broad, company(broad), "72000000");
        categories.add(narrow, company(narrow), "72212000");

        assertThat(page("/suppliers?q=" + tag + "&cpv=72212100", null))
                .as("a narrower code finds both: the broad seller covers it")
                .contains("Informatique Large " + tag, "Logiciels Précis " + tag);
        assertThat(page("/suppliers?q=" + tag + "&cpv=72000000", null))
                .as("the division finds both: the narrow seller is under it")
                .contains("Informatique Large " + tag, "Logiciels Précis " + tag);
        assertThat(page("/suppliers?q=" + tag + "&cpv=72400000", null))
                .contains("Informatique Large " + tag)
                .doesNotContain("Logiciels Précis " + tag);
        assertThat(page("/suppliers?q=" + tag + "&cpv=45000000", null)).doesNotContain(tag + "</strong>");
        assertThat(page("/suppliers?q=" + tag + "&cpv=nimportequoi", null)).doesNotContain(tag + "</strong>");
        assertThat(page("/suppliers?q=" + tag, null)).contains("72212000", "href=\"/classification/72000000\"");
    }

    @Test
    void theAdminSearchesInFrenchAndAddsInOneClickOthersOnlyRead() throws Exception {
        CurrentUser admin = register(accounts, "SN");
        String search = page("/supplier/categories?q=ordinateurs+portables", admin);
        assertThat(search).contains("30213100", "Ordinateurs portables", "Ajouter le code 30213100");

        mvc.perform(MockMvcRequestBuilders.post("/supplier/categories")
                        .with(SignedIn.as(admin))
                        .with(csrf())
                        .param("code", "30213100")
                        .param("q", "ordinateurs portables"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "Code 30213100 ajouté."));
        mvc.perform(MockMvcRequestBuilders.post("/supplier/categories")
                        .with(SignedIn.as(admin))
                        .with(csrf())
                        .param("code", "99999999"))
                .andExpect(flash().attribute(
                                "error", "« 99999999 » n'est pas un code CPV. Cherchez le bon code par des mots."));
        assertThat(categories.of(company(admin))).containsExactly("30213100");
        assertThat(page("/supplier/categories?q=ordinateurs+portables&lang=ar", admin))
                .contains("dir=\"rtl\"", "مختار سابقًا", "lang=\"fr\"")
                .doesNotContain("??");

        CurrentUser preparer = fixtures.user(TenderingFixtures.SUPPLIER);
        assertThat(page("/supplier/categories?q=ordinateurs", preparer))
                .doesNotContain("Ajouter le code")
                .contains("choisis par son administrateur");
    }

    private void save(CurrentUser admin, String name) {
        NewCompanies.profile(profiles, admin, name, true);
    }
}
