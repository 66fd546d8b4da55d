// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.TestClock;
import org.baobab.identity.CurrentUser;
import org.baobab.tendering.Notices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bid committed whose answer was lost: the bidder sends the same envelope again — through the same upload, through a
 * new upload of the same ciphertext, while the first request is still under way, or after the deadline — and gets its
 * receipt, the same bytes with the same signature and log index, counted once. The same envelope id for another
 * envelope, or another company's copy of the envelope, stays refused in the user's language, and writes nothing.
 */
@IntegrationTest
class BidResendTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Bids bids;
    private final BidFixtures fixtures;
    private final Notices notices;
    private final TestClock clock;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final MockMvc mvc;

    BidResendTests(
            Bids bids,
            BidFixtures fixtures,
            Notices notices,
            TestClock clock,
            JdbcClient jdbc,
            DataSource dataSource,
            MockMvc mvc) {
        this.bids = bids;
        this.fixtures = fixtures;
        this.notices = notices;
        this.clock = clock;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.mvc = mvc;
    }

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    private long logSize() {
        return jdbc.sql("select size from bidding_log_state").query(Long.class).single();
    }

    private long envelopes(String ocid) {
        return jdbc.sql("select count(*) from bidding_envelope where ocid = :o")
                .param("o", ocid)
                .query(Long.class)
                .single();
    }

    private long journalled(String ocid) {
        return jdbc.sql("select count(*) from audit_entry where action = 'bidding.bid-submitted' and subject_id = :o")
                .param("o", ocid)
                .query(Long.class)
                .single();
    }

    /** What the page's script and a supplier's system send: {@code POST /api/bids} with the upload and manifest. */
    private ResultActions post(CurrentUser bidder, UUID upload, BidFixtures.Sealed sealed, String language)
            throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/bids")
                .with(SignedIn.as(bidder))
                .with(csrf().asHeader())
                .header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(
                        Map.of("upload", upload.toString(), "manifest", sealed.manifestJson()))));
    }

    private static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    @Test
    void theSameEnvelopeSentAgainThroughItsUploadOrANewOneGetsItsReceiptEvenAfterTheDeadline() throws Exception {
        String ocid = fixtures.openNotice("Réponse perdue");
        Instant deadline = notices.notice(ocid).orElseThrow().notice().submissionDeadline();
        CurrentUser bidder = fixtures.newCompany();
        BidFixtures.Sealed sealed = fixtures.seal(ocid, "4100");
        UUID first = fixtures.upload(bidder, sealed);
        long before = logSize();

        JsonNode accepted = body(post(bidder, first, sealed, "fr").andExpect(status().isCreated()));
        String receipt = accepted.get("receipt").asString();
        long index = accepted.get("logIndex").asLong();
        assertThat(index).isEqualTo(before);

        // the answer was lost: the page sends the same request again; a supplier's system that lost its upload's id
        // too uploads the same ciphertext again and sends the same manifest with the new upload
        UUID second = fixtures.upload(bidder, sealed);
        for (UUID upload : List.of(first, second)) {
            post(bidder, upload, sealed, "fr")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.repeat").value(true))
                    .andExpect(jsonPath("$.receipt").value(receipt))
                    .andExpect(jsonPath("$.logIndex").value(index))
                    .andExpect(jsonPath("$.envelope").value(sealed.envelopeId().toString()));
        }
        // after the deadline still: the envelope was received before it
        clock.stopAt(deadline.plusSeconds(3600));
        for (UUID upload : List.of(first, second)) {
            post(bidder, upload, sealed, "en")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.repeat").value(true))
                    .andExpect(jsonPath("$.receipt").value(receipt));
        }
        assertThat(bids.submit(bidder, second, sealed.manifestJson()).receipt().document())
                .isEqualTo(receipt);

        // counted once: one leaf, one envelope, one journal entry
        assertThat(logSize()).isEqualTo(before + 1);
        assertThat(envelopes(ocid)).isEqualTo(1);
        assertThat(journalled(ocid)).isEqualTo(1);
    }

    @Test
    void anotherEnvelopeUnderATakenIdOrAnotherCompanysCopyIsRefusedInTheUsersLanguage() throws Exception {
        String ocid = fixtures.openNotice("Identifiant pris");
        CurrentUser bidder = fixtures.newCompany();
        BidFixtures.Sealed sealed = fixtures.seal(ocid, "5200");
        post(bidder, fixtures.upload(bidder, sealed), sealed, "fr").andExpect(status().isCreated());
        long before = logSize();

        // the same company, another envelope (another price) under the id it used already
        BidFixtures.Sealed other = fixtures.seal(sealed.envelopeId(), ocid, "5100");
        UUID otherUpload = fixtures.upload(bidder, other);
        Map<String, String> texts = Map.of(
                "fr", "Cet identifiant d'enveloppe est déjà pris par une autre enveloppe.",
                "en", "This envelope id is taken by another envelope already.",
                "ar", "معرّف الظرف هذا مستعمل لظرف آخر.");
        for (Map.Entry<String, String> text : texts.entrySet()) {
            post(bidder, otherUpload, other, text.getKey())
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("BIDDING-0020"))
                    .andExpect(jsonPath("$.detail").value(text.getValue()));
        }
        // another company with a copy of the envelope (its manifest and ciphertext), uploaded as its own
        CurrentUser rival = fixtures.newCompany();
        post(rival, fixtures.upload(rival, sealed), sealed, "en")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("BIDDING-0020"));

        assertThat(logSize()).isEqualTo(before);
        assertThat(envelopes(ocid)).isEqualTo(1);
        assertThat(journalled(ocid)).isEqualTo(1);
    }

    @Test
    void theSameEnvelopeSentAgainWhileTheFirstRequestIsUnderWayGetsTheSameReceipt() throws Exception {
        String ocid = fixtures.openNotice("Réponse en retard");
        CurrentUser bidder = fixtures.newCompany();
        BidFixtures.Sealed sealed = fixtures.seal(ocid, "6300");
        UUID upload = fixtures.upload(bidder, sealed);
        UUID again = fixtures.upload(bidder, sealed);
        long before = logSize();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Bids.Outcome>> outcomes = new ArrayList<>();
        try {
            try (LogLock held = LogLock.take(dataSource)) {
                // the first request reaches the log's lock (another submission holds it) and waits there
                outcomes.add(pool.submit(() -> bids.submit(bidder, upload, sealed.manifestJson())));
                LogLock.awaitWaiting(dataSource, LogLock.LOG_LOCK, 1);
                // the client gives up waiting and sends the same request again: it waits for the upload
                outcomes.add(pool.submit(() -> bids.submit(bidder, upload, sealed.manifestJson())));
                LogLock.awaitWaiting(dataSource, LogLock.UPLOAD_LOCK, 1);
                // and a client that uploaded again sends it with the new upload: it waits for the log
                outcomes.add(pool.submit(() -> bids.submit(bidder, again, sealed.manifestJson())));
                LogLock.awaitWaiting(dataSource, LogLock.LOG_LOCK, 2);
            }
            List<Bids.Outcome> done = new ArrayList<>();
            for (Future<Bids.Outcome> outcome : outcomes) {
                done.add(outcome.get(1, TimeUnit.MINUTES));
            }
            assertThat(done).extracting(Bids.Outcome::repeat).containsExactly(false, true, true);
            assertThat(done)
                    .extracting(o -> o.receipt().document())
                    .containsOnly(done.get(0).receipt().document());
            assertThat(done).extracting(o -> o.receipt().logIndex()).containsOnly(before);
        } finally {
            pool.shutdownNow();
        }
        assertThat(logSize()).isEqualTo(before + 1);
        assertThat(envelopes(ocid)).isEqualTo(1);
        assertThat(journalled(ocid)).isEqualTo(1);
    }
}
