// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.TestClock;
import org.baobab.bidding.BidFixtures;
import org.baobab.bidding.Bids;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SubmittedEnvelope;
import org.baobab.bidding.sealing.EnvelopeContext;
import org.baobab.bidding.sealing.MemberKey;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.Notices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The opening on real encryption: a notice of the demo health ministry (three members, k = 2), bids sealed with the
 * Java library, members releasing the keys their key files compute, the server opening each current envelope once two
 * are in, in order of receipt, and never a superseded or withdrawn one.
 */
@IntegrationTest
class OpeningSessionsTests {

    private final OpeningSessions sessions;
    private final OpeningFixtures openingFixtures;
    private final OpeningMinutes minutes;
    private final BidFixtures fixtures;
    private final org.baobab.tendering.TenderingFixtures tenderingFixtures;
    private final Bids bids;
    private final Notices notices;
    private final TestClock clock;
    private final JdbcClient jdbc;
    private final MockMvc mvc;

    OpeningSessionsTests(
            OpeningSessions sessions,
            OpeningFixtures openingFixtures,
            OpeningMinutes minutes,
            BidFixtures fixtures,
            org.baobab.tendering.TenderingFixtures tenderingFixtures,
            Bids bids,
            Notices notices,
            TestClock clock,
            JdbcClient jdbc,
            MockMvc mvc) {
        this.mvc = mvc;
        this.sessions = sessions;
        this.openingFixtures = openingFixtures;
        this.minutes = minutes;
        this.fixtures = fixtures;
        this.tenderingFixtures = tenderingFixtures;
        this.bids = bids;
        this.notices = notices;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    private static OpeningErrorCode code(Throwable e) {
        return (OpeningErrorCode) ((BaobabException) e).errorCode();
    }

    private NoticeDraft notice(String ocid) {
        return notices.notice(ocid).orElseThrow().notice();
    }

    private Map<Integer, CurrentUser> members(SealingSet set) {
        return openingFixtures.members(set);
    }

    private Map<UUID, byte[]> releaseAll(CurrentUser member, UUID session, MemberKey key) {
        return OpeningFixtures.releaseAll(sessions, member, session, key);
    }

    private long storedReleases(UUID session) {
        return jdbc.sql("select count(*) from opening_release where session_id = :s")
                .param("s", session)
                .query(Long.class)
                .single();
    }

    private SubmittedEnvelope submit(CurrentUser bidder, BidFixtures.Sealed sealed) {
        return bids.submit(bidder, fixtures.upload(bidder, sealed), sealed.manifestJson())
                .envelope();
    }

    @Test
    void twoMembersOfThreeOpenEveryCurrentEnvelopeInOrderOfReceiptAndNeverASupersededOrWithdrawnOne() throws Exception {
        String ocid = fixtures.openNotice("Ouverture des plis");
        SealingSet set = fixtures.sealingSet(ocid);
        assertThat(set.members()).hasSize(3);
        assertThat(set.threshold()).isEqualTo(2);
        Map<Integer, CurrentUser> members = members(set);
        Map<Integer, MemberKey> keys = OpeningFixtures.memberKeys(set);

        CurrentUser first = fixtures.bidder();
        CurrentUser second = fixtures.newCompany();
        CurrentUser third = fixtures.newCompany();
        SubmittedEnvelope replaced = submit(first, fixtures.seal(ocid, "11000000"));
        SubmittedEnvelope withFiles = submit(
                second,
                fixtures.seal(
                        ocid,
                        EnvelopeContext.Kind.SINGLE,
                        List.of("1", "2"),
                        "{\"bidSecurity\":\"Caution bancaire 2 %\",\"form\":\"BBF1\",\"kind\":\"single\",\"lots\":["
                                + "{\"amount\":\"9800000.50\",\"currency\":\"XOF\",\"lot\":\"1\"},"
                                + "{\"amount\":\"4100000\",\"currency\":\"XOF\",\"lot\":\"2\",\"rebate\":\"3 %\"}],"
                                + "\"ocid\":\"" + ocid + "\"}",
                        new SecureRandom(),
                        "%PDF-1.7 technique".getBytes(),
                        "%PDF-1.7 administratif".getBytes()));
        SubmittedEnvelope current = submit(first, fixtures.seal(ocid, "10500000"));
        SubmittedEnvelope withdrawn = submit(third, fixtures.seal(ocid, "9000000"));
        bids.withdraw(third, ocid);

        NoticeDraft notice = notice(ocid);
        CurrentUser one = members.get(1);
        CurrentUser two = members.get(2);
        // nothing opens before the deadline, nor between the deadline and the opening time
        clock.stopAt(notice.dates().submissionDeadline().minusMillis(1));
        assertThatThrownBy(() -> sessions.start(one, ocid))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.TOO_EARLY));
        clock.stopAt(notice.dates().openingAt().minusSeconds(1));
        assertThatThrownBy(() -> sessions.start(one, ocid))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.TOO_EARLY));
        assertThat(sessions.sessions(ocid)).isEmpty();
        // a bidder is no member
        clock.stopAt(notice.dates().openingAt());
        assertThatThrownBy(() -> sessions.start(first, ocid))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.NOT_IN_COMMITTEE));

        OpeningSession session = sessions.start(one, ocid);
        assertThat(session.kind()).isEqualTo("single");
        assertThat(sessions.start(two, ocid).id()).isEqualTo(session.id());
        UUID id = session.id();

        // a member releases nothing before declaring
        assertThatThrownBy(() -> sessions.release(one, id, releaseAll(one, id, keys.get(1))))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.NOT_DECLARED));
        sessions.declare(one, id, false);
        assertThatThrownBy(() -> sessions.declare(one, id, false))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.ALREADY_DECLARED));

        // one member alone opens nothing
        session = sessions.release(one, id, releaseAll(one, id, keys.get(1)));
        assertThat(session.readings()).isEmpty();
        assertThat(session.quorum()).isFalse();
        assertThat(storedReleases(id)).isEqualTo(2);

        // a wrong key (member 1's, sent by member 2) is refused and records nothing
        sessions.declare(two, id, false);
        Map<UUID, byte[]> wrong = releaseAll(one, id, keys.get(1));
        assertThatThrownBy(() -> sessions.release(two, id, wrong))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.WRONG_RELEASE));
        assertThat(storedReleases(id)).isEqualTo(2);
        assertThat(sessions.session(id).readings()).isEmpty();

        // the second member's keys open both current envelopes; the third member never came
        session = sessions.release(two, id, releaseAll(two, id, keys.get(2)));
        assertThat(session.quorum()).isTrue();
        assertThat(session.complete()).isTrue();
        assertThat(storedReleases(id)).isZero();
        assertThat(session.members()).extracting(OpeningSession.Member::present).containsExactly(true, true, false);
        assertThat(session.readings())
                .extracting(OpeningSession.Reading::envelopeId)
                .containsExactly(withFiles.id(), current.id());
        OpeningSession.Reading a = session.readings().get(0);
        assertThat(a.order()).isEqualTo(1);
        assertThat(a.failure()).isNull();
        assertThat(a.lots())
                .containsExactly(
                        new OpeningSession.Lot("1", "9800000.50", "XOF", null),
                        new OpeningSession.Lot("2", "4100000", "XOF", "3 %"));
        assertThat(a.bidSecurity()).isEqualTo("Caution bancaire 2 %");
        assertThat(a.files())
                .containsExactly(
                        new OpeningSession.File("piece-1.pdf", "application/pdf", 18),
                        new OpeningSession.File("piece-2.pdf", "application/pdf", 22));
        OpeningSession.Reading b = session.readings().get(1);
        assertThat(b.supplierName()).isEqualTo("Sahel Numérique SARL");
        assertThat(b.lots()).containsExactly(new OpeningSession.Lot("1", "10500000", "XOF", null));
        assertThat(session.unopened())
                .extracting(OpeningSession.Unopened::envelopeId, OpeningSession.Unopened::state)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(replaced.id(), "superseded"),
                        org.assertj.core.groups.Tuple.tuple(withdrawn.id(), "withdrawn"));

        // nothing left to release; an opened envelope is not released again
        assertThat(sessions.toRelease(one, id)).isEmpty();
        assertThatThrownBy(() -> sessions.release(one, id, Map.of(current.id(), new byte[32])))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.NOT_OPENABLE));
        // the journal has the opening, never a key
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'opening.envelope-opened'"
                                + " and subject_id in (:a, :b)")
                        .param("a", withFiles.id().toString())
                        .param("b", current.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // the minutes: observations, then each present member approves; published after the last approval
        assertThat(minutes.published(ocid)).isEmpty();
        assertThatThrownBy(() -> minutes.observe(members.get(3), id, "absent"))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.NOT_DECLARED));
        assertThatThrownBy(() -> minutes.observe(one, id, "x".repeat(4001)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.OBSERVATIONS_TOO_LONG));
        minutes.observe(one, id, "Pli de Sahel Numérique reçu intact ; aucune réserve.");
        assertThat(minutes.approve(one, id).published()).isFalse();
        assertThatThrownBy(() -> minutes.observe(two, id, "changé"))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.MINUTES_LOCKED));
        assertThat(minutes.approve(two, id).published()).isTrue();
        assertThat(minutes.published(ocid)).hasSize(1);

        byte[] pdf = minutes.pdf(id, java.util.Locale.FRENCH);
        org.baobab.documents.PdfA.Checked checked =
                org.baobab.documents.PdfA.check(pdf, minutes.title(ocid, java.util.Locale.FRENCH), "fr");
        assertThat(checked.text())
                .contains(
                        "Procès-verbal d'ouverture des plis",
                        "9800000.50",
                        "4100000",
                        "10500000",
                        "3 %",
                        "Caution bancaire 2 %",
                        "piece-1.pdf",
                        "Sahel Numérique SARL",
                        "retiré par le soumissionnaire",
                        "aucune réserve");
        mvc.perform(MockMvcRequestBuilders.get("/notices/" + ocid + "/opening/minutes/" + id + ".pdf"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(MockMvcRequestBuilders.get("/notices/" + ocid))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("opening/minutes/" + id + ".pdf")));
    }

    @Test
    void thePrmStartsTheSessionAndAMemberWhoDeclaresAConflictReleasesNothing() {
        String ocid = fixtures.openNotice("Conflit d'intérêts");
        SealingSet set = fixtures.sealingSet(ocid);
        Map<Integer, CurrentUser> members = members(set);
        clock.stopAt(notice(ocid).openingAt().plus(Duration.ofMinutes(5)));
        // the authority's PRM may start the session, but takes no part in it
        CurrentUser prm = fixtures.user(org.baobab.tendering.TenderingFixtures.PRM);
        UUID id = sessions.start(prm, ocid).id();
        assertThatThrownBy(() -> sessions.declare(prm, id, false))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.NOT_IN_COMMITTEE));
        OpeningSession session = sessions.declare(members.get(3), id, true);
        assertThat(session.members().get(2).conflict()).isTrue();
        assertThat(session.releasing()).isZero();
        assertThatThrownBy(() -> sessions.release(members.get(3), id, Map.of()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.CONFLICT_DECLARED));
        assertThat(Instant.EPOCH).isBefore(session.startedAt());
    }

    @Test
    void theMembersPageTakesTheDeclarationAndTheJsonCallsTakeTheReleasedKeys() throws Exception {
        String ocid = fixtures.openNotice("Ouverture en ligne");
        SealingSet set = fixtures.sealingSet(ocid);
        Map<Integer, CurrentUser> members = members(set);
        Map<Integer, MemberKey> keys = OpeningFixtures.memberKeys(set);
        SubmittedEnvelope envelope = submit(fixtures.bidder(), fixtures.seal(ocid, "7777000"));
        clock.stopAt(notice(ocid).openingAt().plus(Duration.ofMinutes(1)));

        mvc.perform(MockMvcRequestBuilders.get("/opening/" + ocid).with(SignedIn.as(members.get(1))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/opening/" + ocid + "/start")));
        mvc.perform(MockMvcRequestBuilders.post("/opening/" + ocid + "/start")
                        .with(SignedIn.as(members.get(1)))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        UUID id = sessions.sessions(ocid).get(0).id();
        // no choice made: refused, nothing recorded
        mvc.perform(MockMvcRequestBuilders.post("/opening/" + ocid + "/declaration")
                        .param("session", id.toString())
                        .with(SignedIn.as(members.get(1)))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("error"));
        assertThat(sessions.session(id).members().get(0).present()).isFalse();
        for (int position : List.of(1, 2)) {
            mvc.perform(MockMvcRequestBuilders.post("/opening/" + ocid + "/declaration")
                            .param("session", id.toString())
                            .param("conflict", "none")
                            .with(SignedIn.as(members.get(position)))
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(MockMvcRequestBuilders.get("/opening/" + ocid).with(SignedIn.as(members.get(1))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"release-form\"")));

        String manifests = mvc.perform(MockMvcRequestBuilders.get("/api/opening/sessions/" + id + "/manifests")
                        .with(SignedIn.as(members.get(2))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].envelope").value(envelope.id().toString()))
                .andExpect(jsonPath("$[0].position").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(manifests).contains("BSE1");
        // a bad key is a translated problem and records nothing
        mvc.perform(MockMvcRequestBuilders.post("/api/opening/sessions/" + id + "/releases")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"keys\":{\"" + envelope.id() + "\":\"AAAA\"}}")
                        .with(SignedIn.as(members.get(2)))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("OPENING-0018"));
        assertThat(storedReleases(id)).isZero();
        for (int position : List.of(1, 2)) {
            Map<UUID, byte[]> released = releaseAll(members.get(position), id, keys.get(position));
            mvc.perform(MockMvcRequestBuilders.post("/api/opening/sessions/" + id + "/releases")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"keys\":{\"" + envelope.id() + "\":\""
                                    + java.util.Base64.getEncoder().encodeToString(released.get(envelope.id()))
                                    + "\"}}")
                            .with(SignedIn.as(members.get(position)))
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.opened").value(position == 1 ? 0 : 1));
        }
        mvc.perform(MockMvcRequestBuilders.get("/opening/" + ocid).with(SignedIn.as(members.get(3))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("7777000")));

        // the minutes through the page: too long is refused and changes nothing; then both present members approve
        mvc.perform(MockMvcRequestBuilders.post("/opening/" + ocid + "/minutes/observations")
                        .param("session", id.toString())
                        .param("observations", "x".repeat(4001))
                        .with(SignedIn.as(members.get(1)))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", "Les observations comptent au plus 4 000 caractères."));
        assertThat(minutes.minutes(id).observations()).isEmpty();
        mvc.perform(MockMvcRequestBuilders.post("/opening/" + ocid + "/minutes/observations")
                        .param("session", id.toString())
                        .param("observations", "Séance sans incident.")
                        .with(SignedIn.as(members.get(1)))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        for (int position : List.of(1, 2)) {
            mvc.perform(MockMvcRequestBuilders.post("/opening/" + ocid + "/minutes/approval")
                            .param("session", id.toString())
                            .with(SignedIn.as(members.get(position)))
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(minutes.minutes(id).published()).isTrue();
        mvc.perform(MockMvcRequestBuilders.get("/notices/" + ocid + "/opening"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Séance sans incident.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("minutes/" + id + ".pdf")));
    }

    private String twoEnvelopeNotice() {
        NoticeDraft n = tenderingFixtures.notice("SN", "Deux enveloppes");
        return fixtures.openNotice(new NoticeDraft(
                        n.reference(),
                        n.title(),
                        n.description(),
                        n.language(),
                        new NoticeDraft.Classification(
                                n.classification().buyerCategory(),
                                n.classification().nature(),
                                n.classification().scope(),
                                List.of()),
                        new NoticeDraft.Procedure(
                                n.procedure().code(),
                                n.procedure().international(),
                                n.procedure().eligibility(),
                                n.procedure().evaluationCriteria(),
                                "ratedCriteria",
                                n.procedure().requiredDocuments()),
                        new NoticeDraft.Value(
                                n.value().currency(),
                                n.value().estimated(),
                                n.value().published(),
                                n.value().bidSecurity()),
                        new NoticeDraft.Dates(
                                n.dates().clarificationDeadline(),
                                n.dates().submissionDeadline(),
                                n.dates().openingAt(),
                                n.dates().openingPlace()),
                        new NoticeDraft.Contact(
                                n.contact().name(),
                                n.contact().email(),
                                n.contact().phone()),
                        n.lots())
                .withClassification(n.classification().cpv()));
    }

    private BidFixtures.Sealed seal(
            String ocid, EnvelopeContext.Kind kind, @org.jspecify.annotations.Nullable String amount) {
        String lot = amount == null
                ? "{\"lot\":\"1\"}"
                : "{\"amount\":\"" + amount + "\",\"currency\":\"XOF\",\"lot\":\"1\"}";
        return fixtures.seal(
                ocid,
                kind,
                List.of("1"),
                "{\"form\":\"BBF1\",\"kind\":\"" + kind.name().toLowerCase(java.util.Locale.ROOT) + "\",\"lots\":["
                        + lot + "],\"ocid\":\"" + ocid + "\"}",
                new SecureRandom());
    }

    @Test
    void aTwoEnvelopeProcedureOpensTheTechnicalOffersThenOnlyTheFinancialOffersItIsGiven() {
        String ocid = twoEnvelopeNotice();
        SealingSet set = fixtures.sealingSet(ocid);
        Map<Integer, CurrentUser> members = members(set);
        Map<Integer, MemberKey> keys = OpeningFixtures.memberKeys(set);
        CurrentUser first = fixtures.bidder();
        CurrentUser second = fixtures.newCompany();
        SubmittedEnvelope technical1 = submit(first, seal(ocid, EnvelopeContext.Kind.TECHNICAL, null));
        SubmittedEnvelope financial1 = submit(first, seal(ocid, EnvelopeContext.Kind.FINANCIAL, "5000000"));
        SubmittedEnvelope technical2 = submit(second, seal(ocid, EnvelopeContext.Kind.TECHNICAL, null));
        SubmittedEnvelope financial2 = submit(second, seal(ocid, EnvelopeContext.Kind.FINANCIAL, "4000000"));
        clock.stopAt(notice(ocid).openingAt());
        CurrentUser one = members.get(1);
        CurrentUser two = members.get(2);

        assertThatThrownBy(() -> sessions.startFinancial(one, ocid, List.of(financial1.id())))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.NO_FINANCIAL_OPENING));
        UUID technical = sessions.start(one, ocid).id();
        assertThat(sessions.session(technical).kind()).isEqualTo("technical");
        for (int p : List.of(1, 2)) {
            sessions.declare(members.get(p), technical, false);
        }
        sessions.release(one, technical, releaseAll(one, technical, keys.get(1)));
        OpeningSession read = sessions.release(two, technical, releaseAll(two, technical, keys.get(2)));
        assertThat(read.readings())
                .extracting(OpeningSession.Reading::envelopeId)
                .containsExactly(technical1.id(), technical2.id());
        assertThat(read.readings().get(0).lots()).containsExactly(new OpeningSession.Lot("1", null, null, null));

        // the evaluation retained only the first bidder: the second's financial offer is never opened
        UUID financial =
                sessions.startFinancial(one, ocid, List.of(financial1.id())).id();
        for (int p : List.of(1, 2)) {
            sessions.declare(members.get(p), financial, false);
        }
        assertThat(sessions.toRelease(two, financial))
                .extracting(OpeningSessions.ToRelease::envelopeId)
                .containsExactly(financial1.id());
        assertThatThrownBy(() -> sessions.release(one, financial, Map.of(financial2.id(), new byte[32])))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.NOT_OPENABLE));
        sessions.release(one, financial, releaseAll(one, financial, keys.get(1)));
        OpeningSession money = sessions.release(two, financial, releaseAll(two, financial, keys.get(2)));
        assertThat(money.readings()).hasSize(1);
        assertThat(money.readings().get(0).lots()).containsExactly(new OpeningSession.Lot("1", "5000000", "XOF", null));
        assertThat(money.unopened())
                .extracting(OpeningSession.Unopened::envelopeId, OpeningSession.Unopened::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(financial2.id(), "not-qualified"));
        assertThat(money.complete()).isTrue();
    }

    @Test
    void theCommitteeRecordsTheStateOfThePiecesOfEachOpenedBidUntilTheMinutesAreApproved() throws Exception {
        NoticeDraft draft = tenderingFixtures.notice("SN", "État des pièces");
        String ocid = fixtures.openNotice(
                draft.withDocumentsAndLots(List.of("ATTESTATION_FISCALE", "ATTESTATION_SOCIALE"), draft.lots()));
        SealingSet set = fixtures.sealingSet(ocid);
        Map<Integer, CurrentUser> members = members(set);
        Map<Integer, MemberKey> keys = OpeningFixtures.memberKeys(set);
        CurrentUser first = fixtures.bidder();
        CurrentUser second = fixtures.newCompany();
        CurrentUser third = fixtures.newCompany();
        SubmittedEnvelope replaced = submit(first, fixtures.seal(ocid, "12000000"));
        SubmittedEnvelope other = submit(second, fixtures.seal(ocid, "8800000"));
        SubmittedEnvelope withdrawn = submit(third, fixtures.seal(ocid, "9100000"));
        bids.withdraw(third, ocid);
        SubmittedEnvelope current = submit(first, fixtures.seal(ocid, "11500000"));
        clock.stopAt(notice(ocid).openingAt().plus(Duration.ofMinutes(1)));
        CurrentUser one = members.get(1);
        CurrentUser two = members.get(2);
        CurrentUser three = members.get(3);
        CurrentUser prm = fixtures.user(org.baobab.tendering.TenderingFixtures.PRM);
        UUID id = sessions.start(one, ocid).id();
        sessions.declare(one, id, false);
        sessions.declare(two, id, false);
        sessions.declare(three, id, true);
        Map<String, Pieces.State> allPresent =
                Map.of("ATTESTATION_FISCALE", Pieces.State.PRESENT, "ATTESTATION_SOCIALE", Pieces.State.PRESENT);

        // nothing is recorded for an envelope not read yet
        assertThatThrownBy(() -> minutes.recordPieces(one, id, other.id(), allPresent, Pieces.BidSecurity.absent()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.NOT_READ));
        sessions.release(one, id, releaseAll(one, id, keys.get(1)));
        sessions.release(two, id, releaseAll(two, id, keys.get(2)));

        // the register of receipt: every envelope numbered in order of receipt, the ones not opened with their state
        assertThat(sessions.session(id).received())
                .extracting(
                        OpeningSession.Received::number,
                        OpeningSession.Received::envelopeId,
                        OpeningSession.Received::readOrder,
                        OpeningSession.Received::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, replaced.id(), null, "superseded"),
                        org.assertj.core.groups.Tuple.tuple(2, other.id(), 1, "opened"),
                        org.assertj.core.groups.Tuple.tuple(3, withdrawn.id(), null, "withdrawn"),
                        org.assertj.core.groups.Tuple.tuple(4, current.id(), 2, "opened"));

        // who records: a present member free of conflict or the PRM; never a member who declared a conflict
        assertThatThrownBy(() -> minutes.recordPieces(three, id, other.id(), allPresent, Pieces.BidSecurity.absent()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.CONFLICT_DECLARED));
        assertThat(minutes.mayRecord(three, id)).isFalse();
        assertThat(minutes.mayRecord(prm, id)).isTrue();
        // every required document, and only those; a coherent bid security
        assertThatThrownBy(() -> minutes.recordPieces(
                        one,
                        id,
                        other.id(),
                        Map.of("ATTESTATION_FISCALE", Pieces.State.PRESENT),
                        Pieces.BidSecurity.absent()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.PIECES_INCOMPLETE));
        assertThatThrownBy(() -> minutes.recordPieces(
                        one,
                        id,
                        other.id(),
                        Map.of(
                                "ATTESTATION_FISCALE", Pieces.State.PRESENT,
                                "ATTESTATION_SOCIALE", Pieces.State.PRESENT,
                                "NINEA", Pieces.State.ABSENT),
                        Pieces.BidSecurity.absent()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.PIECES_INCOMPLETE));
        assertThatThrownBy(() -> minutes.recordPieces(
                        one,
                        id,
                        other.id(),
                        allPresent,
                        new Pieces.BidSecurity(false, new java.math.BigDecimal("100"), null, null)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.BAD_BID_SECURITY));
        assertThatThrownBy(() -> minutes.recordPieces(
                        one,
                        id,
                        other.id(),
                        allPresent,
                        new Pieces.BidSecurity(true, new java.math.BigDecimal("-5"), null, null)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.BAD_BID_SECURITY));
        assertThat(sessions.pieces(id)).isEmpty();

        // the PRM records the first bid read through the members' page (no JavaScript: a plain form)
        mvc.perform(MockMvcRequestBuilders.get("/opening/" + ocid).with(SignedIn.as(prm)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"pieces-" + other.id() + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"doc.ATTESTATION_FISCALE\"")));
        mvc.perform(MockMvcRequestBuilders.post("/opening/" + ocid + "/pieces")
                        .param("session", id.toString())
                        .param("envelope", other.id().toString())
                        .param("doc.ATTESTATION_FISCALE", "present")
                        .param("doc.ATTESTATION_SOCIALE", "non-compliant")
                        .param("security", "present")
                        .param("securityAmount", "2 500 000")
                        .param("securityIssuer", "Banque Atlantique Sénégal")
                        .with(SignedIn.as(prm))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeCount(0));
        // a form left incomplete is refused with a translated message, shown in that bid's form
        org.baobab.WebClient browser = new org.baobab.WebClient(mvc, "10.7.7.52");
        browser.perform(MockMvcRequestBuilders.post("/opening/" + ocid + "/pieces")
                        .param("session", id.toString())
                        .param("envelope", current.id().toString())
                        .param("doc.ATTESTATION_FISCALE", "")
                        .param("doc.ATTESTATION_SOCIALE", "absent")
                        .param("security", "absent")
                        .with(SignedIn.as(one))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute(
                                "error",
                                "Indiquez l'état de chacune des pièces exigées par l'avis (présente, absente ou non"
                                        + " conforme), et d'elles seules."));
        // the session keeps the flash message for the page the browser is sent back to
        browser.perform(MockMvcRequestBuilders.get("/opening/" + ocid).with(SignedIn.as(one)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"pieces-error-2\"")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("id=\"opening-error\""))));
        minutes.recordPieces(
                one,
                id,
                current.id(),
                Map.of("ATTESTATION_FISCALE", Pieces.State.ABSENT, "ATTESTATION_SOCIALE", Pieces.State.ABSENT),
                Pieces.BidSecurity.absent());
        // corrected before the approval: the last record stands
        minutes.recordPieces(
                two,
                id,
                current.id(),
                Map.of("ATTESTATION_FISCALE", Pieces.State.PRESENT, "ATTESTATION_SOCIALE", Pieces.State.ABSENT),
                Pieces.BidSecurity.absent());

        Map<UUID, Pieces> pieces = sessions.pieces(id);
        assertThat(pieces.keySet()).containsExactly(other.id(), current.id());
        Pieces a = pieces.get(other.id());
        assertThat(a.documents())
                .containsExactly(
                        new Pieces.Piece("ATTESTATION_FISCALE", Pieces.State.PRESENT),
                        new Pieces.Piece("ATTESTATION_SOCIALE", Pieces.State.NON_COMPLIANT));
        assertThat(a.bidSecurity().present()).isTrue();
        assertThat(a.bidSecurity().amount()).isEqualByComparingTo("2500000");
        assertThat(a.bidSecurity().currency()).isEqualTo("XOF");
        assertThat(a.bidSecurity().issuer()).isEqualTo("Banque Atlantique Sénégal");
        assertThat(a.recordedBy()).isEqualTo(prm.email());
        Pieces b = pieces.get(current.id());
        assertThat(b.state("ATTESTATION_FISCALE")).contains(Pieces.State.PRESENT);
        assertThat(b.state("ATTESTATION_SOCIALE")).contains(Pieces.State.ABSENT);
        assertThat(b.bidSecurity()).isEqualTo(Pieces.BidSecurity.absent());
        assertThat(b.recordedBy()).isEqualTo(two.email());

        // the bidders' representatives present, one per line
        assertThatThrownBy(() -> minutes.recordRepresentatives(one, id, "x".repeat(4001)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.REPRESENTATIVES_TOO_LONG));
        assertThat(minutes.recordRepresentatives(one, id, "  Awa Diop (Sahel Numérique SARL)\n\n Moussa Ba  \n"))
                .containsExactly("Awa Diop (Sahel Numérique SARL)", "Moussa Ba");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'opening.pieces-recorded'"
                                + " and subject_id = :o")
                        .param("o", ocid)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'opening.representatives-recorded'"
                                + " and subject_id = :o")
                        .param("o", ocid)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // frozen at the first approval
        minutes.approve(one, id);
        assertThatThrownBy(() -> minutes.recordPieces(one, id, other.id(), allPresent, Pieces.BidSecurity.absent()))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.MINUTES_FROZEN));
        assertThatThrownBy(() -> minutes.recordRepresentatives(two, id, "Quelqu'un"))
                .satisfies(e -> assertThat(code(e)).isEqualTo(OpeningErrorCode.MINUTES_FROZEN));
        assertThat(minutes.mayRecord(two, id)).isFalse();
        mvc.perform(MockMvcRequestBuilders.get("/opening/" + ocid).with(SignedIn.as(two)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("name=\"doc.ATTESTATION_FISCALE\""))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Banque Atlantique Sénégal")));
        assertThat(minutes.approve(two, id).published()).isFalse();
        // the member who declared a conflict was present: they approve the minutes too
        assertThat(minutes.approve(three, id).published()).isTrue();

        // the published minutes: page and PDF/A
        mvc.perform(MockMvcRequestBuilders.get("/notices/" + ocid + "/opening"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Banque Atlantique Sénégal")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("non conforme")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Moussa Ba")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Registre de réception des plis")));
        byte[] pdf = minutes.pdf(id, java.util.Locale.FRENCH);
        String text = org.baobab.documents.PdfA.check(pdf, minutes.title(ocid, java.util.Locale.FRENCH), "fr")
                .text();
        assertThat(text)
                .contains(
                        "État des pièces",
                        "Attestation de régularité fiscale",
                        "non conforme",
                        "2500000.00 XOF",
                        "Banque Atlantique Sénégal",
                        "Awa Diop (Sahel Numérique SARL)",
                        "Plis reçus, dans l'ordre de réception",
                        "remplacé par un pli ultérieur, jamais ouvert",
                        "retiré par le soumissionnaire, jamais ouvert",
                        "ouvert, offre lue n° 2");
        // the envelopes not opened are there with their time of receipt, in the country's zone
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneId.of("Africa/Dakar"));
        assertThat(text).contains(time.format(replaced.receivedAt()), time.format(withdrawn.receivedAt()));
    }
}
