// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.bidding.BiddingEvents.BidSubmitted;
import org.baobab.bidding.BiddingEvents.BidWithdrawn;
import org.baobab.identity.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who bid on a process is secret until its opening, even from the regulator's auditors: the journal's page and API show
 * the actor of the entries about its bids only once an opening session of the process has started.
 */
@IntegrationTest
class SealedBidderTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    SealedBidderTests(
            MockMvc mvc,
            JdbcClient jdbc,
            Accounts accounts,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.transactions = transactions;
    }

    private String asAuditor(String url) throws Exception {
        return mvc.perform(get(url).with(SignedIn.as(accounts.currentUserByEmail("auditeur@arcop.demo")
                                .orElseThrow()))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void bidderIdentitiesShowOnlyAfterTheOpening() throws Exception {
        String tag = UUID.randomUUID().toString();
        String ocid = "ocds-test-seal-" + tag;
        String bidder = "offres-" + tag + "@soumissionnaire.test";
        String company = UUID.randomUUID().toString();
        UUID envelope = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new BidSubmitted(
                    bidder,
                    company,
                    ocid,
                    envelope,
                    "single",
                    List.of(),
                    "0".repeat(64),
                    1,
                    Instant.now(),
                    "1".repeat(64),
                    UUID.randomUUID(),
                    null));
            events.publishEvent(new BidWithdrawn(bidder, company, ocid, List.of(envelope)));
        });

        String api = "/api/audit/entries?subjectId=" + ocid;
        String page = "/audit?subjectId=" + ocid;
        String before = asAuditor(api);
        assertThat(before).contains("bidding.bid-submitted", "bidding.bid-withdrawn", envelope.toString());
        assertThat(before).doesNotContain(bidder).doesNotContain(company);
        assertThat(asAuditor(page))
                .contains("bidding.bid-submitted", "Secret until the bids are opened")
                .doesNotContain(bidder);
        assertThat(exportedLinesOf(ocid))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line)
                        .contains("\"sealed\":true", AuditEntry.SEALED_ACTOR)
                        .doesNotContain(bidder)
                        .doesNotContain(company));

        // the opening starts
        jdbc.sql("""
                        insert into opening_session (id, ocid, kind, started_by, started_at)
                        values (:id, :ocid, 'single', 'president@autorite.test', :at)""")
                .param("id", UUID.randomUUID())
                .param("ocid", ocid)
                .param("at", Timestamp.from(Instant.now()))
                .update();

        String after = asAuditor(api);
        assertThat(after).contains(bidder, company);
        assertThat(asAuditor(page)).contains(bidder).doesNotContain("Secret until the bids are opened");
        assertThat(exportedLinesOf(ocid))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains(bidder, company).doesNotContain("\"sealed\""));
    }

    /** The export's lines about the process: the export withholds what the API withholds. */
    private List<String> exportedLinesOf(String ocid) throws Exception {
        return asAuditor("/api/audit/export")
                .lines()
                .filter(line -> line.contains("\"subjectId\":\"" + ocid + "\""))
                .toList();
    }
}
