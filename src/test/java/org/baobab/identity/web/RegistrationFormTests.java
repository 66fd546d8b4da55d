// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.baobab.FormPage;
import org.baobab.IntegrationTest;
import org.baobab.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The registration form through the form mechanism: every error at once, beside its field, named by its label. */
@IntegrationTest
class RegistrationFormTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    RegistrationFormTests(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
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
                            "acceptTerms", "Conditions d'utilisation")
                    : page.assertErrors(
                            "companyName", "الاسم التجاري",
                            "fullName", "الاسم الكامل",
                            "email", "البريد الإلكتروني",
                            "password", "كلمة المرور",
                            "acceptTerms", "شروط الاستخدام");
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
}
