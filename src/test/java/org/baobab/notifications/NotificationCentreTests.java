// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.TestSmtp;
import org.baobab.documents.Samples;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.notifications.internal.Inbox;
import org.baobab.rules.Nature;
import org.baobab.suppliers.Alerts;
import org.baobab.suppliers.Subscription;
import org.baobab.suppliers.SupplierDocuments;
import org.baobab.suppliers.SupplierEvents;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The in-app notification centre, on the real events: a notice's followers are told of its addenda, answers,
 * approaching deadline and cancellation, a company's admin of an expiring document, an alert's owner of a matching
 * notice; each user reads their own, in their language, marks them read one by one or all at once, and cannot see or
 * mark another's; an event handed twice to the listener gives one notification; read ones are purged after 180 days.
 */
@IntegrationTest
class NotificationCentreTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    private final Accounts accounts;
    private final Tendering tendering;
    private final TenderingFixtures fixtures;
    private final Alerts alerts;
    private final SupplierDocuments documents;
    private final Inbox inbox;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final MockMvc mvc;
    private final JdbcClient jdbc;

    NotificationCentreTests(
            Accounts accounts,
            Tendering tendering,
            TenderingFixtures fixtures,
            Alerts alerts,
            SupplierDocuments documents,
            Inbox inbox,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            MockMvc mvc,
            JdbcClient jdbc) {
        this.accounts = accounts;
        this.tendering = tendering;
        this.fixtures = fixtures;
        this.alerts = alerts;
        this.documents = documents;
        this.inbox = inbox;
        this.events = events;
        this.transaction = transaction;
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    @Test
    void followersAreToldOfAddendaAnswersDeadlinesAndCancellationInTheirLanguage() throws Exception {
        String title = "Forages pastoraux " + UUID.randomUUID();
        CurrentUser asker = newSupplier("SN");
        CurrentUser follower = newSupplier("SN");
        CurrentUser stranger = newSupplier("SN");
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        UUID id = publish(title, Duration.ofDays(30));
        String ocid = tendering.forStaff(prm, id).ocid();
        UUID question = tendering.ask(asker, ocid, "Quelle profondeur ?");
        tendering.follow(follower, ocid);

        tendering.publishAddendum(
                prm,
                id,
                TenderingFixtures.postponed(tendering.forStaff(prm, id), "Profondeur minimale portée à 120 m."));
        tendering.answer(fixtures.user(TenderingFixtures.BUYER), id, question, "120 m au moins.");
        for (CurrentUser user : List.of(asker, follower)) {
            assertThat(await(() -> facts(user), 2))
                    .containsExactlyInAnyOrder(
                            "NOTICE_ADDENDUM:" + ocid + ":1", "NOTICE_ANSWER:" + ocid + ":" + question);
        }
        assertThat(facts(stranger)).as("who does not follow is not told").isEmpty();

        String french = page(follower, "fr");
        assertThat(french)
                .contains(
                        "L&#39;avis « " + title + " » a reçu l&#39;additif n° 1.",
                        "Une réponse à une demande d&#39;éclaircissement a été publiée sur l&#39;avis « " + title
                                + " ».",
                        "Notifications (2)",
                        "aria-label=\"Notifications non lues : 2\"",
                        "(Africa/Dakar)",
                        "/notifications/",
                        "Nouveau");
        String arabic = page(follower, "ar");
        assertThat(arabic)
                .contains(
                        "صدر الملحق رقم 1 للإعلان «" + title + "».",
                        "نُشر جواب على طلب توضيح في الإعلان «" + title + "».",
                        "الإشعارات (2)",
                        "dir=\"rtl\"");

        tendering.cancel(prm, id, "Financement retiré.");
        assertThat(await(() -> facts(follower), 3)).contains("NOTICE_CANCELLED:" + ocid + ":");
        assertThat(page(follower, "en"))
                .contains("The notice &quot;" + title + "&quot; was cancelled.", "Notifications (3)");

        String soon = "Citernes " + UUID.randomUUID();
        UUID near = publish(soon, Duration.ofDays(2));
        String nearOcid = tendering.forStaff(prm, near).ocid();
        tendering.follow(follower, nearOcid);
        tendering.remindDeadlines();
        assertThat(await(() -> facts(follower), 4)).anyMatch(f -> f.startsWith("NOTICE_DEADLINE:" + nearOcid + ":"));
        assertThat(page(follower, "fr"))
                .contains("Les offres pour l&#39;avis « " + soon + " » doivent être remises au plus tard le");
    }

    @Test
    void aCompanysAdminIsToldOfAnExpiringDocument() throws Exception {
        CurrentUser admin = newSupplier("SN");
        LocalDate today = documents.today("SN");
        LocalDate expiry = today.plusDays(12);
        UUID document = documents.upload(
                admin,
                admin.primaryMembership().orElseThrow().organisationId(),
                "ATTESTATION_SOCIALE",
                new ByteArrayInputStream(Samples.pdf(UUID.randomUUID().toString())),
                "attestation.pdf",
                "application/pdf",
                today.minusMonths(5),
                expiry);
        documents.remindExpiring();
        assertThat(await(() -> facts(admin), 1)).containsExactly("DOCUMENT_EXPIRING:" + document + ":" + expiry);
        assertThat(page(admin, "fr"))
                .contains("Votre document « Attestations de régularité sociale (IPRES, Caisse de sécurité sociale) »"
                        + " expire le "
                        + long_(expiry, Locale.FRENCH));
        assertThat(page(admin, "ar")).contains("تنتهي صلاحية وثيقتك", long_(expiry, Locale.forLanguageTag("ar")));
    }

    @Test
    void anAlertsOwnerIsToldOfAMatchingNotice() throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        CurrentUser owner = newSupplier("SN");
        alerts.subscribe(
                owner,
                owner.email(),
                "fr",
                new Subscription.Criteria("SN", Nature.GOODS, null, null, marker),
                Subscription.Frequency.INSTANT);
        alerts.subscribe(
                owner,
                owner.email(),
                "fr",
                new Subscription.Criteria(null, null, null, null, marker),
                Subscription.Frequency.INSTANT);
        String title = "Motopompes " + marker;
        String ocid = tendering
                .forStaff(fixtures.user(TenderingFixtures.PRM), publish(title, Duration.ofDays(30)))
                .ocid();
        assertThat(await(() -> facts(owner), 1))
                .as("one notification however many of one's alerts match")
                .containsExactly("ALERT_MATCH:" + ocid + ":");
        assertThat(page(owner, "fr")).contains("Nouvel avis correspondant à votre alerte : « " + title + " ».");
    }

    @Test
    void readingOneGoesToItsLinkAndReadingAllEmptiesTheCount() throws Exception {
        CurrentUser user = newSupplier("SN");
        UUID first = seed(user, "ocds-test-first", Instant.now().minusSeconds(60));
        UUID second = seed(user, "ocds-test-second", Instant.now());
        String before = page(user, "fr");
        assertThat(before).contains("Notifications (2)", "Notifications non lues : 2");
        assertThat(before.indexOf("ocds-test-second")).as("newest first").isLessThan(before.indexOf("ocds-test-first"));

        mvc.perform(MockMvcRequestBuilders.post("/notifications/" + first + "/read")
                        .with(SignedIn.as(user)))
                .andExpect(status().isForbidden());
        assertThat(read(first)).as("no CSRF token, nothing marked").isFalse();

        mvc.perform(MockMvcRequestBuilders.post("/notifications/" + first + "/read")
                        .with(SignedIn.as(user))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/notices/ocds-test-first"));
        assertThat(read(first)).isTrue();
        assertThat(read(second)).isFalse();
        String after = page(user, "fr");
        assertThat(after).contains("Notifications (1)").contains("href=\"/notices/ocds-test-first\"");

        mvc.perform(MockMvcRequestBuilders.post("/notifications/read-all")
                        .with(SignedIn.as(user))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/notifications"));
        assertThat(read(second)).isTrue();
        String none = page(user, "fr");
        assertThat(none).contains("Vous avez tout lu.").doesNotContain("Notifications (");
        assertThat(none).contains(">Notifications</a>");
    }

    @Test
    void aUserNeitherSeesNorMarksAnothersNotifications() throws Exception {
        CurrentUser owner = newSupplier("SN");
        CurrentUser other = newSupplier("SN");
        UUID mine = seed(owner, "ocds-test-private", Instant.now());

        mvc.perform(MockMvcRequestBuilders.post("/notifications/" + mine + "/read")
                        .with(SignedIn.as(other))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(MockMvcRequestBuilders.post("/notifications/read-all")
                        .with(SignedIn.as(other))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(read(mine)).as("another's notification stays unread").isFalse();
        assertThat(page(other, "fr")).doesNotContain("ocds-test-private").contains("Aucune notification");
        assertThat(page(owner, "fr")).contains("ocds-test-private", "Notifications (1)");
    }

    @Test
    void thirtyPerPageNewestFirst() throws Exception {
        CurrentUser user = newSupplier("SN");
        Instant start = Instant.now().minus(Duration.ofHours(1));
        for (int i = 0; i < 31; i++) {
            seed(user, String.format("ocds-test-page-%02d", i), start.plusSeconds(i));
        }
        String first = page(user, "fr");
        assertThat(first).contains("ocds-test-page-30", "ocds-test-page-01", "Plus anciennes");
        assertThat(first).doesNotContain("ocds-test-page-00 »");
        String second = pageAt(user, "fr", 1);
        assertThat(second).contains("ocds-test-page-00 »", "Plus récentes").doesNotContain("ocds-test-page-01 »");
    }

    @Test
    void anEventHandedTwiceToTheListenerGivesOneNotification() throws Exception {
        CurrentUser admin = newSupplier("SN");
        UUID company = admin.primaryMembership().orElseThrow().organisationId();
        UUID document = UUID.randomUUID();
        LocalDate expiry = LocalDate.of(2030, 1, 15);
        SupplierEvents.DocumentExpiring event =
                new SupplierEvents.DocumentExpiring(company, document, "ATTESTATION_SOCIALE", expiry);
        for (int i = 0; i < 2; i++) {
            // as the outbox does when a listener's first run is not known to have finished
            transaction.executeWithoutResult(status -> events.publishEvent(event));
        }
        List<String> runs = await(
                () -> jdbc.sql("""
                                select listener_id from event_publication
                                where serialized_event like :document and listener_id like '%InboxEntries%'
                                  and completion_date is not null""")
                        .param("document", "%" + document + "%")
                        .query(String.class)
                        .list(),
                2);
        assertThat(runs)
                .as("the listener ran twice, and the second run succeeded")
                .hasSize(2);
        assertThat(facts(admin)).containsExactly("DOCUMENT_EXPIRING:" + document + ":" + expiry);
    }

    @Test
    void readNotificationsAreKeptHalfAYearAndUnreadOnesAlways() {
        CurrentUser user = newSupplier("SN");
        Instant now = Instant.now();
        UUID oldRead = seed(user, "ocds-test-old-read", now.minus(Duration.ofDays(400)));
        seed(user, "ocds-test-old-unread", now.minus(Duration.ofDays(400)));
        UUID recentRead = seed(user, "ocds-test-recent-read", now.minus(Duration.ofDays(10)));
        inbox.markRead(user.id(), oldRead, now.minus(Duration.ofDays(200)));
        inbox.markRead(user.id(), recentRead, now.minus(Duration.ofDays(5)));

        inbox.purgeReadBefore(now.minus(Duration.ofDays(180)));

        assertThat(facts(user))
                .containsExactly("ALERT_MATCH:ocds-test-old-unread:", "ALERT_MATCH:ocds-test-recent-read:");
    }

    // ---

    private CurrentUser newSupplier(String country) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "centre-" + tag + "@entreprise.test";
        accounts.registerSupplier(new Accounts.SupplierRegistration(
                "Centre " + tag, country, "Fatou Diop", email, "Un mot de passe bien long 2026", "fr"));
        return accounts.currentUserByEmail(email).orElseThrow();
    }

    /** A notice published in Senegal whose submission deadline is {@code in} from now. */
    private UUID publish(String title, Duration in) {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        Instant now = Instant.now();
        UUID id = tendering.createOutsidePlan(
                buyer,
                fixtures.organisationOf(TenderingFixtures.BUYER),
                "motif",
                fixtures.notice("SN", title)
                        .withDates(
                                now.plus(in).minus(Duration.ofDays(1)),
                                now.plus(in),
                                now.plus(in).plus(Duration.ofHours(1))));
        tendering.publish(fixtures.user(TenderingFixtures.PRM), id);
        return id;
    }

    private UUID seed(CurrentUser user, String ocid, Instant at) {
        inbox.add(
                List.of(user.id()),
                Inbox.Kind.ALERT_MATCH,
                ocid,
                "",
                "/notices/" + ocid,
                "centre.alert-match",
                List.of(Inbox.Argument.text("Avis " + ocid)),
                at);
        return jdbc.sql("select id from notifications_inbox where recipient_id = :u and subject = :s")
                .param("u", user.id())
                .param("s", ocid)
                .query(UUID.class)
                .single();
    }

    private List<String> facts(CurrentUser user) {
        return jdbc.sql("""
                        select kind || ':' || subject || ':' || discriminator from notifications_inbox
                        where recipient_id = :u order by created_at""").param("u", user.id()).query(String.class).list();
    }

    private boolean read(UUID id) {
        return jdbc.sql("select read_at is not null from notifications_inbox where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    private String page(CurrentUser user, String language) throws Exception {
        return pageAt(user, language, 0);
    }

    private String pageAt(CurrentUser user, String language, int page) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/notifications?page=" + page)
                        .with(SignedIn.as(user))
                        .header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String long_(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(date);
    }

    /** Waits (20 s at most) until the list has at least {@code expected} elements; returns it. */
    private static <T> List<T> await(Supplier<List<T>> list, int expected) throws InterruptedException {
        try {
            return Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .pollInterval(java.time.Duration.ofMillis(100))
                    .until(list::get, found -> found.size() >= expected);
        } catch (ConditionTimeoutException fewer) {
            return list.get(); // the caller's assertion says how many came
        }
    }
}
