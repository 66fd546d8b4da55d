// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.ReceivedMails;
import org.baobab.TestSmtp;
import org.baobab.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Followers of a notice are told by mail, through a real SMTP server, of its addenda, answers and cancellation; asking
 * a question follows the notice; someone who stopped following is not told.
 */
@IntegrationTest
class NoticeFollowersTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    private final Tendering tendering;
    private final Notices notices;
    private final TenderingFixtures fixtures;

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    NoticeFollowersTests(
            Tendering tendering,
            Notices notices,
            TenderingFixtures fixtures,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.tendering = tendering;
        this.notices = notices;
        this.fixtures = fixtures;
    }

    @Test
    void followersAreToldOfAddendaAnswersAndCancellation() throws Exception {
        String title = "Pompes de forage " + UUID.randomUUID();
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        CurrentUser supplier = fixtures.user(TenderingFixtures.SUPPLIER);
        CurrentUser other = fixtures.user("admin@sahel-numerique.demo");
        UUID id = tendering.createOutsidePlan(
                buyer, fixtures.organisationOf(TenderingFixtures.BUYER), "motif", fixtures.notice("SN", title));
        tendering.publish(prm, id);
        String ocid = tendering.forStaff(prm, id).ocid();

        tendering.follow(other, ocid);
        UUID question = tendering.ask(supplier, ocid, "Quelle puissance ?");
        assertThat(notices.followers(ocid)).containsExactlyInAnyOrder(supplier.id(), other.id());

        tendering.publishAddendum(
                prm,
                id,
                TenderingFixtures.postponed(tendering.forStaff(prm, id), "Puissance minimale portée à 15 kW."));
        assertThat(ReceivedMails.await(
                        smtp,
                        TenderingFixtures.SUPPLIER,
                        "Un avis que vous suivez a changé",
                        title.substring(title.length() - 36),
                        1))
                .singleElement()
                .asString()
                .contains("Puissance minimale port", ocid);
        assertThat(ReceivedMails.await(
                        smtp,
                        other.email(),
                        "Un avis que vous suivez a changé",
                        title.substring(title.length() - 36),
                        1))
                .hasSize(1);

        tendering.unfollow(other, ocid);
        tendering.answer(buyer, id, question, "15 kW au moins.");
        assertThat(ReceivedMails.await(
                        smtp,
                        TenderingFixtures.SUPPLIER,
                        "Un avis que vous suivez a changé",
                        title.substring(title.length() - 36),
                        2))
                .hasSize(2);

        tendering.cancel(prm, id, "Financement retiré.");
        assertThat(ReceivedMails.await(
                        smtp,
                        TenderingFixtures.SUPPLIER,
                        "Un avis que vous suivez a changé",
                        title.substring(title.length() - 36),
                        3))
                .hasSize(3);
        org.baobab.EventListeners.awaitAllHandled(jdbc);
        assertThat(ReceivedMails.await(
                        smtp,
                        other.email(),
                        "Un avis que vous suivez a changé",
                        title.substring(title.length() - 36),
                        0))
                .as("no mail after unfollowing")
                .hasSize(1);
    }

    @Test
    void followersAreRemindedOnceThreeDaysBeforeTheDeadline() throws Exception {
        String title = "Rappel échéance " + UUID.randomUUID();
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        java.time.Instant now = java.time.Instant.now();
        UUID id = tendering.createOutsidePlan(
                buyer,
                fixtures.organisationOf(TenderingFixtures.BUYER),
                "motif",
                fixtures.notice("SN", title)
                        .withDates(
                                now.plus(Duration.ofDays(1)),
                                now.plus(Duration.ofDays(2)),
                                now.plus(Duration.ofDays(2)).plus(Duration.ofHours(1))));
        tendering.publish(prm, id);
        String ocid = tendering.forStaff(prm, id).ocid();
        CurrentUser supplier = fixtures.user(TenderingFixtures.SUPPLIER);
        tendering.follow(supplier, ocid);

        assertThat(tendering.remindDeadlines()).isPositive();
        assertThat(ReceivedMails.await(
                        smtp,
                        TenderingFixtures.SUPPLIER,
                        "La date limite d\'un avis que vous suivez approche",
                        title.substring(title.length() - 36),
                        1))
                .hasSize(1)
                .first()
                .asString()
                .contains("(Africa/Dakar)")
                // written as a French reader reads dates (« 14 avr. 2031, 10:00 »), not as a machine's ISO form
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")
                .containsPattern("\\d{1,2} [a-zéû]+\\.? \\d{4}");
        tendering.remindDeadlines();
        org.baobab.EventListeners.awaitAllHandled(jdbc);
        assertThat(ReceivedMails.await(
                        smtp,
                        TenderingFixtures.SUPPLIER,
                        "La date limite d\'un avis que vous suivez approche",
                        title.substring(title.length() - 36),
                        0))
                .as("once per deadline")
                .hasSize(1);
    }
}
