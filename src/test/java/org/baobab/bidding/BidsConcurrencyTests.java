// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.baobab.IntegrationTest;
import org.baobab.TestClock;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.Notices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Submissions at the same time, around the deadline. The instant of receipt is read under the transparency log's
 * lock, so the log's order is the order of receipt, and the deadline is checked against that instant: a submission
 * that waited for the lock until the deadline had passed is refused and leaves nothing. The tests hold the log's lock
 * themselves ({@link LogLock}) and watch PostgreSQL's lock queue, so that they know which submissions come before the
 * deadline and which after, without sleeping and without luck.
 */
@IntegrationTest
class BidsConcurrencyTests {

    private final Bids bids;
    private final Receipts receipts;
    private final BidFixtures fixtures;
    private final Notices notices;
    private final TestClock clock;
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    BidsConcurrencyTests(
            Bids bids,
            Receipts receipts,
            BidFixtures fixtures,
            Notices notices,
            TestClock clock,
            JdbcClient jdbc,
            DataSource dataSource) {
        this.bids = bids;
        this.receipts = receipts;
        this.fixtures = fixtures;
        this.notices = notices;
        this.clock = clock;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    private record Attempt(CurrentUser bidder, BidFixtures.Sealed sealed, UUID upload) {

        UUID company() {
            return bidder.primaryMembership().orElseThrow().organisationId();
        }
    }

    private Attempt attempt(String ocid, CurrentUser bidder, String amount) {
        BidFixtures.Sealed sealed = fixtures.seal(ocid, amount);
        return new Attempt(bidder, sealed, fixtures.upload(bidder, sealed));
    }

    private Instant deadline(String ocid) {
        return notices.notice(ocid).orElseThrow().notice().submissionDeadline();
    }

    /** Starts the attempts together (a latch) and returns once each of them waits for the log's lock. */
    private List<Future<Object>> start(List<Attempt> attempts, ExecutorService pool, long waitingBefore) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (Attempt attempt : attempts) {
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return bids.submit(
                            attempt.bidder(), attempt.upload(), attempt.sealed().manifestJson());
                } catch (BaobabException e) {
                    return e;
                }
            }));
        }
        go.countDown();
        LogLock.awaitWaiting(dataSource, LogLock.LOG_LOCK, waitingBefore + attempts.size());
        return results;
    }

    private static List<Object> outcomes(List<Future<Object>> results) throws Exception {
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> result : results) {
            outcomes.add(result.get(1, TimeUnit.MINUTES));
        }
        return outcomes;
    }

    private List<Map<String, Object>> envelopesInLogOrder(String ocid) {
        return jdbc.sql("""
                        select id, organisation_id, state, received_at, log_index from bidding_envelope
                        where ocid = :o order by log_index
                        """).param("o", ocid).query().listOfRows();
    }

    private long leavesOf(UUID envelope) {
        return jdbc.sql("select count(*) from bidding_log_leaf where envelope_id = :e")
                .param("e", envelope)
                .query(Long.class)
                .single();
    }

    @Test
    void theDeadlinePassesWhileSubmissionsWaitForTheLogThoseBeforeItAreTakenThoseAfterItRefusedAndLeaveNothing()
            throws Exception {
        String ocid = fixtures.openNotice("Dernière seconde");
        Instant deadline = deadline(ocid);
        List<CurrentUser> companies = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            companies.add(fixtures.newCompany());
        }
        // before the deadline: the first company twice (the second replaces the first), another once
        List<Attempt> before = List.of(
                attempt(ocid, companies.get(0), "1000"),
                attempt(ocid, companies.get(0), "1001"),
                attempt(ocid, companies.get(1), "1100"));
        // reaching the log after the deadline: each company again, and one for the first time
        List<Attempt> after = List.of(
                attempt(ocid, companies.get(0), "1002"),
                attempt(ocid, companies.get(1), "1101"),
                attempt(ocid, companies.get(2), "1200"));

        clock.stopAt(deadline.minusMillis(1));
        ExecutorService pool = Executors.newFixedThreadPool(before.size() + after.size());
        List<Object> taken;
        List<Object> late;
        try {
            // the first wave passes the checks made before the lock and queues for the log, which the test holds;
            // once the test lets go, every one of them goes through, one at a time
            List<Future<Object>> first;
            try (LogLock held = LogLock.take(dataSource)) {
                first = start(before, pool, 0);
            }
            taken = outcomes(first);
            assertThat(envelopesInLogOrder(ocid)).hasSize(before.size());
            // the second wave passes the same checks (the clock is still before the deadline) and queues for the log
            // again; the deadline strikes while it waits, then the test lets go: whatever order PostgreSQL wakes the
            // waiters in, each reads the clock under the lock, after the deadline
            List<Future<Object>> second;
            try (LogLock held = LogLock.take(dataSource)) {
                second = start(after, pool, 0);
                assertThat(second).noneMatch(Future::isDone);
                clock.stopAt(deadline);
            }
            late = outcomes(second);
        } finally {
            pool.shutdownNow();
        }

        // both outcomes happened: every submission of the first wave has a receipt from before the deadline
        assertThat(taken).allSatisfy(o -> assertThat(o).isInstanceOf(Bids.Outcome.class));
        List<Bids.Outcome> accepted =
                taken.stream().map(Bids.Outcome.class::cast).toList();
        assertThat(accepted)
                .allSatisfy(o -> assertThat(o.receipt().content().receivedAt()).isEqualTo(deadline.minusMillis(1)));
        // every one of the second has a clear refusal, and left no envelope and no leaf
        assertThat(late)
                .allSatisfy(
                        o -> assertThat(((BaobabException) o).errorCode()).isEqualTo(BiddingErrorCode.DEADLINE_PASSED));
        for (Attempt attempt : after) {
            assertThat(receipts.ofEnvelope(attempt.sealed().envelopeId())).isEmpty();
            assertThat(leavesOf(attempt.sealed().envelopeId())).isZero();
        }

        // the process holds exactly the first wave, one leaf each, at distinct indexes
        List<Map<String, Object>> stored = envelopesInLogOrder(ocid);
        assertThat(stored)
                .extracting(r -> (UUID) r.get("id"))
                .containsExactlyInAnyOrderElementsOf(
                        before.stream().map(a -> a.sealed().envelopeId()).toList());
        assertThat(stored)
                .extracting(r -> ((Number) r.get("log_index")).longValue())
                .containsExactlyInAnyOrderElementsOf(
                        accepted.stream().map(o -> o.receipt().logIndex()).toList())
                .doesNotHaveDuplicates();
        for (Attempt attempt : before) {
            assertThat(leavesOf(attempt.sealed().envelopeId())).isEqualTo(1);
        }
        // one current envelope for each company that got a receipt: the first company's later one in the log
        UUID firstCompanysLast = accepted.stream()
                .filter(o -> o.envelope().organisationId().equals(before.get(0).company()))
                .max(java.util.Comparator.comparingLong(o -> o.receipt().logIndex()))
                .orElseThrow()
                .envelope()
                .id();
        assertThat(stored.stream().filter(r -> "current".equals(r.get("state"))))
                .extracting(r -> (UUID) r.get("id"))
                .containsExactlyInAnyOrder(
                        firstCompanysLast, before.get(2).sealed().envelopeId());
    }

    @Test
    void aSubmissionThatGetsTheLogOnlyAfterTheDeadlineIsRefusedThoughItArrivedBefore() throws Exception {
        String ocid = fixtures.openNotice("Attente du journal");
        Instant deadline = deadline(ocid);
        Attempt attempt = attempt(ocid, fixtures.newCompany(), "2000");
        clock.stopAt(deadline.minusMillis(1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Object outcome;
        try {
            List<Future<Object>> waiting;
            try (LogLock held = LogLock.take(dataSource)) {
                waiting = start(List.of(attempt), pool, 0);
                clock.stopAt(deadline);
            }
            outcome = outcomes(waiting).get(0);
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcome).isInstanceOf(BaobabException.class);
        assertThat(((BaobabException) outcome).errorCode()).isEqualTo(BiddingErrorCode.DEADLINE_PASSED);
        assertThat(envelopesInLogOrder(ocid)).isEmpty();
        assertThat(leavesOf(attempt.sealed().envelopeId())).isZero();
    }

    @Test
    void theLogsOrderIsTheOrderOfReceipt() throws Exception {
        String ocid = fixtures.openNotice("Ordre du journal");
        List<Attempt> attempts = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            attempts.add(attempt(ocid, fixtures.newCompany(), String.valueOf(3000 + c)));
        }
        // the system's clock: the submissions queue for the log together and take it one after the other
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        List<Object> outcomes;
        try {
            List<Future<Object>> results;
            try (LogLock held = LogLock.take(dataSource)) {
                results = start(attempts, pool, 0);
            }
            outcomes = outcomes(results);
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(Bids.Outcome.class));
        List<Map<String, Object>> stored = envelopesInLogOrder(ocid);
        assertThat(stored).hasSize(attempts.size());
        List<Instant> times = stored.stream()
                .map(r -> ((java.sql.Timestamp) r.get("received_at")).toInstant())
                .toList();
        assertThat(times).isSorted();
        // and the receipts say the same as the table
        List<Instant> receiptTimes = outcomes.stream()
                .map(Bids.Outcome.class::cast)
                .sorted(java.util.Comparator.comparingLong(o -> o.receipt().logIndex()))
                .map(o -> o.receipt().content().receivedAt())
                .toList();
        assertThat(receiptTimes).isEqualTo(times);
    }
}
