// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.TestClock;
import org.baobab.documents.Documents;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Resumable envelope uploads: pieces at the server's offset, a cut connection resumed where the server stands, the
 * whole accepted only if it is the size and SHA-256 announced, nothing for another company, nothing after the deadline,
 * and unfinished uploads purged.
 */
@IntegrationTest
class EnvelopeUploadsTests {

    private final EnvelopeUploads uploads;
    private final Documents documents;
    private final Tendering tendering;
    private final TenderingFixtures fixtures;
    private final JdbcClient jdbc;
    private final MockMvc mvc;
    private final BidFixtures bidFixtures;
    private final Bids bids;
    private final TestClock clock;

    EnvelopeUploadsTests(
            EnvelopeUploads uploads,
            Documents documents,
            Tendering tendering,
            TenderingFixtures fixtures,
            JdbcClient jdbc,
            MockMvc mvc,
            BidFixtures bidFixtures,
            Bids bids,
            TestClock clock) {
        this.bidFixtures = bidFixtures;
        this.bids = bids;
        this.clock = clock;
        this.uploads = uploads;
        this.documents = documents;
        this.tendering = tendering;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.mvc = mvc;
    }

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    private String openNotice() {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID id = tendering.createOutsidePlan(
                buyer, fixtures.organisationOf(TenderingFixtures.BUYER), "motif", fixtures.notice("SN", "Offres"));
        tendering.publish(fixtures.user(TenderingFixtures.PRM), id);
        return tendering.forStaff(buyer, id).ocid();
    }

    private static byte[] ciphertext(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static InputStream piece(byte[] all, int from, int to) {
        return new ByteArrayInputStream(Arrays.copyOfRange(all, from, to));
    }

    private static BiddingErrorCode code(Throwable e) {
        return (BiddingErrorCode) ((BaobabException) e).errorCode();
    }

    @Test
    void aCutUploadResumesWhereTheServerStandsAndTheWholeIsStoredOnce() throws Exception {
        CurrentUser bidder = fixtures.user(TenderingFixtures.SUPPLIER);
        byte[] envelope = ciphertext(3_000_000);
        EnvelopeUpload upload = uploads.start(bidder, openNotice(), envelope.length, sha256(envelope));

        assertThat(uploads.append(bidder, upload.id(), 0, piece(envelope, 0, 1_000_000))
                        .received())
                .isEqualTo(1_000_000);
        // the connection is cut during the second piece: the client asks where the server stands
        assertThatThrownBy(() -> uploads.append(bidder, upload.id(), 2_000_000, piece(envelope, 2_000_000, 3_000_000)))
                .satisfies(e -> {
                    assertThat(code(e)).isEqualTo(BiddingErrorCode.OFFSET_MISMATCH);
                    assertThat(((BaobabException) e).arguments()).containsExactly(2_000_000L, 1_000_000L);
                });
        long standing = uploads.status(bidder, upload.id()).received();
        EnvelopeUpload done = uploads.append(bidder, upload.id(), standing, piece(envelope, (int) standing, 3_000_000));

        assertThat(done.complete()).isTrue();
        assertThat(done.document()).isEqualTo(sha256(envelope));
        assertThat(documents.metadata(done.document()).contentType()).isEqualTo(Documents.SEALED_TYPE);
        try (InputStream stored = documents.open(done.document())) {
            assertThat(stored.readAllBytes()).isEqualTo(envelope);
        }
        assertThatThrownBy(() -> uploads.append(bidder, upload.id(), 3_000_000, piece(envelope, 0, 1)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.UPLOAD_COMPLETE));
    }

    @Test
    void bytesOtherThanAnnouncedAreRefusedAndTheUploadStartsAgain() throws Exception {
        CurrentUser bidder = fixtures.user(TenderingFixtures.SUPPLIER);
        byte[] envelope = ciphertext(200_000);
        EnvelopeUpload upload = uploads.start(bidder, openNotice(), envelope.length, sha256(envelope));
        byte[] tampered = envelope.clone();
        tampered[150_000] ^= 1;
        assertThatThrownBy(() -> uploads.append(bidder, upload.id(), 0, new ByteArrayInputStream(tampered)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.NOT_AS_ANNOUNCED));
        assertThat(uploads.status(bidder, upload.id()).received()).isZero();
        assertThat(uploads.status(bidder, upload.id()).complete()).isFalse();

        byte[] longer = Arrays.copyOf(envelope, envelope.length + 1);
        assertThatThrownBy(() -> uploads.append(bidder, upload.id(), 0, new ByteArrayInputStream(longer)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.UPLOAD_OVERFLOW));
        assertThat(uploads.append(bidder, upload.id(), 0, new ByteArrayInputStream(envelope))
                        .complete())
                .isTrue();
    }

    @Test
    void onlyTheCompanysBiddersBeforeTheDeadlineAndWithinLimits() throws Exception {
        CurrentUser bidder = fixtures.user(TenderingFixtures.SUPPLIER);
        String ocid = openNotice();
        byte[] envelope = ciphertext(1000);
        EnvelopeUpload upload = uploads.start(bidder, ocid, envelope.length, sha256(envelope));

        CurrentUser otherCompany = fixtures.user("admin@batir-cameroun.demo");
        assertThatThrownBy(() -> uploads.status(otherCompany, upload.id()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.UNKNOWN_UPLOAD));
        assertThatThrownBy(() -> uploads.start(fixtures.user(TenderingFixtures.BUYER), ocid, 10, sha256(envelope)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.NOT_A_BIDDER));
        assertThatThrownBy(() -> uploads.start(bidder, ocid, 300L * 1024 * 1024, sha256(envelope)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.ENVELOPE_TOO_LARGE));
        assertThatThrownBy(() -> uploads.start(bidder, ocid, 10, "not-a-hash"))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.INVALID_VALUE));
        assertThatThrownBy(() -> uploads.start(bidder, "ocds-baobab-SN-1999-99999", 10, sha256(envelope)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.NOT_OPEN_FOR_BIDS));

