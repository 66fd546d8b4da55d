// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.Operator;
import org.baobab.audit.AuditJournal;
import org.baobab.audit.AuditJournal.SignedCheckpoint;
import org.baobab.audit.ChainVerification;
import org.baobab.audit.internal.ChainHash;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.transparency.ReceiptFormat;
import org.baobab.shared.AuditableEvent;
import org.baobab.shared.merkle.MerkleTree;
import org.baobab.shared.signing.PlatformSigningKey;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attacks of issue 15 on the journal, made for real on the database the application writes to (a superuser
 * connection, {@code session_replication_role = replica} to pass the append-only triggers), and what an outsider sees
 * with {@code JournalTool verify-journal}: the export of GET /api/audit/export, the platform's public key, and the
 * checkpoint's leaf in a transparency log, with its inclusion proof and a signed tree head the outsider kept. The log
 * here is built by the test from the leaf the transparency log appends (docs/audit-journal.md): its maths and
 * statements are the log's own classes.
 *
 * <p>While the journal is tampered with, the superuser session holds the journal's append lock, so that no other
 * transaction appends to the tampered chain, and the head stays signed (the attacker's way), so that the scheduled
 * checkpoint signs nothing; every test puts the rows back as they were before it lets go. The restore deletes any
 * checkpoint from the first tampered entry on, so nothing signed over the tampered chain stays.
 */
@IntegrationTest
class JournalToolTests {

    /** The application's append lock (JournalStore.APPEND_LOCK). */
    private static final long APPEND_LOCK = 0x6261_6f62_6162L;

    record Payment(String subjectId, long amount) implements AuditableEvent {
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
            return "test.payment-ordered";
        }

        @Override
        public String subjectType() {
            return "payment";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("amount", amount);
        }
    }

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final AuditJournal journal;
    private final PlatformSigningKey signingKey;
    private final MockMvc mvc;
    private final Operator operator;

    @TempDir
    Path files;

    private Connection superuser;
    private long firstSeq;
    private SignedCheckpoint checkpoint;

    JournalToolTests(
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            AuditJournal journal,
            PlatformSigningKey signingKey,
            MockMvc mvc,
            Operator operator) {
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.journal = journal;
        this.signingKey = signingKey;
        this.mvc = mvc;
        this.operator = operator;
    }

    /**
     * Three payments journalled and signed by a checkpoint that the log holds, then two more entries after it; the
     * outsider keeps the tree head, the leaf and its proof, and the platform's public key.
     */
    @BeforeEach
    void journalAndLog() throws Exception {
        String subject = UUID.randomUUID().toString();
        // one transaction: the appends hold the journal's lock, so the checkpoint signs the third payment
        checkpoint = transactions.execute(s -> {
            for (long amount : new long[] {1_000_000, 2_000_000, 3_000_000}) {
                events.publishEvent(new Payment(subject, amount));
            }
            return journal.checkpoint().orElseThrow();
        });
        firstSeq = checkpoint.seq() - 2;
        assertThat(jdbc.sql("select min(seq) from audit_entry where subject_id = :s")
                        .param("s", subject)
                        .query(Long.class)
                        .single())
                .isEqualTo(firstSeq);
        transactions.executeWithoutResult(s -> events.publishEvent(new Payment(subject, 4_000_000)));
        transactions.executeWithoutResult(s -> events.publishEvent(new Payment(subject, 5_000_000)));
        writeLog(checkpoint, 5);
        Files.writeString(
                files.resolve("key.json"),
                mvc.perform(get("/api/platform/signing-key"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        superuser = superuser();
    }

    @AfterEach
    void letGo() throws SQLException {
        if (superuser != null) {
            superuser.close(); // ends the session: its advisory lock goes with it
        }
    }

    @Test
    void theUntouchedJournalIsProvenAgainstTheHeldTreeHead() throws Exception {
        Run run = verify(true);
        assertThat(run.exit()).as(run.output()).isEqualTo(JournalTool.OK);
        assertThat(run.output())
                .contains("ok    chain:")
                .contains("ok    log: the journal up to entry " + checkpoint.seq() + " is the one the tree head"
                        + " commits to")
                .contains("VALID");
    }

    @Test
    void aConsistentRewriteBeforeTheCheckpointIsSeenOnlyAgainstTheLog() throws Exception {
        lockAppends();
        List<Map<String, Object>> savedEntries = rows("select * from audit_entry where seq >= " + firstSeq);
        List<Map<String, Object>> savedCheckpoints = rows("select * from audit_checkpoint where seq >= " + firstSeq);
        try {
            // the operator, with the database and the signing key, lowers the first payment and makes the chain whole
            // again: every later hash recomputed, every later checkpoint deleted and signed anew, and the head signed
            // too (so that the scheduled checkpoint, finding the head signed, signs nothing while the test looks)
            long head = jdbc.sql("select max(seq) from audit_entry")
                    .query(Long.class)
                    .single();
            tamper(() -> {
                rewriteFrom(firstSeq, "{\"amount\":1}");
                execute("delete from audit_checkpoint where seq >= " + firstSeq);
                java.util.Set<Long> signed = new java.util.HashSet<>();
                for (Map<String, Object> c : savedCheckpoints) {
                    long seq = (Long) c.get("seq");
                    signed.add(seq);
                    resign(seq, hashOf(seq), ((Timestamp) c.get("signed_at")).toInstant());
                }
                if (!signed.contains(head)) {
                    resign(head, hashOf(head), checkpoint.signedAt().plusSeconds(1));
                }
            });
            ChainVerification inside = journal.verify();
            assertThat(inside.valid())
                    .as("the platform's own verification cannot see a consistent rewrite")
                    .isTrue();
            assertThat(verify(false).exit())
                    .as("nor can the chain and the journal's checkpoints alone")
                    .isEqualTo(JournalTool.OK);

            Run run = verify(true);
            assertThat(run.exit()).as(run.output()).isEqualTo(JournalTool.FAILED);
            assertThat(run.output())
                    .contains("FAIL  log: the checkpoint of entry " + checkpoint.seq())
                    .contains("REWRITTEN: the journal's entry " + checkpoint.seq() + " has hash "
                            + hashOf(checkpoint.seq()) + ", the checkpoint signed " + checkpoint.entryHash())
                    .contains("INVALID");
        } finally {
            restore(savedEntries, savedCheckpoints);
        }
        assertThat(verify(true).exit()).as("put back").isEqualTo(JournalTool.OK);
    }

    @Test
    void deletingTheLastEntriesIsSeenAgainstTheLog() throws Exception {
        lockAppends();
        List<Map<String, Object>> savedEntries = rows("select * from audit_entry where seq >= " + firstSeq);
        List<Map<String, Object>> savedCheckpoints = rows("select * from audit_checkpoint where seq >= " + firstSeq);
        try {
            // the operator deletes the payments and everything after them, and the checkpoints that named them
            tamper(() -> {
                execute("delete from audit_entry where seq >= " + firstSeq);
                execute("delete from audit_checkpoint where seq >= " + firstSeq);
            });
            assertThat(journal.verify().valid())
                    .as("what is left is a whole chain: the platform's verification sees nothing")
                    .isTrue();
            assertThat(verify(false).exit()).isEqualTo(JournalTool.OK);

            Run run = verify(true);
            assertThat(run.exit()).as(run.output()).isEqualTo(JournalTool.FAILED);
            assertThat(run.output())
                    .contains("TRUNCATED: the journal ends at entry " + (firstSeq - 1)
                            + ", before the entry this checkpoint signed; entries " + firstSeq + " to "
                            + checkpoint.seq() + " at least were deleted");
        } finally {
            restore(savedEntries, savedCheckpoints);
        }
        assertThat(verify(true).exit()).as("put back").isEqualTo(JournalTool.OK);
    }

    @Test
    void aForgedCheckpointIsReportedInTheJournalAndInTheLog() throws Exception {
        lockAppends();
        long head =
                jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
        List<Map<String, Object>> savedCheckpoints = rows("select * from audit_checkpoint where seq >= " + firstSeq);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        var forger = generator.generateKeyPair();
        SignedCheckpoint unsigned =
                new SignedCheckpoint(head, hashOf(head), checkpoint.signedAt(), signingKey.keyId(), "");
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(forger.getPrivate());
        signer.update(unsigned.signedBytes());
        String forgedSignature = Base64.getEncoder().encodeToString(signer.sign());
        try {
            // without the signing key, someone adds a checkpoint in the platform's name
            tamper(() -> insertCheckpoint(unsigned.seq(), unsigned.entryHash(), unsigned.signedAt(), forgedSignature));
            Run journalRun = verify(false);
            assertThat(journalRun.exit()).as(journalRun.output()).isEqualTo(JournalTool.FAILED);
            assertThat(journalRun.output())
                    .contains("FAIL  journal's checkpoint of entry " + head)
                    .contains("FORGED: its signature is not the platform key's");
        } finally {
            restore(List.of(), savedCheckpoints);
        }
        // and a leaf put in a log in the platform's name, but not signed with its key
        SignedCheckpoint forged = new SignedCheckpoint(
                unsigned.seq(), unsigned.entryHash(), unsigned.signedAt(), unsigned.keyId(), forgedSignature);
        writeLog(forged, 2);
        Run logRun = verify(true);
        assertThat(logRun.exit()).as(logRun.output()).isEqualTo(JournalTool.FAILED);
        assertThat(logRun.output())
                .contains("FAIL  log: the checkpoint of entry " + head + " given as in the log is FORGED");
    }

    @Test
    void aTreeHeadNotSignedByThePlatformProvesNothing() throws Exception {
        String head = Files.readString(files.resolve("tree-head.json"));
        Map<String, Object> changed = new LinkedHashMap<>();
        ((Map<?, ?>) CanonicalJson.read(head)).forEach((k, v) -> changed.put((String) k, v));
        changed.put("timestamp", (Long) changed.get("timestamp") + 1);
        Files.writeString(files.resolve("tree-head.json"), CanonicalJson.write(changed));
        Run run = verify(true);
        assertThat(run.exit()).isEqualTo(JournalTool.FAILED);
        assertThat(run.output()).contains("FAIL  tree head: its signature is not the platform key's");
    }

    @Test
    void wrongUsageAndUnreadableFilesAreNotVerdicts() {
        assertThat(run().exit()).isEqualTo(JournalTool.USAGE);
        assertThat(run("verify-journal", "--journal", "x.jsonl").exit()).isEqualTo(JournalTool.USAGE);
        assertThat(run(
                                "verify-journal",
                                "--journal",
                                files.resolve("none.jsonl").toString(),
                                "--platform-key",
                                files.resolve("key.json").toString())
                        .exit())
                .isEqualTo(JournalTool.USAGE);
    }

    // ---- the outsider's files and the tool

    record Run(int exit, String output) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = new JournalTool(print, print).run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    /** Exports the journal as an auditor downloads it, and runs the tool on it (with the log's files, or not). */
    private Run verify(boolean withLog) throws Exception {
        byte[] export = mvc.perform(get("/api/audit/export")
                        .with(user("auditeur@arcop.demo")
                                .authorities(
                                        new SimpleGrantedAuthority("SESSION_FULL"),
                                        new SimpleGrantedAuthority("ROLE_REGULATOR_AUDITOR"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Files.write(files.resolve("journal.jsonl"), export);
        List<String> args = new ArrayList<>(List.of(
                "verify-journal",
                "--journal",
                files.resolve("journal.jsonl").toString(),
                "--platform-key",
                files.resolve("key.json").toString()));
        if (withLog) {
            args.addAll(List.of(
                    "--checkpoint", files.resolve("checkpoint.json").toString(),
                    "--inclusion", files.resolve("inclusion.json").toString(),
                    "--tree-head", files.resolve("tree-head.json").toString()));
        }
        return run(args.toArray(String[]::new));
    }

    /**
     * A log of {@code before + 3} leaves in which the checkpoint's BJC1 leaf is at index {@code before}, its signed
     * tree head, and the checkpoint's inclusion proof, as files in the API's formats.
     */
    private void writeLog(SignedCheckpoint c, int before) throws IOException {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("format", "BJC1");
        statement.put("seq", c.seq());
        statement.put("entryHash", c.entryHash());
        statement.put("signedAt", c.signedAt().toString());
        statement.put("keyId", c.keyId());
        statement.put("signature", c.signature());
        String leaf = CanonicalJson.write(statement);
        List<byte[]> leafHashes = new ArrayList<>();
        for (int i = 0; i < before + 3; i++) {
            leafHashes.add(MerkleTree.leafHash(
                    i == before
                            ? leaf.getBytes(StandardCharsets.UTF_8)
                            : ("another leaf " + i + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)));
        }
        MerkleTree.Nodes nodes = MerkleTree.fromLeafHashes(i -> leafHashes.get((int) i));
        long size = leafHashes.size();
        String root = HexFormat.of().formatHex(MerkleTree.root(size, nodes));
        long timestamp = c.signedAt().toEpochMilli() + 1;
        String signature = Base64.getEncoder()
                .encodeToString(signingKey.sign(
                        ReceiptFormat.treeHead(size, root, timestamp).getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("format", "BTH1");
        head.put("treeSize", size);
        head.put("rootHash", root);
        head.put("timestamp", timestamp);
        head.put("keyId", signingKey.keyId());
        head.put("signature", signature);
        Map<String, Object> inclusion = new LinkedHashMap<>();
        inclusion.put("index", (long) before);
        inclusion.put("treeSize", size);
        inclusion.put("leafHash", HexFormat.of().formatHex(leafHashes.get(before)));
        inclusion.put(
                "auditPath",
                MerkleTree.inclusionProof(before, size, nodes).stream()
                        .map(HexFormat.of()::formatHex)
                        .toList());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("leafIndex", (long) before);
        document.put("statement", leaf);
        Files.writeString(files.resolve("checkpoint.json"), CanonicalJson.write(document));
        Files.writeString(files.resolve("inclusion.json"), CanonicalJson.write(inclusion));
        Files.writeString(files.resolve("tree-head.json"), CanonicalJson.write(head));
    }

    // ---- the attacker's tools: a superuser connection to the same database

    @FunctionalInterface
    interface Sql {
        void run() throws SQLException;
    }

    /** A superuser session on the application's database, whatever role the application itself connects as. */
    private Connection superuser() throws SQLException {
        return operator.dataSource().getConnection();
    }

    /** Holds the journal's append lock for the session: no entry is appended until the test ends. */
    private void lockAppends() throws SQLException {
        try (Statement s = superuser.createStatement()) {
            s.execute("select pg_advisory_lock(" + APPEND_LOCK + ")");
        }
    }

    /** One committed transaction with the triggers off, as an administrator would. */
    private void tamper(Sql work) throws SQLException {
        superuser.setAutoCommit(false);
        try {
            execute("set local session_replication_role = replica");
            work.run();
            superuser.commit();
        } catch (SQLException | RuntimeException e) {
            superuser.rollback();
            throw e;
        } finally {
            superuser.setAutoCommit(true);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = superuser.createStatement()) {
            s.execute(sql);
        }
    }

    private List<Map<String, Object>> rows(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = superuser.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private String hashOf(long seq) throws SQLException {
        try (Statement s = superuser.createStatement();
                ResultSet rs = s.executeQuery("select entry_hash from audit_entry where seq = " + seq)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Changes entry {@code seq}'s payload and recomputes every hash from it to the head, as the format says. */
    private void rewriteFrom(long seq, String payload) throws SQLException {
        String previous = null;
        for (Map<String, Object> e : rows("select * from audit_entry where seq >= " + seq + " order by seq")) {
            long n = (Long) e.get("seq");
            String content = n == seq ? payload : (String) e.get("payload");
            String link = previous == null ? (String) e.get("previous_hash") : previous;
            String hash = ChainHash.of(
                    link,
                    n,
                    ((Timestamp) e.get("occurred_at")).toInstant(),
                    (String) e.get("actor"),
                    (String) e.get("organisation"),
                    (String) e.get("action"),
                    (String) e.get("subject_type"),
                    (String) e.get("subject_id"),
                    (String) e.get("legal_reason"),
                    content);
            try (PreparedStatement update = superuser.prepareStatement("update audit_entry set payload = ?,"
                    + " payload_json = cast(? as jsonb), previous_hash = ?, entry_hash = ? where seq = ?")) {
                update.setString(1, content);
                update.setString(2, content);
                update.setString(3, link);
                update.setString(4, hash);
                update.setLong(5, n);
                update.executeUpdate();
            }
            previous = hash;
        }
    }

    /** A checkpoint signed anew with the platform's key, which the operator holds. */
    private void resign(long seq, String hash, java.time.Instant signedAt) throws SQLException {
        SignedCheckpoint unsigned = new SignedCheckpoint(seq, hash, signedAt, signingKey.keyId(), "");
        insertCheckpoint(
                seq, hash, signedAt, Base64.getEncoder().encodeToString(signingKey.sign(unsigned.signedBytes())));
    }

    private void insertCheckpoint(long seq, String hash, java.time.Instant signedAt, String signature)
            throws SQLException {
        try (PreparedStatement insert = superuser.prepareStatement("insert into audit_checkpoint"
                + " (seq, entry_hash, signed_at, key_id, signature) values (?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setString(2, hash);
            insert.setTimestamp(3, Timestamp.from(signedAt));
            insert.setString(4, signingKey.keyId());
            insert.setString(5, signature);
            insert.executeUpdate();
        }
    }

    /** Puts the saved rows back exactly (the entries from the first saved one, and every checkpoint from it). */
    private void restore(List<Map<String, Object>> entries, List<Map<String, Object>> checkpoints) throws SQLException {
        tamper(() -> {
            if (!entries.isEmpty()) {
                execute("delete from audit_entry where seq >= " + firstSeq);
                for (Map<String, Object> row : entries) {
                    insert("audit_entry", row);
                }
            }
            execute("delete from audit_checkpoint where seq >= " + firstSeq);
            for (Map<String, Object> row : checkpoints) {
                insert("audit_checkpoint", row);
            }
        });
    }

    private void insert(String table, Map<String, Object> row) throws SQLException {
        String columns = String.join(", ", row.keySet());
        String values = String.join(", ", row.keySet().stream().map(k -> "?").toList());
        try (PreparedStatement insert =
                superuser.prepareStatement("insert into " + table + " (" + columns + ") values (" + values + ")")) {
            int i = 1;
            for (Object value : row.values()) {
                insert.setObject(i++, value);
            }
            insert.executeUpdate();
        }
    }
}
