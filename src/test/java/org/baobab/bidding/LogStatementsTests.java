// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.audit.AuditJournal;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.transparency.ReceiptFormat;
import org.baobab.bidding.transparency.ReceiptVerifier;
import org.baobab.bidding.transparency.Statements;
import org.baobab.identity.Accounts;
import org.baobab.opening.OpeningFixtures;
import org.baobab.shared.AuditableEvent;
import org.baobab.shared.merkle.MerkleTree;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log's public statements (BKE1, BSS1, BJC1), checked as an outsider would: through the public API's answers and
 * the platform's public key only.
 */
@IntegrationTest
class LogStatementsTests {

    record Touched(String subjectId) implements AuditableEvent {
        @Override
        public String actor() {
            return "test@baobab.sn";
        }

        @Override
        public @Nullable String organisation() {
            return null;
        }

        @Override
        public String action() {
            return "test.log-statements";
        }

        @Override
        public String subjectType() {
            return "thing";
        }
    }

    private final MockMvc mvc;
    private final BidFixtures fixtures;
    private final Accounts accounts;
    private final AuditJournal journal;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    LogStatementsTests(
            MockMvc mvc,
            BidFixtures fixtures,
            Accounts accounts,
            AuditJournal journal,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            JdbcClient jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.accounts = accounts;
        this.journal = journal;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    private MockHttpServletResponse response(String url) throws Exception {
        return mvc.perform(get(url).header("Accept-Language", "en")).andReturn().getResponse();
    }

    private Object json(String url) throws Exception {
        MockHttpServletResponse response = response(url);
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return CanonicalJson.read(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private PublicKey platformKey() throws Exception {
        Map<?, ?> key = (Map<?, ?>) json("/api/platform/signing-key");
        return ReceiptVerifier.ed25519PublicKey((String) key.get("publicKey"));
    }

    /** Every check an outsider makes of an included statement: its signature, the head's, the audit path. */
    private void assertProven(Map<?, ?> included) throws Exception {
        PublicKey key = platformKey();
        String statement = (String) included.get("statement");
        long index = (Long) included.get("leafIndex");
        assertThat(ReceiptVerifier.ed25519(
                        key, statement.getBytes(StandardCharsets.UTF_8), (String) included.get("signature")))
                .as("the platform signed the statement")
                .isTrue();
        Map<?, ?> head = (Map<?, ?>) included.get("treeHead");
        long size = (Long) head.get("treeSize");
        assertThat(ReceiptVerifier.ed25519(
                        key,
                        ReceiptFormat.treeHead(size, (String) head.get("rootHash"), (Long) head.get("timestamp"))
                                .getBytes(StandardCharsets.UTF_8),
                        (String) head.get("signature")))
                .as("the platform signed the head")
                .isTrue();
        List<byte[]> path = ((List<?>) included.get("auditPath"))
                .stream().map(h -> HexFormat.of().parseHex((String) h)).toList();
        assertThat(MerkleTree.verifyInclusion(
                        index,
                        size,
                        MerkleTree.leafHash(statement.getBytes(StandardCharsets.UTF_8)),
                        path,
                        HexFormat.of().parseHex((String) head.get("rootHash"))))
                .as("the statement is leaf " + index + " of the signed tree")
                .isTrue();
        Map<?, ?> leaf = (Map<?, ?>) json("/api/transparency/leaves/" + index);
        assertThat(leaf.get("statement")).isEqualTo(statement);
    }

    @Test
    void aPublishedSetIsALeafProvenInTheSignedHeadAndMatchesWhatBiddersAreServed() throws Exception {
        String ocid = fixtures.openNotice("Jeu de scellement journalisé " + UUID.randomUUID());
        Map<?, ?> included = (Map<?, ?>) json("/api/transparency/sealing-sets/" + ocid);
        assertProven(included);
        Statements.SealingSetStatement set =
                Statements.read((String) included.get("statement")).sealingSet();
        assertThat(set.ocid()).isEqualTo(ocid);
        SealingSet fixed = fixtures.sealingSet(ocid);
        assertThat(set.threshold()).isEqualTo(fixed.threshold());
        assertThat(set.fingerprints()).isEqualTo(fixed.fingerprints());
        assertThat(set.members().stream().map(Statements.SetMember::userId).toList())
                .isEqualTo(
                        fixed.members().stream().map(SealingSet.Member::userId).toList());
        Map<?, ?> served = (Map<?, ?>) json("/api/bids/sealing-sets/" + ocid);
        assertThat(((List<?>) served.get("committee"))
                        .stream()
                                .map(m -> Statements.fingerprintOf((String) ((Map<?, ?>) m).get("point")))
                                .toList())
                .isEqualTo(set.fingerprints());
        // the journal entry of the fixing names the leaf
        String payload = jdbc.sql("select payload::text from audit_entry where action = 'opening.sealing-set-fixed'"
                        + " and subject_id = :ocid")
                .param("ocid", ocid)
                .query(String.class)
                .single();
        assertThat(payload).contains("\"logIndex\":" + included.get("leafIndex"));
    }

    @Test
    void everyDemoMembersEnrolmentIsALeafWithAProofOfPossessionAnyoneCanCheck() throws Exception {
        for (String email : OpeningFixtures.SANTE_MEMBERS) {
            UUID user = accounts.currentUserByEmail(email).orElseThrow().id();
            List<?> enrolments = (List<?>) json("/api/transparency/committee-keys/" + user);
            assertThat(enrolments).as(email).isNotEmpty();
            Map<?, ?> last = (Map<?, ?>) enrolments.get(enrolments.size() - 1);
            assertProven(last);
            Statements.KeyEnrolment enrolment =
                    Statements.read((String) last.get("statement")).enrolment();
            assertThat(enrolment.userId()).isEqualTo(user);
            assertThat(enrolment.problem()).as(email).isNull();
            assertThat(enrolment.fingerprint())
                    .isEqualTo(OpeningFixtures.demoKey(email).publicKey().fingerprint());
            // the same statement for another key does not hold: the proof binds the key
            Statements.KeyEnrolment forged = new Statements.KeyEnrolment(
                    user,
                    Statements.fingerprintOf(OpeningFixtures.demoKey(OpeningFixtures.MINTP_MEMBERS.get(0))
                            .publicKey()
                            .base64()),
                    OpeningFixtures.demoKey(OpeningFixtures.MINTP_MEMBERS.get(0))
                            .publicKey()
                            .base64(),
                    enrolment.proof(),
                    enrolment.enrolledAt());
            assertThat(forged.problem()).contains("proof of possession");
        }
    }

    @Test
    void aJournalCheckpointIsABjc1LeafOfExactlyItsSignedFields() throws Exception {
        transactions.executeWithoutResult(
                s -> events.publishEvent(new Touched(UUID.randomUUID().toString())));
        AuditJournal.SignedCheckpoint checkpoint = journal.checkpoint().orElseThrow();
        Map<?, ?> included = (Map<?, ?>) json("/api/transparency/checkpoints/" + checkpoint.seq());
        assertProven(included);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("format", "BJC1");
        expected.put("seq", checkpoint.seq());
        expected.put("entryHash", checkpoint.entryHash());
        expected.put("signedAt", checkpoint.signedAt().toString());
        expected.put("keyId", checkpoint.keyId());
        expected.put("signature", checkpoint.signature());
        assertThat(included.get("statement")).isEqualTo(CanonicalJson.write(expected));
        Statements.JournalCheckpoint read =
                Statements.read((String) included.get("statement")).checkpoint();
        assertThat(ReceiptVerifier.ed25519(platformKey(), read.signedBytes(), read.signature()))
                .as("the journal's signature checks against the statement's own fields")
                .isTrue();
        assertThat(read.signedBytes()).isEqualTo(checkpoint.signedBytes());
    }

    @Test
    void receiptsStayHashOnlyAndUnknownSubjectsGetATranslatedNotFound() throws Exception {
        List<?> leaves = (List<?>) json("/api/transparency/leaves?from=0&limit=500");
        assertThat(leaves).isNotEmpty();
        for (Object item : leaves) {
            Map<?, ?> leaf = (Map<?, ?>) item;
            if ("BR1".equals(leaf.get("kind"))) {
                assertThat(leaf.get("statement")).isNull();
            } else {
                String statement = (String) leaf.get("statement");
                assertThat(HexFormat.of().formatHex(MerkleTree.leafHash(statement.getBytes(StandardCharsets.UTF_8))))
                        .isEqualTo(leaf.get("leafHash"));
            }
        }
        MockHttpServletResponse missing = response("/api/transparency/sealing-sets/ocds-nowhere-" + UUID.randomUUID());
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("holds no statement");
        assertThat(response("/api/transparency/committee-keys/not-a-uuid").getStatus())
                .isEqualTo(400);
        assertThat(response("/api/transparency/checkpoints/-1").getStatus()).isEqualTo(400);
    }
}