        jdbc.sql("update tendering_process set submission_deadline = :d where ocid = :o")
                .param("d", Timestamp.from(Instant.now().minusSeconds(1)))
                .param("o", ocid)
                .update();
        assertThatThrownBy(() -> uploads.append(bidder, upload.id(), 0, new ByteArrayInputStream(envelope)))
                .as("a piece after the deadline")
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.NOT_OPEN_FOR_BIDS));
    }

    @Test
    void unfinishedUploadsLeftAloneArePurged() throws Exception {
        CurrentUser bidder = fixtures.user(TenderingFixtures.SUPPLIER);
        byte[] envelope = ciphertext(5000);
        EnvelopeUpload stale = uploads.start(bidder, openNotice(), envelope.length, sha256(envelope));
        uploads.append(bidder, stale.id(), 0, piece(envelope, 0, 100));
        EnvelopeUpload fresh = uploads.start(bidder, openNotice(), envelope.length, sha256(envelope));
        jdbc.sql("update bidding_upload set updated_at = :t where id = :id")
                .param("t", Timestamp.from(Instant.now().minus(Duration.ofDays(2))))
                .param("id", stale.id())
                .update();
        assertThat(uploads.purgeUnfinished()).isGreaterThanOrEqualTo(1);
        assertThatThrownBy(() -> uploads.status(bidder, stale.id()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.UNKNOWN_UPLOAD));
        assertThat(uploads.status(bidder, fresh.id()).received()).isZero();
    }

    @Test
    void completedUploadsNeverSubmittedArePurgedOnceTheDeadlineHasPassedAndWhatABidUsesIsKept() throws Exception {
        String ocid = bidFixtures.openNotice("Purge après la date limite");
        String later = bidFixtures.openNotice("Avis encore ouvert");
        Instant deadline = jdbc.sql("select submission_deadline from tendering_process where ocid = :o")
                .param("o", ocid)
                .query(Timestamp.class)
                .single()
                .toInstant();
        CurrentUser bidder = bidFixtures.newCompany();
        // a bid submitted, and its ciphertext uploaded again (its answer was lost) but not submitted again
        BidFixtures.Sealed bid = bidFixtures.seal(ocid, "700");
        UUID submitted = bidFixtures.upload(bidder, bid);
        SubmittedEnvelope envelope =
                bids.submit(bidder, submitted, bid.manifestJson()).envelope();
        UUID again = bidFixtures.upload(bidder, bid);
        // an envelope uploaded and never submitted (the bidder changed its mind), and one on a notice still open
        BidFixtures.Sealed abandoned = bidFixtures.seal(ocid, "690");
        UUID unused = bidFixtures.upload(bidder, abandoned);
        BidFixtures.Sealed elsewhere = bidFixtures.seal(later, "680");
        UUID open = bidFixtures.upload(bidder, elsewhere);
        // and an upload under way, touched a moment ago: the day-untouched rule alone decides of it
        EnvelopeUpload underWay = uploads.start(bidder, ocid, 5000, sha256(ciphertext(5000)));

        clock.stopAt(deadline.minusMillis(1));
        uploads.purgeUnsubmitted();
        for (UUID kept : List.of(submitted, again, unused, open)) {
            assertThat(uploads.status(bidder, kept).complete()).isTrue();
        }

        clock.stopAt(deadline);
        assertThat(uploads.purgeUnsubmitted()).isGreaterThanOrEqualTo(2);
        clock.release();
        for (UUID gone : List.of(again, unused)) {
            assertThatThrownBy(() -> uploads.status(bidder, gone))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.UNKNOWN_UPLOAD));
        }
        // the abandoned ciphertext is gone from the document store, records and bytes
        String abandonedDocument = BidFixtures.sha256(abandoned.ciphertext());
        assertThatThrownBy(() -> documents.metadata(abandonedDocument))
                .satisfies(e ->
                        assertThat(((BaobabException) e).errorCode().code()).isEqualTo("DOCUMENTS-0004"));
        assertThat(jdbc.sql("select count(*) from documents_upload where sha256 = :s")
                        .param("s", abandonedDocument)
                        .query(Long.class)
                        .single())
                .isZero();
        // what the bid uses stays: its upload, and its ciphertext (the same bytes as the purged copy)
        assertThat(uploads.status(bidder, submitted).complete()).isTrue();
        try (InputStream stored = documents.open(envelope.document())) {
            assertThat(stored.readAllBytes()).isEqualTo(bid.ciphertext());
        }
        assertThat(uploads.status(bidder, open).complete()).isTrue();
        assertThat(uploads.status(bidder, underWay.id()).received()).isZero();
        // the purge is journalled, saying which uploads and ciphertexts, not whose
        Map<String, Object> entry = jdbc.sql("""
                        select organisation, payload::text as payload from audit_entry
                        where action = 'bidding.uploads-purged' and subject_id = :o
                        """).param("o", ocid).query().singleRow();
        assertThat(entry.get("organisation")).isNull();
        assertThat((String) entry.get("payload"))
                .contains(again.toString(), unused.toString(), abandonedDocument)
                .doesNotContain(submitted.toString(), envelope.document(), open.toString());
        // the bid's receipt is still what a re-send gets, whichever upload it names
        assertThat(bids.submit(bidder, again, bid.manifestJson()).repeat()).isTrue();
    }

    @Test
    void theApiAnnouncesTakesRawPiecesAndAnswersProblemDetails() throws Exception {
        CurrentUser bidder = fixtures.user(TenderingFixtures.SUPPLIER);
        byte[] envelope = ciphertext(70_000);
        String created = mvc.perform(MockMvcRequestBuilders.post("/api/bids/uploads")
                        .with(SignedIn.as(bidder))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ocid\":\"" + openNotice() + "\",\"size\":70000,\"sha256\":\"" + sha256(envelope)
                                + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.received").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = created.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");
        mvc.perform(MockMvcRequestBuilders.put("/api/bids/uploads/" + id + "?offset=5")
                        .with(SignedIn.as(bidder))
                        .with(csrf())
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(Arrays.copyOfRange(envelope, 5, 10)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("BIDDING-0004"));
        mvc.perform(MockMvcRequestBuilders.put("/api/bids/uploads/" + id + "?offset=0")
                        .with(SignedIn.as(bidder))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(envelope))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(true));
        mvc.perform(MockMvcRequestBuilders.get("/documents/" + sha256(envelope)).with(SignedIn.as(bidder)))
                .andExpect(status().isNotFound());
    }
}
