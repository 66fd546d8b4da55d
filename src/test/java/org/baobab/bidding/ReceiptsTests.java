// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.baobab.IntegrationTest;
import org.baobab.Operator;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.transparency.ReceiptVerifier;
import org.baobab.bidding.transparency.ReceiptVerifier.Check;
import org.baobab.shared.BaobabException;
import org.baobab.shared.merkle.MerkleTree;
import org.baobab.shared.signing.PlatformSigningKey;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receipts issued through {@link Receipts#issue} on the real database, checked as a bidder would: only through the
 * public API's answers and the platform's public key. Other tests may append to the same log, so every check is
 * relative to the sizes seen here.
 */
@IntegrationTest
class ReceiptsTests {

    private final Receipts receipts;
    private final TreeHeads treeHeads;
    private final PlatformSigningKey signingKey;
    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationContext context;

    ReceiptsTests(
            Receipts receipts,
            TreeHeads treeHeads,
            PlatformSigningKey signingKey,
            MockMvc mvc,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ApplicationContext context) {
        this.receipts = receipts;
        this.treeHeads = treeHeads;
        this.signingKey = signingKey;
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.context = context;
    }

    static ReceiptDraft draft(int n) {
        return new ReceiptDraft(
                "ocds-baobab-SN-2026-" + String.format("%05d", 900 + n % 3),
                n % 2 == 0 ? List.of("2", "1") : List.of("1"),
                UUID.randomUUID(),
                "Entreprise d'essai n° " + n,
                UUID.randomUUID(),
                HexFormat.of().formatHex(MerkleTree.leafHash(new byte[] {(byte) n})),
                n % 3 == 0 ? "technical" : "single",
                Instant.parse("2026-11-23T09:00:00.123456789Z").plusSeconds(n));
    }

    private Map<?, ?> getJson(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return (Map<?, ?>) CanonicalJson.read(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static ReceiptVerifier.TreeHead head(Map<?, ?> json) {
        return new ReceiptVerifier.TreeHead(
                (Long) json.get("treeSize"), (String) json.get("rootHash"), (Long) json.get("timestamp"), (String)
                        json.get("signature"));
    }

    private static List<byte[]> hashes(Object list) {
        return ((List<?>) list)
                .stream().map(h -> HexFormat.of().parseHex((String) h)).toList();
    }

    private List<String> auditPath(long index, long treeSize) throws Exception {
        Map<?, ?> proof = getJson("/api/transparency/inclusion?index=" + index + "&treeSize=" + treeSize);
        assertThat(proof.get("index")).isEqualTo(index);
        assertThat(proof.get("treeSize")).isEqualTo(treeSize);
        return ((List<?>) proof.get("auditPath"))
                .stream().map(String.class::cast).toList();
    }

    private ReceiptVerifier.Verdict verify(String document, ReceiptVerifier.TreeHead head, List<String> path) {
        Map<?, ?> key;
        try {
            key = getJson("/api/platform/signing-key");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return ReceiptVerifier.verify(
                document,
                ReceiptVerifier.ed25519PublicKey((String) key.get("publicKey")),
                (String) key.get("keyId"),
                head,
                path);
    }

    @Test
    void twentyReceiptsVerifyThroughTheApiAndTheLogStaysConsistent() throws Exception {
        List<Receipt> issued = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            issued.add(receipts.issue(draft(n)));
        }
        Map<?, ?> firstJson = getJson("/api/transparency/tree-head");
        ReceiptVerifier.TreeHead first = head(firstJson);
        assertThat(firstJson.get("format")).isEqualTo("BTH1");
        assertThat(firstJson.get("keyId")).isEqualTo(signingKey.keyId());
        for (int n = 10; n < 20; n++) {
            issued.add(receipts.issue(draft(n)));
        }
        ReceiptVerifier.TreeHead second = head(getJson("/api/transparency/tree-head"));
        assertThat(second.treeSize()).isGreaterThanOrEqualTo(first.treeSize() + 10);

        // indexes without gaps, in the order of issue
        for (int n = 1; n < 20; n++) {
            assertThat(issued.get(n).logIndex()).isEqualTo(issued.get(n - 1).logIndex() + 1);
        }
        for (Receipt receipt : issued) {
            assertThat(receipt.json()).contains("\"logIndex\":" + receipt.logIndex());
            assertThat(receipt.keyId()).isEqualTo(signingKey.keyId());
            List<String> path = auditPath(receipt.logIndex(), second.treeSize());
            assertThat(verify(receipt.document(), second, path).valid()).isTrue();
            Map<?, ?> leaf = getJson("/api/transparency/leaves/" + receipt.logIndex());
            assertThat(leaf.get("leafHash")).isEqualTo(receipt.leafHash());
            // the log publishes the hash, not who bid on what
            assertThat(leaf.toString()).doesNotContain(receipt.content().supplierName());
        }
        for (Receipt receipt : issued.subList(0, 10)) {
            assertThat(verify(receipt.document(), first, auditPath(receipt.logIndex(), first.treeSize()))
                            .valid())
                    .isTrue();
        }
        assertThat(verify(issued.get(15).document(), first, List.of()).failed())
                .as("a receipt issued after the head is not in it")
                .isEqualTo(Check.TREE_SIZE);

        // the second head extends the first
        Map<?, ?> consistency =
                getJson("/api/transparency/consistency?first=" + first.treeSize() + "&second=" + second.treeSize());
        byte[] firstRoot = HexFormat.of().parseHex(first.rootHash());
        byte[] secondRoot = HexFormat.of().parseHex(second.rootHash());
        List<byte[]> proof = hashes(consistency.get("proof"));
        assertThat(MerkleTree.verifyConsistency(first.treeSize(), second.treeSize(), firstRoot, secondRoot, proof))
                .isTrue();
        assertThat(MerkleTree.verifyConsistency(
                        first.treeSize(),
                        second.treeSize(),
                        HexFormat.of().parseHex("00".repeat(32)),
                        secondRoot,
                        proof))
                .as("a rewritten history has no consistency proof")
                .isFalse();

        // every archived head is signed and consistent with the latest
        List<?> archived = (List<?>) CanonicalJson.read(mvc.perform(get("/api/transparency/tree-heads?after=0"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(archived).isNotEmpty();
        long previous = 0;
        for (Object item : archived) {
            ReceiptVerifier.TreeHead archivedHead = head((Map<?, ?>) item);
            assertThat(archivedHead.treeSize()).isGreaterThan(previous);
            previous = archivedHead.treeSize();
            assertThat(treeHeads.isSignedByThePlatform(new SignedTreeHead(
                            archivedHead.treeSize(),
                            archivedHead.rootHash(),
                            archivedHead.timestamp(),
                            signingKey.keyId(),
                            archivedHead.signature())))
                    .isTrue();
            if (archivedHead.treeSize() <= second.treeSize()) {
                Map<?, ?> p = getJson("/api/transparency/consistency?first=" + archivedHead.treeSize() + "&second="
                        + second.treeSize());
                assertThat(MerkleTree.verifyConsistency(
                                archivedHead.treeSize(),
                                second.treeSize(),
                                HexFormat.of().parseHex(archivedHead.rootHash()),
                                secondRoot,
                                hashes(p.get("proof"))))
                        .as("head of %d → %d", archivedHead.treeSize(), second.treeSize())
                        .isTrue();
            }
        }
    }

    @Test
    void aTamperedReceiptFails() throws Exception {
        Receipt receipt = receipts.issue(draft(42));
        ReceiptVerifier.TreeHead head = head(getJson("/api/transparency/tree-head"));
        List<String> path = auditPath(receipt.logIndex(), head.treeSize());
        String document = receipt.document();
        assertThat(verify(document, head, path).valid()).isTrue();

        String otherHash = document.replace(receipt.content().envelopeHash(), "f".repeat(64));
        assertThat(otherHash).isNotEqualTo(document);
        assertThat(verify(otherHash, head, path).failed()).isEqualTo(Check.RECEIPT_SIGNATURE);

        String earlier = document.replace(
                "\"receivedAt\":\"2026-11-23T09:00:42.123456Z\"", "\"receivedAt\":\"2026-11-23T08:59:42.123456Z\"");
        assertThat(earlier).isNotEqualTo(document);
        assertThat(verify(earlier, head, path).failed()).isEqualTo(Check.RECEIPT_SIGNATURE);

        String otherLots = document.replace("\"lots\":[\"1\",\"2\"]", "\"lots\":[\"1\"]");
        assertThat(otherLots).isNotEqualTo(document);
        assertThat(verify(otherLots, head, path).failed()).isEqualTo(Check.RECEIPT_SIGNATURE);

        ReceiptVerifier.TreeHead forgedRoot =
                new ReceiptVerifier.TreeHead(head.treeSize(), receipt.leafHash(), head.timestamp(), head.signature());
        assertThat(verify(document, forgedRoot, path).failed()).isEqualTo(Check.TREE_HEAD_SIGNATURE);
        if (receipt.logIndex() > 0) {
            assertThat(verify(document, head, auditPath(receipt.logIndex() - 1, head.treeSize()))
                            .failed())
                    .isEqualTo(Check.INCLUSION);
        }
    }

    @Test
    void issuingTwiceForAnEnvelopeGivesTheSameReceiptAndAConflictingDraftIsRefused() {
        ReceiptDraft draft = draft(7);
        Receipt first = receipts.issue(draft);
        Receipt again = receipts.issue(draft);
        assertThat(again).isEqualTo(first);
        assertThat(receipts.ofEnvelope(draft.envelopeId())).contains(first);
        assertThat(first.content().lots()).containsExactly("1");

        ReceiptDraft other = new ReceiptDraft(
                draft.ocid(),
                draft.lots(),
                draft.supplierId(),
                draft.supplierName(),
                draft.envelopeId(),
                "0".repeat(64),
                draft.kind(),
                draft.receivedAt());
        assertThatThrownBy(() -> receipts.issue(other))
                .isInstanceOf(BaobabException.class)
                .extracting(e -> ((BaobabException) e).errorCode())
                .isEqualTo(TransparencyErrorCode.RECEIPT_CONFLICT);
        assertThat(receipts.ofEnvelope(draft.envelopeId())).contains(first);
    }

    @Test
    void anIncompleteDraftIsRefusedAndLeavesNoGap() {
        long before =
                jdbc.sql("select size from bidding_log_state").query(Long.class).single();
        ReceiptDraft good = draft(3);
        ReceiptDraft badHash = new ReceiptDraft(
                good.ocid(),
                good.lots(),
                good.supplierId(),
                good.supplierName(),
                good.envelopeId(),
                "ABC",
                good.kind(),
                good.receivedAt());
        assertThatThrownBy(() -> receipts.issue(badHash))
                .isInstanceOf(BaobabException.class)
                .extracting(e -> ((BaobabException) e).arguments()[0])
                .isEqualTo("envelopeHash");
        ReceiptDraft badKind = new ReceiptDraft(
                good.ocid(),
                good.lots(),
                good.supplierId(),
                good.supplierName(),
                good.envelopeId(),
                good.envelopeHash(),
                "both",
                good.receivedAt());
        assertThatThrownBy(() -> receipts.issue(badKind)).isInstanceOf(BaobabException.class);

        // a submission that rolls back takes its receipt with it and gives its index back
        transactions.executeWithoutResult(status -> {
            receipts.issue(draft(4));
            status.setRollbackOnly();
        });
        Receipt next = receipts.issue(good);
        assertThat(next.logIndex()).isGreaterThanOrEqualTo(before);
        assertThat(jdbc.sql("select count(*) from bidding_log_leaf")
                        .query(Long.class)
                        .single())
                .isEqualTo(jdbc.sql("select size from bidding_log_state")
                        .query(Long.class)
                        .single());
        assertThat(jdbc.sql("select max(leaf_index) + 1 from bidding_log_leaf")
                        .query(Long.class)
                        .single())
                .isEqualTo(jdbc.sql("select size from bidding_log_state")
                        .query(Long.class)
                        .single());
    }

    @Test
    void concurrentSubmissionsGetDistinctIndexesWithoutGaps() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Receipt>> futures = new ArrayList<>();
            for (int n = 0; n < 16; n++) {
                int k = 100 + n;
                futures.add(pool.submit(() -> receipts.issue(draft(k))));
            }
            List<Long> indexes = new ArrayList<>();
            for (Future<Receipt> f : futures) {
                indexes.add(f.get().logIndex());
            }
            assertThat(indexes).doesNotHaveDuplicates();
            long size = jdbc.sql("select size from bidding_log_state")
                    .query(Long.class)
                    .single();
            assertThat(jdbc.sql("select count(distinct leaf_index) from bidding_log_leaf where leaf_index < :s")
                            .param("s", size)
                            .query(Long.class)
                            .single())
                    .isEqualTo(size);
        } finally {
            pool.shutdown();
        }
        ReceiptVerifier.TreeHead head = head(getJson("/api/transparency/tree-head"));
        byte[] root = MerkleTree.root(head.treeSize(), leavesNodes());
        assertThat(HexFormat.of().formatHex(root)).isEqualTo(head.rootHash());
    }

    /** The tree recomputed from the stored leaf bytes alone, ignoring the stored nodes and hashes. */
    private MerkleTree.Nodes leavesNodes() {
        List<byte[]> leaves = jdbc.sql("select leaf from bidding_log_leaf order by leaf_index")
                .query(byte[].class)
                .list();
        return MerkleTree.fromLeafHashes(i -> MerkleTree.leafHash(leaves.get(Math.toIntExact(i))));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheLog() {
        receipts.issue(draft(5));
        receipts.issue(draft(6));
        treeHeads.current();
        for (String sql : List.of(
                "update bidding_log_leaf set leaf = 'x' where leaf_index = 0",
                "update bidding_log_leaf set appended_at = appended_at - interval '1 day'",
                "delete from bidding_log_leaf where leaf_index = 0",
                "truncate bidding_log_leaf",
                "update bidding_log_node set hash = hash",
                "delete from bidding_log_node",
                "update bidding_tree_head set signature = 'x'",
                "delete from bidding_tree_head",
                "update bidding_log_state set size = size - 1",
                "update bidding_log_state set size = 0",
                "delete from bidding_log_state")) {
            // as the database's superuser: the application's own role may not even truncate
            assertThatThrownBy(() ->
                            context.getBean(Operator.class).jdbc().sql(sql).update())
                    .as(sql)
                    .rootCause()
                    .hasMessageContaining("transparency log");
        }
    }

    @Test
    void badParametersGetATranslatedProblemNeverAServerError() throws Exception {
        receipts.issue(draft(8));
        receipts.issue(draft(9));
        long size =
                jdbc.sql("select size from bidding_log_state").query(Long.class).single();
        for (String url : List.of(
                "/api/transparency/inclusion",
                "/api/transparency/inclusion?index=abc&treeSize=1",
                "/api/transparency/inclusion?index=-1&treeSize=1",
                "/api/transparency/inclusion?index=0&treeSize=99999999999999999999",
                "/api/transparency/inclusion?index=5&treeSize=5",
                "/api/transparency/inclusion?index=0&treeSize=" + (size + 1000),
                "/api/transparency/consistency?first=2",
                "/api/transparency/consistency?first=3&second=2",
                "/api/transparency/consistency?first=1&second=" + (size + 1000),
                "/api/transparency/tree-heads?after=x",
                "/api/transparency/leaves/x",
                "/api/transparency/leaves/-3")) {
            MockHttpServletResponse response = mvc.perform(get(url).header("Accept-Language", "fr"))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(url).isEqualTo(400);
            assertThat(response.getContentType()).as(url).startsWith("application/problem+json");
            Map<?, ?> problem = (Map<?, ?>)
                    CanonicalJson.read(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            assertThat((String) problem.get("code")).as(url).startsWith("BIDDING-01");
            assertThat((String) problem.get("detail")).as(url).doesNotContain("error.");
        }
        MockHttpServletResponse french = mvc.perform(
                        get("/api/transparency/inclusion?index=abc&treeSize=1").header("Accept-Language", "fr"))
                .andReturn()
                .getResponse();
        assertThat(french.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Le paramètre « index » doit être un nombre entier positif ou nul.");
        MockHttpServletResponse english = mvc.perform(
                        get("/api/transparency/consistency?first=3&second=2").header("Accept-Language", "en"))
                .andReturn()
                .getResponse();
        assertThat(english.getContentAsString()).contains("The first size (3) cannot be larger than the second (2).");
        MockHttpServletResponse unknown = mvc.perform(get("/api/transparency/leaves/" + (size + 1000)))
                .andReturn()
                .getResponse();
        assertThat(unknown.getStatus()).isEqualTo(404);
    }

    @Test
    void aHeadIsSignedOnlyWhenTheLogGrewAndTheJobIsScheduled() {
        receipts.issue(draft(11));
        SignedTreeHead head = treeHeads.current();
        long size =
                jdbc.sql("select size from bidding_log_state").query(Long.class).single();
        assertThat(head.treeSize()).isEqualTo(size);
        assertThat(treeHeads.isSignedByThePlatform(head)).isTrue();
        long heads = jdbc.sql("select count(*) from bidding_tree_head")
                .query(Long.class)
                .single();
        assertThat(treeHeads.current()).isEqualTo(head);
        assertThat(jdbc.sql("select count(*) from bidding_tree_head")
                        .query(Long.class)
                        .single())
                .as("no new head while the log has not grown")
                .isEqualTo(heads);
        assertThat(treeHeads.isSignedByThePlatform(new SignedTreeHead(
                        head.treeSize() + 1, head.rootHash(), head.timestamp(), head.keyId(), head.signature())))
                .isFalse();

        RecurringTask<?> job = context.getBean("transparencyTreeHead", RecurringTask.class);
        assertThat(job.getName()).isEqualTo("transparency-tree-head");
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'transparency-tree-head'")
                        .query(Long.class)
                        .single())
                .as("scheduled on start-up")
                .isEqualTo(1);
    }
}
