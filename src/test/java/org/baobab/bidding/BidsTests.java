// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baobab.IntegrationTest;
import org.baobab.Operator;
import org.baobab.SignedIn;
import org.baobab.TestClock;
import org.baobab.bidding.sealing.EnvelopeContext;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.Notices;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submission of sealed bids: one transaction before the deadline on the server's clock, idempotent, replaceable and
 * withdrawable until the deadline, checked against the upload, the committee, the lots and the procedure; a receipt in
 * the transparency log for each accepted envelope and nothing at all for a refused one.
 */
@IntegrationTest
class BidsTests {

    private final Bids bids;
    private final BidFixtures fixtures;
    private final TenderingFixtures tenderingFixtures;
    private final Notices notices;
    private final Receipts receipts;
    private final TestClock clock;
    // the database's superuser, to plant a failure the application's own role could not
    private final Operator operator;
    private final JdbcClient jdbc;
    private final MockMvc mvc;

    BidsTests(
            Bids bids,
            BidFixtures fixtures,
            TenderingFixtures tenderingFixtures,
            Notices notices,
            Receipts receipts,
            TestClock clock,
            JdbcClient jdbc,
            MockMvc mvc,
            Operator operator) {
        this.operator = operator;
        this.bids = bids;
        this.fixtures = fixtures;
        this.tenderingFixtures = tenderingFixtures;
        this.notices = notices;
        this.receipts = receipts;
        this.clock = clock;
        this.jdbc = jdbc;
        this.mvc = mvc;
    }

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    private static BiddingErrorCode code(Throwable e) {
        return (BiddingErrorCode) ((BaobabException) e).errorCode();
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

    private Instant deadline(String ocid) {
        return notices.notice(ocid).orElseThrow().notice().dates().submissionDeadline();
    }

    @Test
    void anEnvelopeSealedToTheCommitteeIsAcceptedWithASignedReceiptAndARepeatGivesTheSameReceipt() {
        String ocid = fixtures.openNotice("Offres acceptées");
        CurrentUser bidder = fixtures.bidder();
        BidFixtures.Sealed sealed = fixtures.seal(ocid, "12500000");
        UUID upload = fixtures.upload(bidder, sealed);
        long before = logSize();

        Bids.Outcome outcome = bids.submit(bidder, upload, sealed.manifestJson());

        assertThat(outcome.repeat()).isFalse();
        SubmittedEnvelope envelope = outcome.envelope();
        assertThat(envelope.id()).isEqualTo(sealed.envelopeId());
        assertThat(envelope.state()).isEqualTo(SubmittedEnvelope.State.CURRENT);
        assertThat(envelope.envelopeHash()).isEqualTo(sealed.manifest().envelopeHash());
        assertThat(envelope.document()).isEqualTo(BidFixtures.sha256(sealed.ciphertext()));
        Receipt receipt = outcome.receipt();
        assertThat(receipt.content().ocid()).isEqualTo(ocid);
        assertThat(receipt.content().lots()).containsExactly("1");
        assertThat(receipt.content().envelopeHash()).isEqualTo(sealed.manifest().envelopeHash());
        assertThat(receipt.content().supplierName()).isEqualTo("Sahel Numérique SARL");
        assertThat(receipt.logIndex()).isEqualTo(before);
        assertThat(logSize()).isEqualTo(before + 1);
        assertThat(bids.manifest(envelope.id())).contains(sealed.manifest());

        // the answer was lost and the client tries again: same receipt, nothing new
        Bids.Outcome again = bids.submit(bidder, upload, sealed.manifestJson());
        assertThat(again.repeat()).isTrue();
        assertThat(again.receipt().document()).isEqualTo(receipt.document());
        assertThat(logSize()).isEqualTo(before + 1);
        assertThat(envelopes(ocid)).isEqualTo(1);
        // journalled without content
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where action = 'bidding.bid-submitted' and subject_id = :o")
                        .param("o", ocid)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aBidOneMillisecondLateIsRefusedAndOneAMillisecondEarlyIsTaken() {
        String ocid = fixtures.openNotice("Date limite à la milliseconde");
        CurrentUser bidder = fixtures.bidder();
        Instant deadline = deadline(ocid);
        BidFixtures.Sealed early = fixtures.seal(ocid, "100");
        UUID earlyUpload = fixtures.upload(bidder, early);
        BidFixtures.Sealed late = fixtures.seal(ocid, "99");
        UUID lateUpload = fixtures.upload(bidder, late);
        long before = logSize();

        clock.stopAt(deadline.minusMillis(1));
        Bids.Outcome taken = bids.submit(bidder, earlyUpload, early.manifestJson());
        assertThat(taken.receipt().content().receivedAt()).isEqualTo(deadline.minusMillis(1));

        clock.stopAt(deadline);
        assertThatThrownBy(() -> bids.submit(bidder, lateUpload, late.manifestJson()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.DEADLINE_PASSED));
        clock.stopAt(deadline.plusMillis(1));
        assertThatThrownBy(() -> bids.submit(bidder, lateUpload, late.manifestJson()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.DEADLINE_PASSED));
        // nor may it be withdrawn any more
        assertThatThrownBy(() -> bids.withdraw(bidder, ocid))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.DEADLINE_PASSED));

        assertThat(logSize()).isEqualTo(before + 1);
        assertThat(bids.ofMyCompany(bidder, ocid))
                .singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo(SubmittedEnvelope.State.CURRENT));
    }

    @Test
    void aNewEnvelopeSupersedesTheOldOneAndAWithdrawalEndsTheCurrentOneBothKept() {
        String ocid = fixtures.openNotice("Remplacement et retrait");
        CurrentUser bidder = fixtures.bidder();
        BidFixtures.Sealed first = fixtures.seal(ocid, "300");
        Bids.Outcome one = bids.submit(bidder, fixtures.upload(bidder, first), first.manifestJson());
        BidFixtures.Sealed second = fixtures.seal(ocid, "250");
        Bids.Outcome two = bids.submit(bidder, fixtures.upload(bidder, second), second.manifestJson());

        List<SubmittedEnvelope> mine = bids.ofMyCompany(bidder, ocid);
        assertThat(mine).hasSize(2);
        SubmittedEnvelope old = mine.stream()
                .filter(e -> e.id().equals(one.envelope().id()))
                .findFirst()
                .orElseThrow();
        assertThat(old.state()).isEqualTo(SubmittedEnvelope.State.SUPERSEDED);
        assertThat(old.replacedBy()).isEqualTo(two.envelope().id());
        assertThat(receipts.ofEnvelope(old.id())).isPresent();

        List<SubmittedEnvelope> withdrawn = bids.withdraw(bidder, ocid);
        assertThat(withdrawn)
                .extracting(SubmittedEnvelope::id)
                .containsExactly(two.envelope().id());
        assertThat(bids.envelopes(ocid))
                .extracting(SubmittedEnvelope::state)
                .containsExactlyInAnyOrder(SubmittedEnvelope.State.SUPERSEDED, SubmittedEnvelope.State.WITHDRAWN);
        assertThatThrownBy(() -> bids.withdraw(bidder, ocid))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.NO_CURRENT_BID));
        // the database itself refuses to change or delete a submitted envelope
        assertThatThrownBy(() -> jdbc.sql("update bidding_envelope set state = 'current' where id = :id")
                        .param("id", old.id())
                        .update())
                .hasStackTraceContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from bidding_envelope where id = :id")
                        .param("id", old.id())
                        .update())
                .hasStackTraceContaining("never deleted");
        assertThat(jdbc.sql("select count(*) from audit_entry where subject_id = :o and action in "
                                + "('bidding.bid-submitted', 'bidding.bid-replaced', 'bidding.bid-withdrawn')")
                        .param("o", ocid)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void whatDoesNotMatchTheUploadTheCommitteeOrTheNoticeIsRefusedAndWritesNothing() {
        String ocid = fixtures.openNotice("Refus");
        String other = fixtures.openNotice("Autre avis");
        CurrentUser bidder = fixtures.bidder();
        long before = logSize();
        BidFixtures.Sealed sealed = fixtures.seal(ocid, "1000");
        UUID upload = fixtures.upload(bidder, sealed);

        // a manifest that is not one
        assertThatThrownBy(() -> bids.submit(bidder, upload, "{\"format\":\"BSE1\"}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.INVALID_MANIFEST));
        // the manifest of another ciphertext
        BidFixtures.Sealed another = fixtures.seal(ocid, "1001");
        assertThatThrownBy(() -> bids.submit(bidder, upload, another.manifestJson()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.MANIFEST_MISMATCH));
        // sealed for another notice's context but uploaded to this one
        BidFixtures.Sealed elsewhere = fixtures.seal(other, "1002");
        assertThatThrownBy(() -> bids.submit(bidder, fixtures.upload(bidder, elsewhere), sealed.manifestJson()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.MANIFEST_MISMATCH));
        // a lot the notice does not have
        BidFixtures.Sealed lot9 = fixtures.seal(
                ocid, EnvelopeContext.Kind.SINGLE, List.of("9"), "{\"form\":\"BBF1\"}", new SecureRandom());
        assertThatThrownBy(() -> bids.submit(bidder, fixtures.upload(bidder, lot9), lot9.manifestJson()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.UNKNOWN_LOT));
        // a financial envelope in a single-envelope procedure
        BidFixtures.Sealed financial = fixtures.seal(
                ocid, EnvelopeContext.Kind.FINANCIAL, List.of("1"), "{\"form\":\"BBF1\"}", new SecureRandom());
        assertThatThrownBy(() -> bids.submit(bidder, fixtures.upload(bidder, financial), financial.manifestJson()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.KIND_NOT_ALLOWED));
        // an upload that is not finished
        EnvelopeUpload half = fixtures.uploads()
                .start(bidder, ocid, sealed.ciphertext().length, BidFixtures.sha256(sealed.ciphertext()));
        assertThatThrownBy(() -> bids.submit(bidder, half.id(), sealed.manifestJson()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.UPLOAD_INCOMPLETE));
        // another company's upload
        CurrentUser otherCompany = fixtures.user("admin@batir-cameroun.demo");
        assertThatThrownBy(() -> bids.submit(otherCompany, upload, sealed.manifestJson()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.UNKNOWN_UPLOAD));
        // a buyer is no bidder
        assertThatThrownBy(() -> bids.submit(fixtures.user(TenderingFixtures.BUYER), upload, sealed.manifestJson()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.NOT_A_BIDDER));

        assertThat(logSize()).isEqualTo(before);
        assertThat(envelopes(ocid)).isZero();
        // and the right one still goes through
        assertThat(bids.submit(bidder, upload, sealed.manifestJson()).repeat()).isFalse();
        // its upload cannot become a second envelope, nor its id be taken by another
        assertThatThrownBy(() -> bids.submit(bidder, upload, another.manifestJson()))
                .satisfies(e ->
                        assertThat(code(e)).isIn(BiddingErrorCode.UPLOAD_USED, BiddingErrorCode.MANIFEST_MISMATCH));
    }

    @Test
    void anEnvelopeSealedToOtherKeysIsRefused() throws Exception {
        String ocid = fixtures.openNotice("Mauvaise commission");
        CurrentUser bidder = fixtures.bidder();
        SealingSet set = fixtures.sealingSet(ocid);
        // the same committee in another order: member j's share would go to someone else's key
        List<org.baobab.bidding.sealing.CommitteeKey> reversed = new java.util.ArrayList<>(set.keys());
        java.util.Collections.reverse(reversed);
        BidFixtures.Sealed sealed = fixtures.sealTo(ocid, reversed, set.threshold());
        assertThatThrownBy(() -> bids.submit(bidder, fixtures.upload(bidder, sealed), sealed.manifestJson()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.WRONG_COMMITTEE));
        // the right keys with another threshold
        if (set.members().size() > set.threshold()) {
            BidFixtures.Sealed lower = fixtures.sealTo(ocid, set.keys(), set.threshold() + 1);
            assertThatThrownBy(() -> bids.submit(bidder, fixtures.upload(bidder, lower), lower.manifestJson()))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.WRONG_COMMITTEE));
        }
    }

    @Test
    void aCrashBetweenUploadAndSubmissionOrInsideTheSubmissionLeavesNoHalfBid() {
        String ocid = fixtures.openNotice("Panne");
        CurrentUser bidder = fixtures.bidder();
        long before = logSize();
        // the bidder's connection dies after the upload: a complete upload and nothing else
        BidFixtures.Sealed abandoned = fixtures.seal(ocid, "5");
        fixtures.upload(bidder, abandoned);
        assertThat(envelopes(ocid)).isZero();
        assertThat(logSize()).isEqualTo(before);

        // the server fails after the receipt is appended, before the envelope is written: all of it rolls back
        BidFixtures.Sealed sealed = fixtures.seal(ocid, "6");
        UUID upload = fixtures.upload(bidder, sealed);
        operator.jdbc().sql("""
                create function bidding_test_crash() returns trigger language plpgsql as $$
                begin raise exception 'simulated crash'; end $$""").update();
        operator.jdbc()
                .sql("create trigger bidding_test_crash before insert on bidding_envelope "
                        + "for each row execute function bidding_test_crash()")
                .update();
        try {
            assertThatThrownBy(() -> bids.submit(bidder, upload, sealed.manifestJson()))
                    .hasStackTraceContaining("simulated crash");
        } finally {
            operator.jdbc()
                    .sql("drop trigger bidding_test_crash on bidding_envelope")
                    .update();
            operator.jdbc().sql("drop function bidding_test_crash()").update();
        }
        assertThat(envelopes(ocid)).isZero();
        assertThat(logSize()).isEqualTo(before);
        assertThat(receipts.ofEnvelope(sealed.envelopeId())).isEmpty();
        // the bidder tries again and gets the next index, without a gap
        assertThat(bids.submit(bidder, upload, sealed.manifestJson()).receipt().logIndex())
                .isEqualTo(before);
    }

    @Test
    void theApiSubmitsWithdrawsAndListsAndServesTheSealingSetToAnyone() throws Exception {
        String ocid = fixtures.openNotice("API des offres");
        CurrentUser bidder = fixtures.bidder();
        mvc.perform(MockMvcRequestBuilders.get("/api/bids/sealing-sets/" + ocid))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.threshold").value(fixtures.sealingSet(ocid).threshold()))
                .andExpect(jsonPath("$.committee[0].position").value(1))
                .andExpect(jsonPath("$.lots[0]").value("1"))
                .andExpect(jsonPath("$.kinds[0]").value("single"));

        BidFixtures.Sealed sealed = fixtures.seal(ocid, "777");
        UUID upload = fixtures.upload(bidder, sealed);
        String body = JsonMapper.builder()
                .build()
                .writeValueAsString(Map.of("upload", upload.toString(), "manifest", sealed.manifestJson()));
        mvc.perform(MockMvcRequestBuilders.post("/api/bids")
                        .with(SignedIn.as(bidder))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.envelope").value(sealed.envelopeId().toString()))
                .andExpect(jsonPath("$.state").value("current"))
                .andExpect(jsonPath("$.repeat").value(false));
        mvc.perform(MockMvcRequestBuilders.post("/api/bids")
                        .with(SignedIn.as(bidder))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.repeat").value(true));
        mvc.perform(MockMvcRequestBuilders.get("/api/bids/" + sealed.envelopeId() + "/receipt")
                        .with(SignedIn.as(bidder)))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.receipt.envelope").value(sealed.envelopeId().toString()));
        byte[] pdf = mvc.perform(MockMvcRequestBuilders.get("/bids/receipts/" + sealed.envelopeId() + "/receipt.pdf")
                        .with(SignedIn.as(bidder)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s", ""))
                    .contains(sealed.manifest().envelopeHash());
        }
        // another company does not see it
        mvc.perform(MockMvcRequestBuilders.get("/api/bids/" + sealed.envelopeId() + "/receipt")
                        .with(SignedIn.as(fixtures.user("admin@batir-cameroun.demo"))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("BIDDING-0022"));
        mvc.perform(MockMvcRequestBuilders.get("/api/bids").param("ocid", ocid).with(SignedIn.as(bidder)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].envelope").value(sealed.envelopeId().toString()));
        mvc.perform(MockMvcRequestBuilders.post("/api/bids/withdrawals")
                        .with(SignedIn.as(bidder))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ocid\":\"" + ocid + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawn[0]").value(sealed.envelopeId().toString()));
        // a late bid through the API: a problem in the user's language, nothing written
        BidFixtures.Sealed late = fixtures.seal(ocid, "778");
        UUID lateUpload = fixtures.upload(bidder, late);
        clock.stopAt(deadline(ocid).plusMillis(1));
        mvc.perform(MockMvcRequestBuilders.post("/api/bids")
                        .with(SignedIn.as(bidder))
                        .with(csrf())
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JsonMapper.builder()
                                .build()
                                .writeValueAsString(
                                        Map.of("upload", lateUpload.toString(), "manifest", late.manifestJson()))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("BIDDING-0010"));
        assertThat(jdbc.sql("select count(*) from bidding_envelope where id = :id")
                        .param("id", late.envelopeId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aTwoEnvelopeProcedureTakesATechnicalAndAFinancialEnvelopeEachReplacedOnItsOwn() {
        NoticeDraft base = tenderingFixtures.notice("SN", "Deux enveloppes");
        String ocid = fixtures.openNotice(new NoticeDraft(
                base.reference(),
                base.title(),
                base.description(),
                base.language(),
                new NoticeDraft.Classification(
                        base.classification().buyerCategory(),
                        base.classification().nature(),
                        base.classification().scope(),
                        base.classification().cpv()),
                new NoticeDraft.Procedure(
                        base.procedure().code(),
                        base.procedure().international(),
                        base.procedure().eligibility(),
                        base.procedure().evaluationCriteria(),
                        "ratedCriteria",
                        base.procedure().requiredDocuments()),
                new NoticeDraft.Value(
                        base.value().currency(),
                        base.value().estimated(),
                        base.value().published(),
                        base.value().bidSecurity()),
                new NoticeDraft.Dates(
                        base.dates().clarificationDeadline(),
                        base.dates().submissionDeadline(),
                        base.dates().openingAt(),
                        base.dates().openingPlace()),
                new NoticeDraft.Contact(
                        base.contact().name(),
                        base.contact().email(),
                        base.contact().phone()),
                base.lots()));
        CurrentUser bidder = fixtures.newCompany();
        BidFixtures.Sealed single = fixtures.seal(ocid, "10");
        assertThatThrownBy(() -> bids.submit(bidder, fixtures.upload(bidder, single), single.manifestJson()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BiddingErrorCode.KIND_NOT_ALLOWED));
        BidFixtures.Sealed technical = fixtures.seal(
                ocid, EnvelopeContext.Kind.TECHNICAL, List.of("1", "2"), "{\"form\":\"BBF1\"}", new SecureRandom());
        BidFixtures.Sealed financial = fixtures.seal(
                ocid, EnvelopeContext.Kind.FINANCIAL, List.of("1", "2"), "{\"form\":\"BBF1\"}", new SecureRandom());
        bids.submit(bidder, fixtures.upload(bidder, technical), technical.manifestJson());
        bids.submit(bidder, fixtures.upload(bidder, financial), financial.manifestJson());
        // a new financial offer replaces the financial one only
        BidFixtures.Sealed cheaper = fixtures.seal(
                ocid, EnvelopeContext.Kind.FINANCIAL, List.of("1"), "{\"form\":\"BBF1\"}", new SecureRandom());
        bids.submit(bidder, fixtures.upload(bidder, cheaper), cheaper.manifestJson());

        assertThat(bids.ofMyCompany(bidder, ocid))
                .extracting(e -> e.kind() + ":" + e.state())
                .containsExactlyInAnyOrder("technical:CURRENT", "financial:SUPERSEDED", "financial:CURRENT");
        // each envelope has its own data key: the two manifests share no encrypted share
        assertThat(technical.manifest().share(1))
                .isNotEqualTo(financial.manifest().share(1));
        // withdrawal ends both
        assertThat(bids.withdraw(bidder, ocid)).hasSize(2);
    }

    @Test
    void anExcludedCompanyCannotBid() {
        String ocid = fixtures.openNotice("Exclusion");
        CurrentUser bidder = fixtures.newCompany();
        BidFixtures.Sealed sealed = fixtures.seal(ocid, "42");
        UUID upload = fixtures.upload(bidder, sealed);
        fixtures.exclude(bidder.primaryMembership().orElseThrow().organisationId());

        assertThatThrownBy(() -> bids.submit(bidder, upload, sealed.manifestJson()))
                .satisfies(e -> {
                    assertThat(code(e)).isEqualTo(BiddingErrorCode.NOT_ELIGIBLE);
                    assertThat(((BaobabException) e).arguments()).hasSize(1);
                });
        assertThat(envelopes(ocid)).isZero();
    }

    @Test
    void aNewCompanyWithAProfileBids() {
        String ocid = fixtures.openNotice("Nouvelle entreprise");
        CurrentUser bidder = fixtures.newCompany();
        BidFixtures.Sealed sealed = fixtures.seal(ocid, "43");
        Bids.Outcome outcome = bids.submit(bidder, fixtures.upload(bidder, sealed), sealed.manifestJson());
        assertThat(outcome.envelope().organisationId())
                .isEqualTo(bidder.primaryMembership().orElseThrow().organisationId());
    }
}
