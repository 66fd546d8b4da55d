// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.baobab.IntegrationTest;
import org.baobab.ReceivedMails;
import org.baobab.TestSmtp;
import org.baobab.identity.CurrentUser;
import org.baobab.tendering.Incident;
import org.baobab.tendering.Incidents;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A company that bids is told by mail, through a real SMTP server: its receipt when its bid arrives (the signed receipt
 * in the mail, to keep outside the platform), its withdrawal, and the extension of the deadline after a platform
 * incident, even if it never followed the notice.
 */
@IntegrationTest
class BidMailsTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    private final Bids bids;
    private final BidFixtures fixtures;
    private final Incidents incidents;
    private final Notices notices;
    private final JdbcClient jdbc;

    BidMailsTests(Bids bids, BidFixtures fixtures, Incidents incidents, Notices notices, JdbcClient jdbc) {
        this.bids = bids;
        this.fixtures = fixtures;
        this.incidents = incidents;
        this.notices = notices;
        this.jdbc = jdbc;
    }

    @Test
    void theBidderGetsItsReceiptByMailAndHearsOfAnIncidentExtension() throws Exception {
        String ocid = fixtures.openNotice("Reçu par courriel");
        CurrentUser bidder = fixtures.newCompany();
        BidFixtures.Sealed sealed = fixtures.seal(ocid, "2500000");
        Bids.Outcome outcome = bids.submit(bidder, fixtures.upload(bidder, sealed), sealed.manifestJson());

        assertThat(ReceivedMails.await(
                        smtp,
                        bidder.email(),
                        "Votre offre est reçue : reçu de dépôt",
                        outcome.receipt().signature(),
                        1))
                .singleElement()
                .satisfies(mail -> assertThat(mail)
                        .contains(sealed.manifest().envelopeHash())
                        .contains("/bids/receipts/" + sealed.envelopeId()));

        // the platform was down when the deadline fell: the regulator declares the incident
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        jdbc.sql("update tendering_process set submission_deadline = :d, opening_at = :o, status = 'CLOSED' "
                        + "where ocid = :ocid")
                .param("d", Timestamp.from(now.minus(Duration.ofHours(3))))
                .param("o", Timestamp.from(now.minus(Duration.ofHours(2))))
                .param("ocid", ocid)
                .update();
        incidents.declare(
                fixtures.user("crd@arcop.demo"),
                new Incident.Draft(
                        "SN",
                        now.minus(Duration.ofHours(5)),
                        now.minus(Duration.ofHours(1)),
                        "Panne du centre de données principal"));
        assertThat(notices.notice(ocid).orElseThrow().status()).isEqualTo(ProcessStatus.PUBLISHED);
        assertThat(ReceivedMails.await(
                        smtp, bidder.email(), "Un avis que vous suivez a changé", "Reçu par courriel", 1))
                .hasSize(1);

        bids.withdraw(bidder, ocid);
        assertThat(ReceivedMails.await(smtp, bidder.email(), "Votre offre est retirée", "Reçu par courriel", 1))
                .hasSize(1);
    }
}
