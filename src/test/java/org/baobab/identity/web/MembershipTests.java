// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.TestSmtp;
import org.baobab.WebClient;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** An organisation's admin invites officials and manages their roles; nobody else can. */
@IntegrationTest
class MembershipTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Accounts accounts;

    MembershipTests(MockMvc mvc, JdbcClient jdbc, Accounts accounts) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Test
    void anAdminInvitesACommitteeMemberWhoActivatesTheAccountWithTheRole() throws Exception {
        CurrentUser prm = demo("prm@sante.demo");
        UUID ministry = prm.primaryMembership().orElseThrow().organisationId();
        String email = "nouveau-membre-" + UUID.randomUUID() + "@sante.demo";

        mvc.perform(
                        MockMvcRequestBuilders.post("/organisation/" + ministry + "/invitations")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .with(signedIn(prm))
                                .param("email", email)
                                .param("fullName", "Seynabou Faye")
                                .param("role", "COMMITTEE_MEMBER"))
                .andExpect(redirectedUrl("/organisation/" + ministry + "/members"));

        String link = SignInFlowTests.linkMailedTo(greenMail, email, "Invitation à rejoindre Baobab");
        WebClient invited = new WebClient(mvc, "10.2.0.1");
        assertThat(invited.body(link)).contains("Activer votre compte");
        String token = link.substring(link.indexOf("token=") + 6);
        invited.post("/invitation", "token", token, "fullName", "Seynabou Faye", "password", SignInFlowTests.PASSWORD)
                .andExpect(redirectedUrl("/login?welcome"));
        // the link works once
        invited.post("/invitation", "token", token, "fullName", "Autre", "password", SignInFlowTests.PASSWORD)
                .andExpect(status().isBadRequest());

        invited.post("/login", "email", email, "password", SignInFlowTests.PASSWORD)
                .andExpect(redirectedUrl("/account/second-factor/setup"));
        UUID userId = jdbc.sql("select id from identity_user where email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
        CurrentUser member = accounts.currentUser(userId).orElseThrow();
        assertThat(member.hasRoleIn(ministry, Role.COMMITTEE_MEMBER)).isTrue();

        // the admin gives and takes a role
        mvc.perform(
                        MockMvcRequestBuilders.post("/organisation/" + ministry + "/members/" + userId + "/roles")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .with(signedIn(prm))
                                .param("role", "BUYER")
                                .param("grant", "true"))
                .andExpect(redirectedUrl("/organisation/" + ministry + "/members"));
        assertThat(accounts.currentUser(userId).orElseThrow().hasRoleIn(ministry, Role.BUYER))
                .isTrue();
    }

    @Test
    void theAdminOfAnotherOrganisationCannotInviteIntoThisOne() throws Exception {
        CurrentUser prm = demo("prm@sante.demo");
        CurrentUser supplierAdmin = demo("admin@sahel-numerique.demo");
        UUID ministry = prm.primaryMembership().orElseThrow().organisationId();
        String email = "intrus-" + UUID.randomUUID() + "@x.sn";
        mvc.perform(
                        MockMvcRequestBuilders.post("/organisation/" + ministry + "/invitations")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .with(signedIn(supplierAdmin))
                                .param("email", email)
                                .param("fullName", "Intrus")
                                .param("role", "BUYER"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from identity_token where email = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRoleThatDoesNotExistForTheOrganisationKindIsRefused() throws Exception {
        CurrentUser supplierAdmin = demo("admin@batir-cameroun.demo");
        UUID company = supplierAdmin.primaryMembership().orElseThrow().organisationId();
        mvc.perform(
                        MockMvcRequestBuilders.post("/organisation/" + company + "/invitations")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .with(signedIn(supplierAdmin))
                                .param("email", "x-" + UUID.randomUUID() + "@x.cm")
                                .param("fullName", "X")
                                .param("role", "REGULATOR_AUDITOR"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anInvitationToSomethingThatIsNotAnAddressIsRefusedAndNoMailIsQueued() throws Exception {
        CurrentUser supplierAdmin = demo("admin@sahel-numerique.demo");
        UUID company = supplierAdmin.primaryMembership().orElseThrow().organisationId();
        for (String notAnAddress : new String[] {"", "  ", "moussa.sarr", "moussa sarr@teranga.sn"}) {
            String page = mvc.perform(MockMvcRequestBuilders.post("/organisation/" + company + "/invitations")
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.csrf())
                            .with(signedIn(supplierAdmin))
                            .header("Accept-Language", "fr")
                            .param("email", notAnAddress)
                            .param("fullName", "Moussa Sarr")
                            .param("role", "BID_PREPARER"))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).as("for '%s'", notAnAddress).contains("Saisissez une adresse e-mail valide.");
            assertThat(jdbc.sql("select count(*) from identity_token where email = :e")
                            .param("e", notAnAddress.trim())
                            .query(Long.class)
                            .single())
                    .as("no invitation for '%s'", notAnAddress)
                    .isZero();
        }
    }

    @Test
    void theMembersPageNamesEachRemovalOffersTheLeastPowerfulRoleFirstAndListsPendingInvitations() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "admin-" + tag + "@entreprise.test";
        accounts.registerSupplier(new Accounts.SupplierRegistration(
                "Entreprise " + tag, "SN", "Awa Ndiaye", adminEmail, "Un mot de passe bien long 2026", "fr"));
        CurrentUser admin = accounts.currentUserByEmail(adminEmail).orElseThrow();
        UUID company = admin.primaryMembership().orElseThrow().organisationId();
        String pending = "pending-" + tag + "@entreprise.test";
        String accepted = "accepted-" + tag + "@entreprise.test";
        String expired = "expired-" + tag + "@entreprise.test";
        for (String email : new String[] {pending, accepted, expired}) {
            mvc.perform(MockMvcRequestBuilders.post("/organisation/" + company + "/invitations")
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.csrf())
                            .with(signedIn(admin))
                            .param("email", email)
                            .param("fullName", "Moussa Sarr")
                            .param("role", email.equals(accepted) ? "SIGNATORY" : "BID_PREPARER"))
                    .andExpect(redirectedUrl("/organisation/" + company + "/members"));
        }
        jdbc.sql("update identity_token set used_at = now() where email = :e")
                .param("e", accepted)
                .update();
        jdbc.sql("update identity_token set expires_at = now() - interval '1 minute' where email = :e")
                .param("e", expired)
                .update();

        String page = mvc.perform(MockMvcRequestBuilders.get("/organisation/" + company + "/members")
                        .with(signedIn(admin))
                        .header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(page)
                .as("each removal button names the member and the role")
                .contains("aria-label=\"Retirer ce rôle à Awa Ndiaye : Administrateur de l&#39;entreprise\"");
        java.util.regex.Matcher roles = java.util.regex.Pattern.compile(
                        "<select id=\"role\"[^>]*name=\"role\"[^>]*>\\s*<option value=\"([A-Z_]+)\"")
                .matcher(page);
        assertThat(roles.find()).isTrue();
        assertThat(roles.group(1)).as("the least powerful role first").isEqualTo("BID_PREPARER");

        String sentOn = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(java.util.Locale.FRENCH)
                .format(java.time.LocalDate.now(java.time.ZoneId.of("Africa/Dakar")));
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                        "<tr>\\s*<td>" + java.util.regex.Pattern.quote(pending) + "</td>.*?</tr>",
                        java.util.regex.Pattern.DOTALL)
                .matcher(page);
        assertThat(row.find()).as("the pending invitation is listed").isTrue();
        assertThat(row.group()).contains("Préparateur d&#39;offres", sentOn);
        assertThat(page).as("accepted or expired: no longer pending").doesNotContain(accepted, expired);
    }

    @Test
    void anOrganisationKeepsItsLastAdmin() throws Exception {
        CurrentUser admin = demo("admin@batir-cameroun.demo");
        UUID company = admin.primaryMembership().orElseThrow().organisationId();
        mvc.perform(
                        MockMvcRequestBuilders.post("/organisation/" + company + "/members/" + admin.id() + "/roles")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .with(signedIn(admin))
                                .param("role", "SUPPLIER_ADMIN")
                                .param("grant", "false"))
                .andExpect(status().isConflict());
        assertThat(accounts.currentUser(admin.id()).orElseThrow().hasRoleIn(company, Role.SUPPLIER_ADMIN))
                .isTrue();
    }

    @Test
    void aRoleChangeWithBothFieldsWrongNamesBothByTheirLabelsInFrenchAndEnglishAndChangesNothing() throws Exception {
        CurrentUser admin = demo("admin@batir-cameroun.demo");
        UUID company = admin.primaryMembership().orElseThrow().organisationId();
        for (String language : new String[] {"fr", "en"}) {
            var refused = mvc.perform(MockMvcRequestBuilders.post(
                                    "/organisation/" + company + "/members/" + admin.id() + "/roles")
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.csrf())
                            .with(signedIn(admin))
                            .param("role", "PAS_UN_ROLE")
                            .param("grant", "peut-etre")
                            .param("lang", language))
                    .andExpect(status().isBadRequest());
            var items = org.baobab.FormPage.of(refused).summary();
            assertThat(items)
                    .as("each wrong field once, named by its label")
                    .containsExactlyInAnyOrder(
                            new org.baobab.FormPage.Item(
                                    "role",
                                    language.equals("fr")
                                            ? "Rôle : Valeur non valide ; corrigez-la."
                                            : "Role: This value is not valid."),
                            new org.baobab.FormPage.Item(
                                    "grant",
                                    language.equals("fr")
                                            ? "Donner ou retirer : Valeur non valide ; corrigez-la."
                                            : "Give or take: This value is not valid."));
        }
        assertThat(accounts.currentUser(admin.id()).orElseThrow().hasRoleIn(company, Role.SUPPLIER_ADMIN))
                .as("nothing changed")
                .isTrue();
    }

    private CurrentUser demo(String email) {
        UUID id = jdbc.sql("select id from identity_user where email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
        return accounts.currentUser(id).orElseThrow();
    }

    static RequestPostProcessor signedIn(CurrentUser user) {
        return org.baobab.SignedIn.as(user);
    }
}
