// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baobab.IntegrationTest;
import org.baobab.ReceivedMails;
import org.baobab.TestSmtp;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Nature;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Alerts through a real SMTP server: a signed-in supplier's alert is active at once and brings the matching notices
 * only; an anonymous visitor's starts after the confirmation link (double opt-in); the one-click link in every mail
 * stops it without an account; bad input is refused and stores nothing.
 */
@IntegrationTest
class AlertsTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private final Alerts alerts;
    private final org.baobab.identity.Accounts accounts;
    private final Tendering tendering;
    private final TenderingFixtures fixtures;
    private final MockMvc mvc;
    private final JdbcClient jdbc;

    AlertsTests(
            Alerts alerts,
            org.baobab.identity.Accounts accounts,
            Tendering tendering,
            TenderingFixtures fixtures,
            MockMvc mvc,
            JdbcClient jdbc) {
        this.alerts = alerts;
        this.accounts = accounts;
        this.tendering = tendering;
        this.fixtures = fixtures;
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private String publish(String title) {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID id = tendering.createOutsidePlan(
                buyer, fixtures.organisationOf(TenderingFixtures.BUYER), "motif", fixtures.notice("SN", title));
        tendering.publish(fixtures.user(TenderingFixtures.PRM), id);
        return tendering.forStaff(buyer, id).ocid();
    }

    @Test
    void aSignedInSuppliersAlertBringsTheMatchingNoticesOnly() throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        CurrentUser supplier = fixtures.user(TenderingFixtures.SUPPLIER);
        assertThat(alerts.subscribe(
                        supplier,
                        supplier.email(),
                        "fr",
                        new Subscription.Criteria("SN", Nature.GOODS, null, null, "groupes electrogenes " + marker),
                        Subscription.Frequency.INSTANT))
                .as("active at once for one's own address")
                .isTrue();
        String matching = publish("Groupes électrogènes " + marker);
        publish("Mobilier scolaire " + marker);
        List<String> mails =
                ReceivedMails.await(smtp, supplier.email(), "Nouvel avis correspondant à votre alerte", marker, 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0)).contains("/notices/" + matching, "/alerts/unsubscribe?token=");
        org.baobab.EventListeners.awaitAllHandled(jdbc);
        assertThat(ReceivedMails.await(smtp, supplier.email(), "Nouvel avis correspondant à votre alerte", marker, 0))
                .hasSize(1);
    }

    @Test
    void alertsByFieldBringNoticesUnderTheirCodesAndTheChangesOfThoseTheOwnerDoesNotFollow() throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        CurrentUser watcher = NewCompanies.register(accounts, "SN");
        CurrentUser follower = NewCompanies.register(accounts, "SN");
        UUID authority = fixtures.organisationOf(TenderingFixtures.BUYER);
        for (CurrentUser u : List.of(watcher, follower)) {
            alerts.subscribe(
                    u,
                    u.email(),
                    "fr",
                    new Subscription.Criteria(null, null, "AOO", authority, marker, List.of("45000000-7")),
                    Subscription.Frequency.INSTANT);
        }
        assertThat(alerts.mine(watcher).get(0).criteria().cpv()).containsExactly("45000000");

        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        UUID roads = tendering.createOutsidePlan(
                buyer,
                authority,
                "motif",
                fixtures.notice("SN", "Routes " + marker).withClassification(List.of("45233120")));
        tendering.publish(prm, roads);
        String roadsOcid = tendering.forStaff(buyer, roads).ocid();
        UUID software = tendering.createOutsidePlan(
                buyer,
                authority,
                "motif",
                fixtures.notice("SN", "Logiciels " + marker).withClassification(List.of("48000000")));
        tendering.publish(prm, software);

        List<String> found =
                ReceivedMails.await(smtp, watcher.email(), "Nouvel avis correspondant à votre alerte", marker, 1);
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).contains("Routes " + marker, "/notices/" + roadsOcid);

        tendering.follow(follower, roadsOcid);
        tendering.publishAddendum(
                prm,
                roads,
                TenderingFixtures.postponed(tendering.forStaff(prm, roads), "Longueur portée à 12 km " + marker));
        List<String> changed = ReceivedMails.await(
                smtp, watcher.email(), "Du nouveau sur un avis qui correspond à votre alerte", marker, 1);
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0)).contains("Longueur portée à 12 km", "/alerts/unsubscribe?token=");
        assertThat(ReceivedMails.await(smtp, follower.email(), "Un avis que vous suivez a changé", marker, 1))
                .as("the follower hears of it as a follower")
                .hasSize(1);
        assertThat(ReceivedMails.await(
                        smtp, follower.email(), "Du nouveau sur un avis qui correspond à votre alerte", "", 0))
                .as("and not a second time through the alert")
                .isEmpty();
        assertThat(ReceivedMails.await(smtp, watcher.email(), "Nouvel avis correspondant à votre alerte", marker, 0))
                .as("the software notice is not under 45000000")
                .hasSize(1);
    }

    @Test
    void badFieldsOrProceduresAreRefusedAndNothingIsStored() {
        CurrentUser user = NewCompanies.register(accounts, "SN");
        assertThatThrownBy(() -> alerts.subscribe(
                        user,
                        user.email(),
                        "fr",
                        new Subscription.Criteria(null, null, null, null, "", List.of("12345678")),
                        Subscription.Frequency.INSTANT))
                .satisfies(e -> assertThat(NewCompanies.code(e)).isEqualTo(SuppliersErrorCode.UNKNOWN_CPV));
        assertThatThrownBy(() -> alerts.subscribe(
                        user,
                        user.email(),
                        "fr",
                        new Subscription.Criteria(null, null, "NIMPORTE", null, "", List.of()),
                        Subscription.Frequency.INSTANT))
                .satisfies(e -> assertThat(NewCompanies.code(e)).isEqualTo(SuppliersErrorCode.INVALID_VALUE));
        assertThat(alerts.mine(user)).isEmpty();
    }

    @Test
    void anAnonymousAlertStartsAfterConfirmationAndStopsInOneClick() throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String email = "veille-" + marker + "@visiteur.test";
        mvc.perform(MockMvcRequestBuilders.post("/alerts")
                        .with(csrf())
                        .header("Accept-Language", "fr")
                        .param("email", email)
                        .param("words", marker))
                .andExpect(flash().attribute(
                                "message",
                                "Un e-mail de confirmation vient de partir : l'alerte commencera quand vous aurez cliqué sur"
                                        + " son lien."));
        List<String> confirmation =
                ReceivedMails.await(smtp, email, "Confirmez votre alerte sur les avis de marchés", "", 1);
        assertThat(confirmation).hasSize(1);
        Matcher token = TOKEN.matcher(confirmation.get(0));
        assertThat(token.find()).isTrue();

        publish("Avant confirmation " + marker);
        org.baobab.EventListeners.awaitAllHandled(jdbc);
        assertThat(ReceivedMails.await(smtp, email, "Nouvel avis correspondant à votre alerte", marker, 0))
                .as("not confirmed yet")
                .isEmpty();

        String confirmed = mvc.perform(MockMvcRequestBuilders.get("/alerts/confirm?token=" + token.group(1)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(confirmed).contains("Votre alerte est confirmée");
        publish("Après confirmation " + marker);
        assertThat(ReceivedMails.await(smtp, email, "Nouvel avis correspondant à votre alerte", marker, 1))
                .hasSize(1);

        mvc.perform(MockMvcRequestBuilders.get("/alerts/unsubscribe?token=" + token.group(1)))
                .andExpect(status().isOk());
        String stopped = mvc.perform(MockMvcRequestBuilders.post("/alerts/unsubscribe")
                        .with(csrf())
                        .param("token", token.group(1)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(stopped).contains("L&#39;alerte est arrêtée");
        publish("Après désabonnement " + marker);
        assertThat(jdbc.sql("""
                                select action from audit_entry where subject_type = 'alert' and payload like :marker
                                order by seq
                                """)
                        .param("marker", "%" + marker + "%")
                        .query(String.class)
                        .list())
                .as("created, confirmed and ended, each journalled")
                .containsExactly("suppliers.alert-created", "suppliers.alert-confirmed", "suppliers.alert-ended");
        assertThat(jdbc.sql("select count(*) from audit_entry where payload like :email or actor like :email")
                        .param("email", "%" + email + "%")
                        .query(Long.class)
                        .single())
                .as("an anonymous visitor's address is not journalled")
                .isZero();
        org.baobab.EventListeners.awaitAllHandled(jdbc);
        assertThat(ReceivedMails.await(smtp, email, "Nouvel avis correspondant à votre alerte", marker, 0))
                .hasSize(1);
    }

    @Test
    void aDailyAlertGathersTheDaysMatchesInOneDigest() throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        CurrentUser supplier = fixtures.user("admin@sahel-numerique.demo");
        alerts.subscribe(
                supplier,
                supplier.email(),
                "en",
                new Subscription.Criteria(null, null, null, null, marker),
                Subscription.Frequency.DAILY);
        String first = publish("Premier avis " + marker);
        String second = publish("Second avis " + marker);
        org.baobab.EventListeners.awaitAllHandled(jdbc);
        assertThat(ReceivedMails.await(smtp, supplier.email(), "New notice matching your alert", marker, 0))
                .as("nothing before the digest")
                .isEmpty();
        assertThat(alerts.sendDigests()).isPositive();
        List<String> digest =
                ReceivedMails.await(smtp, supplier.email(), "Today's new notices for your alert", marker, 1);
        assertThat(digest).hasSize(1);
        assertThat(digest.get(0)).contains("/notices/" + first, "/notices/" + second, "/alerts/unsubscribe?token=");
        alerts.sendDigests();
        org.baobab.EventListeners.awaitAllHandled(jdbc);
        assertThat(ReceivedMails.await(smtp, supplier.email(), "Today's new notices for your alert", marker, 0))
                .as("each match once")
                .hasSize(1);
    }

    @Test
    void badAddressesAreRefusedAndStoreNothing() {
        long before = jdbc.sql("select count(*) from supplier_subscription")
                .query(Long.class)
                .single();
        for (String bad : List.of("", "pas-une-adresse", "a@b")) {
            assertThatThrownBy(() -> alerts.subscribe(
                            null,
                            bad,
                            "fr",
                            new Subscription.Criteria(null, null, null, null, ""),
                            Subscription.Frequency.INSTANT))
                    .isInstanceOfSatisfying(
                            BaobabException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(SuppliersErrorCode.INVALID_VALUE));
        }
        assertThatThrownBy(() -> alerts.subscribe(
                        null,
                        "x@y.test",
                        "fr",
                        new Subscription.Criteria("ZZZ", null, null, null, ""),
                        Subscription.Frequency.INSTANT))
                .isInstanceOf(BaobabException.class);
        assertThat(jdbc.sql("select count(*) from supplier_subscription")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }
}
