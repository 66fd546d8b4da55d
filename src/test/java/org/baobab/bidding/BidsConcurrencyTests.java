// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.baobab.IntegrationTest;
import org.baobab.TestClock;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.Notices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The last second before a deadline: many companies submit at once, some twice, while the server's clock reaches the
 * deadline. Every submission gets a receipt or a clear refusal (too late), receipts are all before the deadline, the
 * log has exactly one leaf per receipt with no gap, and each company has exactly one current envelope.
 */
@IntegrationTest
class BidsConcurrencyTests {

    private static final int COMPANIES = 6;
    private static final int PER_COMPANY = 3;

    private final Bids bids;
    private final BidFixtures fixtures;
    private final Notices notices;
    private final TestClock clock;
    private final JdbcClient jdbc;

    BidsConcurrencyTests(Bids bids, BidFixtures fixtures, Notices notices, TestClock clock, JdbcClient jdbc) {
        this.bids = bids;
        this.fixtures = fixtures;
        this.notices = notices;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    private record Attempt(CurrentUser bidder, BidFixtures.Sealed sealed, UUID upload) {}

    @Test
    void concurrentSubmissionsInTheLastSecondAllGetAReceiptOrAClearRefusal() throws Exception {
        String ocid = fixtures.openNotice("Dernière seconde");
        Instant deadline = notices.notice(ocid).orElseThrow().notice().submissionDeadline();
        List<Attempt> attempts = new ArrayList<>();
        for (int c = 0; c < COMPANIES; c++) {
            CurrentUser bidder = fixtures.newCompany();
            for (int i = 0; i < PER_COMPANY; i++) {
                BidFixtures.Sealed sealed = fixtures.seal(ocid, String.valueOf(1000 + c * 10 + i));
                attempts.add(new Attempt(bidder, sealed, fixtures.upload(bidder, sealed)));
            }
        }
        long before =
                jdbc.sql("select size from bidding_log_state").query(Long.class).single();

        clock.stopAt(deadline.minusMillis(400));
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        try {
            for (Attempt attempt : attempts) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return bids.submit(
                                attempt.bidder(),
                                attempt.upload(),
                                attempt.sealed().manifestJson());
                    } catch (BaobabException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            // the deadline strikes while the submissions are under way
            Thread.sleep(30);
            clock.stopAt(deadline);
            List<Bids.Outcome> accepted = new ArrayList<>();
            int refused = 0;
            for (Future<Object> result : results) {
                Object outcome = result.get(60, TimeUnit.SECONDS);
                if (outcome instanceof Bids.Outcome o) {
                    accepted.add(o);
                } else {
                    BaobabException e = (BaobabException) outcome;
                    assertThat(e.errorCode()).isEqualTo(BiddingErrorCode.DEADLINE_PASSED);
                    refused++;
                }
            }
            assertThat(accepted.size() + refused).isEqualTo(attempts.size());
            assertThat(accepted)
                    .allSatisfy(
                            o -> assertThat(o.receipt().content().receivedAt()).isBefore(deadline));
            Set<Long> indexes = new HashSet<>();
            accepted.forEach(o -> indexes.add(o.receipt().logIndex()));
            assertThat(indexes).hasSize(accepted.size());
            long after = jdbc.sql("select size from bidding_log_state")
                    .query(Long.class)
                    .single();
            assertThat(after - before).isEqualTo(accepted.size());
            if (!accepted.isEmpty()) {
                assertThat(indexes).allSatisfy(i -> assertThat(i).isBetween(before, after - 1));
            }
            assertThat(jdbc.sql("select count(*) from bidding_envelope where ocid = :o")
                            .param("o", ocid)
                            .query(Long.class)
                            .single())
                    .isEqualTo(accepted.size());
            // at most one current envelope per company, and one for each company that got a receipt
            long companiesWithReceipts = accepted.stream()
                    .map(o -> o.envelope().organisationId())
                    .distinct()
                    .count();
            assertThat(jdbc.sql("select count(*) from bidding_envelope where ocid = :o and state = 'current'")
                            .param("o", ocid)
                            .query(Long.class)
                            .single())
                    .isEqualTo(companiesWithReceipts);
        } finally {
            pool.shutdownNow();
        }
    }
}
