// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.baobab.FormPage;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.WebClient;
import org.baobab.identity.CurrentUser;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Identity's forms through the form mechanism: every error at once, beside its field, named by its label. */
@IntegrationTest
class IdentityFormsTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final TenderingFixtures fixtures;

    IdentityFormsTests(MockMvc mvc, JdbcClient jdbc, TenderingFixtures fixtures) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.fixtures = fixtures;
    }

    @Test
    void everyInvalidFieldIsShownOnceBesideItselfAndByItsLabelInFrenchAndArabic() throws Exception {
        String email = "pas-une-adresse-" + UUID.randomUUID();
        for (String language : new String[] {"fr", "ar"}) {
            FormPage page = FormPage.of(new WebClient(mvc, "10.9.0.1")
                    .post(
                            "/register?lang=" + language,
                            "companyName",
                            "",
                            "country",
                            "SN",
                            "fullName",
                            "",
                            "email",
                            email,
                            "password",
                            "court")
                    .andExpect(status().isOk()));
            var items = language.equals("fr")
                    ? page.assertErrors(
                            "companyName", "Raison sociale",
                            "fullName", "Nom complet",
                            "email", "Adresse e-mail",
                            "password", "Mot de passe",
                            "acceptTerms", label("register.accept-terms", ""))
                    : page.assertErrors(
                            "companyName", "الاسم التجاري",
                            "fullName", "الاسم الكامل",
                            "email", "البريد الإلكتروني",
                            "password", "كلمة المرور",
                            "acceptTerms", label("register.accept-terms", "_ar"));
            assertThat(items).hasSize(5);
            assertThat(page.html()).doesNotContain("companyName :", "fullName :", "??");
        }
        assertThat(jdbc.sql("select count(*) from identity_user where email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .as("nothing was written")
                .isZero();
    }

    @Test
    void aPasswordChangeWithBothFieldsWrongShowsBothErrorsByTheirLabelsAndChangesNothing() throws Exception {
        CurrentUser user = fixtures.user(TenderingFixtures.BUYER);
        String before = hash(user.email());
        for (String language : new String[] {"fr", "en"}) {
            FormPage page = FormPage.of(mvc.perform(MockMvcRequestBuilders.post("/account/password")
                            .with(csrf())
                            .with(SignedIn.as(user))
                            .header("Accept-Language", language)
                            .param("currentPassword", "")
                            .param("password", "Zq9-court"))
                    .andExpect(status().isBadRequest()));
            var items = language.equals("fr")
                    ? page.assertErrors("currentPassword", "Mot de passe actuel", "password", "Nouveau mot de passe")
                    : page.assertErrors("currentPassword", "Current password", "password", "New password");
            assertThat(items).hasSize(2);
            assertThat(page.html()).doesNotContain("Zq9-court");
        }
        FormPage wrong = FormPage.of(mvc.perform(MockMvcRequestBuilders.post("/account/password")
                        .with(csrf())
                        .with(SignedIn.as(user))
                        .header("Accept-Language", "fr")
                        .param("currentPassword", "pas le bon mot de passe")
                        .param("password", "un autre jardin de baobabs"))
                .andExpect(status().isBadRequest()));
        wrong.assertErrors("currentPassword", "Mot de passe actuel");
        assertThat(hash(user.email())).as("nothing was written").isEqualTo(before);
    }

    private String hash(String email) {
        return jdbc.sql("select password_hash from identity_user where email = ?")
                .param(email)
                .query(String.class)
                .single();
    }

    @Test
    void anInvitationWithEveryFieldWrongShowsEveryErrorByItsLabelAndInvitesNobody() throws Exception {
        CurrentUser admin = fixtures.user("admin@sahel-numerique.demo");
        UUID company = admin.primaryMembership().orElseThrow().organisationId();
        long before = jdbc.sql("select count(*) from identity_token")
                .query(Long.class)
                .single();
        for (String language : new String[] {"fr", "ar"}) {
            FormPage page =
                    FormPage.of(mvc.perform(MockMvcRequestBuilders.post("/organisation/" + company + "/invitations")
                                    .with(csrf())
                                    .with(SignedIn.as(admin))
                                    .header("Accept-Language", language)
                                    .param("email", "moussa.sarr")
                                    .param("fullName", " ")
                                    .param("role", "BID_PREPARER"))
                            .andExpect(status().isBadRequest()));
            var items = language.equals("fr")
                    ? page.assertErrors("fullName", "Nom complet", "email", "Adresse e-mail")
                    : page.assertErrors("fullName", "الاسم الكامل", "email", "البريد الإلكتروني");
            assertThat(items).hasSize(2);
            assertThat(page.html()).contains("value=\"moussa.sarr\"");
        }
        assertThat(jdbc.sql("select count(*) from identity_token")
                        .query(Long.class)
                        .single())
                .as("nobody was invited")
                .isEqualTo(before);
    }

    @Test
    void aNewPublicBodyWithSeveralFieldsWrongShowsEachErrorByItsLabelAndCreatesNothing() throws Exception {
        CurrentUser admin = fixtures.user("admin@arcop.demo");
        long before = jdbc.sql("select count(*) from identity_organisation")
                .query(Long.class)
                .single();
        for (String language : new String[] {"fr", "en"}) {
            FormPage page = FormPage.of(mvc.perform(MockMvcRequestBuilders.post("/admin/organisations")
                            .with(csrf())
                            .with(SignedIn.as(admin))
                            .header("Accept-Language", language)
                            .param("kind", "CONTRACTING_AUTHORITY")
                            .param("name", "")
                            .param("country", "SN")
                            .param("adminEmail", "pas-une-adresse")
                            .param("adminName", ""))
                    .andExpect(status().isBadRequest()));
            var items = language.equals("fr")
                    ? page.assertErrors(
                            "name", label("account.organisation", ""),
                            "adminEmail", label("admin.organisations.admin-email", ""),
                            "adminName", label("admin.organisations.admin-name", ""))
                    : page.assertErrors(
                            "name", label("account.organisation", "_en"),
                            "adminEmail", label("admin.organisations.admin-email", "_en"),
                            "adminName", label("admin.organisations.admin-name", "_en"));
            assertThat(items).hasSize(3);
        }
        assertThat(jdbc.sql("select count(*) from identity_organisation")
                        .query(Long.class)
                        .single())
                .as("nothing was created")
                .isEqualTo(before);
    }

    @Test
    void aNewPasswordTooShortAndNotConfirmedShowsBothErrorsByTheirLabels() throws Exception {
        for (String language : new String[] {"fr", "ar"}) {
            FormPage page = FormPage.of(mvc.perform(MockMvcRequestBuilders.post("/password/reset")
                            .with(csrf())
                            .header("Accept-Language", language)
                            .param("token", "pas-un-jeton-" + UUID.randomUUID())
                            .param("password", "Zq9-court")
                            .param("confirmation", "autre chose"))
                    .andExpect(status().isBadRequest()));
            var items = page.assertErrors(
                    "password", label("password.new", language.equals("fr") ? "" : "_ar"),
                    "confirmation", label("password.confirm", language.equals("fr") ? "" : "_ar"));
            assertThat(items).hasSize(2);
            assertThat(page.besideField("confirmation"))
                    .isEqualTo(label("error.identity.passwords-differ", language.equals("fr") ? "" : "_ar"));
        }
    }

    /** A text of identity's bundle, as a reader sees it. */
    private static String label(String key, String language) throws java.io.IOException {
        java.util.Properties bundle = new java.util.Properties();
        try (var in = IdentityFormsTests.class.getResourceAsStream("/i18n/identity" + language + ".properties")) {
            bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return bundle.getProperty(key).replace("''", "'");
    }
}
