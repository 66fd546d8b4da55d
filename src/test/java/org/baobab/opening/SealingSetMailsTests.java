// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.ReceivedMails;
import org.baobab.TestSmtp;
import org.baobab.bidding.BidFixtures;
import org.baobab.bidding.SealingSet;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each member of a sealing set hears, by mail through a real SMTP server and in the notification centre, of the set
 * published with their name, with the fingerprint it uses and its leaf in the transparency log.
 */
@IntegrationTest
class SealingSetMailsTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    private final BidFixtures fixtures;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    SealingSetMailsTests(BidFixtures fixtures, Accounts accounts, JdbcClient jdbc) {
        this.fixtures = fixtures;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Test
    void everyMemberIsToldOfTheSetWithTheirNameAndTheFingerprintUsed() throws Exception {
        String ocid = fixtures.openNotice("Jeu annoncé aux membres " + UUID.randomUUID());
        SealingSet set = fixtures.sealingSet(ocid);
        long leaf = jdbc.sql("select leaf_index from bidding_log_leaf where kind = 'BSS1' and subject = :o")
                .param("o", ocid)
                .query(Long.class)
                .single();
        for (SealingSet.Member member : set.members()) {
            CurrentUser person = accounts.currentUser(member.userId()).orElseThrow();
            assertThat(ReceivedMails.await(smtp, person.email(), "Un jeu de scellement porte votre nom", ocid, 1))
                    .singleElement()
                    .satisfies(mail -> assertThat(mail)
                            .contains(member.key().fingerprint())
                            .contains("part " + member.position() + " sur "
                                    + set.members().size())
                            .contains("feuille " + leaf + " du journal")
                            .contains("/committee/key"));
            assertThat(jdbc.sql("select count(*) from notifications_inbox where recipient_id = :u"
                                    + " and kind = 'SEALING_SET' and subject = :o and discriminator = :f")
                            .param("u", member.userId())
                            .param("o", ocid)
                            .param("f", member.key().fingerprint())
                            .query(Long.class)
                            .single())
                    .as("the centre tells " + person.email())
                    .isEqualTo(1);
        }
    }
}
