// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.cli;

import static org.baobab.shared.json.JsonReader.Numbers.DECIMALS;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.baobab.audit.AuditEntry;
import org.baobab.audit.CanonicalJson;
import org.baobab.audit.internal.ChainHash;
import org.baobab.shared.json.JsonReader;
import org.baobab.shared.merkle.MerkleTree;
import org.jspecify.annotations.Nullable;

/**
 * Checks an export of the audit journal as an outsider would, trusting nothing but the platform's public key and, for
 * the transparency log, a signed tree head they hold themselves (docs/audit-journal.md, "Verifying from outside"):
 *
 * <ol>
 *   <li>the chain: every entry's hash recomputed from its content, every link to the entry before, the sequence from
 *       1 without a gap;
 *   <li>the journal's own checkpoints: each signed by the platform key and naming an entry that is in the journal
 *       with that hash;
 *   <li>a checkpoint taken from the transparency log (its BJC1 leaf): signed by the platform key, included in the
 *       tree head by the RFC 9162 audit path, and naming an entry that is in the journal with that hash.
 * </ol>
 *
 * <p>A consistent rewrite (every hash recomputed) passes the first check but not the third: the log's checkpoint names
 * the old hash. Deleting the last entries (and the checkpoints naming them) passes the first two but not the third: the
 * journal ends before the entry the log's checkpoint names. A forged checkpoint fails its signature. Plain JDK, like
 * the rest of this package, so that anyone can run it (see {@link JournalTool}).
 */
final class JournalCheck {

    /** The format of a journal checkpoint in the transparency log. */
    static final String LEAF_FORMAT = "BJC1";

    static final String TREE_HEAD_FORMAT = "BTH1";

    /** One verdict: a check that passed, or one that failed, in words. */
    record Finding(boolean ok, String message) {}

    /** The payload member that marks an entry about a sealed bid (AuditableEvent.SEALED_UNTIL_OPENING). */
    private static final String SEALED_MARKER = "\"sealedUntilOpening\":";

    private long sealedEntries;

    /** An entry as exported: its facts, its canonical payload text, its links, and whether it is shown sealed. */
    record Entry(AuditEntry fields, boolean sealed) {

        long seq() {
            return fields.seq();
        }

        String previousHash() {
            return fields.previousHash();
        }

        String entryHash() {
            return fields.entryHash();
        }

        String payload() {
            return fields.payload();
        }
    }

    /** A signed checkpoint: the platform's Ed25519 signature of {@code {seq, entryHash, signedAt, keyId}}. */
    record Checkpoint(long seq, String entryHash, Instant signedAt, String keyId, String signature) {

        /** The exact bytes the platform signed (canonical JSON, signedAt as ISO-8601 {@link Instant#toString}). */
        byte[] statement() {
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("seq", seq);
            statement.put("entryHash", entryHash);
            statement.put("signedAt", signedAt.toString());
            statement.put("keyId", keyId);
            return CanonicalJson.write(statement).getBytes(StandardCharsets.UTF_8);
        }
    }

    private final PublicKey platformKey;
    private final String platformKeyId;
    private final TreeMap<Long, Entry> entries = new TreeMap<>();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private long verifiedHead;

    JournalCheck(PublicKey platformKey) {
        this.platformKey = platformKey;
        this.platformKeyId = HexFormat.of().formatHex(sha256(platformKey.getEncoded()));
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    boolean valid() {
        return findings.stream().allMatch(Finding::ok);
    }

    private void ok(String message) {
        findings.add(new Finding(true, message));
    }

    private void fail(String message) {
        findings.add(new Finding(false, message));
    }

    // ---- reading

    /**
     * Reads an export: JSON Lines of {@code {"type":"entry",…}} and {@code {"type":"checkpoint",…}} (GET
     * /api/audit/export), or a JSON array of entries or of checkpoints (pages of GET /api/audit/entries and
     * /api/audit/checkpoints). Several files may be read; an entry read twice must be the same.
     */
    void readJournal(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("[")) {
            Object array = JsonReader.read(trimmed, DECIMALS);
            for (Object item : (List<?>) array) {
                readItem(item);
            }
            return;
        }
        int line = 0;
        for (String row : trimmed.split("\n", -1)) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            try {
                readItem(JsonReader.read(row, DECIMALS));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
            }
        }
    }

    private void readItem(@Nullable Object item) {
        Map<?, ?> m = object(item, "a journal item");
        Object type = m.get("type");
        boolean isEntry = "entry".equals(type) || (type == null && m.containsKey("previousHash"));
        boolean isCheckpoint = "checkpoint".equals(type) || (type == null && m.containsKey("signature"));
        if (isEntry) {
            Entry e = new Entry(
                    new AuditEntry(
                            number(m, "seq"),
                            instant(m, "occurredAt"),
                            text(m, "actor"),
                            optionalText(m, "organisation"),
                            text(m, "action"),
                            text(m, "subjectType"),
                            text(m, "subjectId"),
                            optionalText(m, "legalReason"),
                            text(m, "payload"),
                            text(m, "previousHash"),
                            text(m, "entryHash")),
                    Boolean.TRUE.equals(m.get("sealed")));
            Entry before = entries.putIfAbsent(e.seq(), e);
            if (before != null && !before.equals(e)) {
                throw new IllegalArgumentException("entry " + e.seq() + " is read twice with different contents");
            }
        } else if (isCheckpoint) {
            checkpoints.add(checkpoint(m));
        } else {
            throw new IllegalArgumentException("neither an entry nor a checkpoint: " + m.keySet());
        }
    }

    private static Checkpoint checkpoint(Map<?, ?> m) {
        return new Checkpoint(
                number(m, "seq"), text(m, "entryHash"), instant(m, "signedAt"), text(m, "keyId"), text(m, "signature"));
    }

    // ---- the chain and the journal's own checkpoints

    /** Re-walks the chain from entry 1; stops at the first break. */
    void checkChain() {
        String previous = ChainHash.GENESIS;
        long expected = 1;
        for (Entry e : entries.values()) {
            if (e.seq() != expected) {
                fail("chain: entry " + expected + " is missing (the journal jumps to entry " + e.seq() + ")");
                return;
            }
            if (!e.previousHash().equals(previous)) {
                fail("chain: entry " + e.seq() + " does not link to the entry before it");
                return;
            }
            if (e.sealed()) {
                // who acted is withheld until the process's opening: the entry's link is checked, its content can be
                // recomputed only from an export made after the opening
                if (!e.payload().contains(SEALED_MARKER)) {
                    fail("chain: entry " + e.seq() + " is shown sealed, but it is not about a sealed bid");
                    return;
                }
                sealedEntries++;
                previous = e.entryHash();
                verifiedHead = e.seq();
                expected++;
                continue;
            }
            if (!ChainHash.matches(e.fields())) {
                fail("chain: entry " + e.seq() + "'s hash does not match its content");
                return;
            }
            previous = e.entryHash();
            verifiedHead = e.seq();
            expected++;
        }
        if (entries.isEmpty()) {
            fail("chain: the export holds no entry");
        } else {
            ok("chain: " + entries.size() + " entries, 1 to " + verifiedHead
                    + ", each links to the one before and each hash matches its content"
                    + (sealedEntries == 0
                            ? ""
                            : " (except " + sealedEntries + " about bids sealed until their opening, whose actor"
                                    + " is withheld: checked by their links only)")
                    + "; head " + previous);
        }
    }

    /** Checks every checkpoint of the export against the platform key and the chain. */
    void checkCheckpoints() {
        long matching = 0;
        long latest = 0;
        for (Checkpoint c : checkpoints) {
            String problem = signatureProblem(c);
            if (problem == null) {
                problem = journalProblem(c);
            }
            if (problem != null) {
                fail("journal's checkpoint of entry " + c.seq() + " (signed at " + c.signedAt() + "): " + problem);
            } else {
                matching++;
                latest = Math.max(latest, c.seq());
            }
        }
        if (matching > 0) {
            ok("checkpoints: " + matching + " signed by the platform key match the journal (latest: entry " + latest
                    + ")");
        }
    }

    private @Nullable String signatureProblem(Checkpoint c) {
        if (!c.keyId().equals(platformKeyId)) {
            return "FORGED: it names key " + c.keyId() + ", not the platform key " + platformKeyId;
        }
        if (!ed25519(c.statement(), c.signature())) {
            return "FORGED: its signature is not the platform key's";
        }
        return null;
    }

    private @Nullable String journalProblem(Checkpoint c) {
        Entry entry = entries.get(c.seq());
        long head = entries.isEmpty() ? 0 : entries.lastKey();
        if (entry == null && c.seq() > head) {
            return "TRUNCATED: the journal ends at entry " + head + ", before the entry this checkpoint signed;"
                    + " entries " + (head + 1) + " to " + c.seq() + " at least were deleted";
        }
        if (entry == null) {
            return "entry " + c.seq() + " is missing from the journal";
        }
        if (!entry.entryHash().equals(c.entryHash())) {
            return "REWRITTEN: the journal's entry " + c.seq() + " has hash " + entry.entryHash()
                    + ", the checkpoint signed " + c.entryHash() + "; the history up to it was changed";
        }
        if (c.seq() > verifiedHead) {
            return "the entry it signed lies beyond the verified part of the chain";
        }
        return null;
    }

    // ---- a checkpoint in the transparency log, against a tree head held by the outsider

    /**
     * Proves the journal against a tree head: the checkpoint's BJC1 leaf (a BJC1 object, or a document with it as
     * {@code statement} or {@code leaf}, e.g. GET /api/transparency/checkpoints/{seq}), its inclusion proof ({@code
     * {index, treeSize, auditPath}} of GET /api/transparency/inclusion; or the {@code leafIndex} and {@code auditPath}
     * of the checkpoint document when it was proven in a tree of the same size) and the signed tree head (GET
     * /api/transparency/tree-head, kept by the outsider).
     */
    void checkAgainstLog(String checkpointDocument, @Nullable String inclusionDocument, String treeHeadDocument) {
        Map<?, ?> head = object(JsonReader.read(treeHeadDocument, DECIMALS), "a tree head");
        long treeSize = number(head, "treeSize");
        String rootHash = text(head, "rootHash");
        long timestamp = number(head, "timestamp");
        Map<String, Object> headStatement = new LinkedHashMap<>();
        headStatement.put("format", TREE_HEAD_FORMAT);
        headStatement.put("treeSize", treeSize);
        headStatement.put("rootHash", rootHash);
        headStatement.put("timestamp", timestamp);
        if (!ed25519(CanonicalJson.write(headStatement).getBytes(StandardCharsets.UTF_8), text(head, "signature"))) {
            fail("tree head: its signature is not the platform key's; it proves nothing");
            return;
        }

        Map<?, ?> document = object(JsonReader.read(checkpointDocument, DECIMALS), "a checkpoint document");
        Map<?, ?> leafObject = leafObject(document);
        String leaf = CanonicalJson.write(leafObject);
        if (!LEAF_FORMAT.equals(leafObject.get("format"))) {
            fail("log: the leaf is not a journal checkpoint (format " + leafObject.get("format") + ")");
            return;
        }
        Checkpoint logged = checkpoint(leafObject);
        String problem = signatureProblem(logged);
        if (problem != null) {
            fail("log: the checkpoint of entry " + logged.seq() + " given as in the log is " + problem);
            return;
        }

        Map<?, ?> proof =
                inclusionDocument == null ? document : object(JsonReader.read(inclusionDocument, DECIMALS), "a proof");
        long index = proof.containsKey("index") ? number(proof, "index") : number(proof, "leafIndex");
        if (proof.containsKey("treeSize") && number(proof, "treeSize") != treeSize) {
            fail("log: the inclusion proof is for a tree of " + number(proof, "treeSize") + " leaves, the tree head"
                    + " held has " + treeSize + "; fetch /api/transparency/inclusion?index=" + index + "&treeSize="
                    + treeSize);
            return;
        }
        List<byte[]> path = new ArrayList<>();
        byte[] root;
        try {
            for (Object hash : (List<?>) proof.get("auditPath")) {
                path.add(HexFormat.of().parseHex((String) hash));
            }
            root = HexFormat.of().parseHex(rootHash);
        } catch (RuntimeException notHex) {
            fail("log: the audit path or the root hash is not a list of hexadecimal hashes");
            return;
        }
        byte[] leafHash = MerkleTree.leafHash(leaf.getBytes(StandardCharsets.UTF_8));
        if (!MerkleTree.verifyInclusion(index, treeSize, leafHash, path, root)) {
            fail("log: the checkpoint of entry " + logged.seq() + " is not leaf " + index + " of the tree of "
                    + treeSize + " leaves whose root is " + rootHash);
            return;
        }
        String where = "leaf " + index + " of the tree of " + treeSize + " leaves (root " + rootHash + ", signed "
                + Instant.ofEpochMilli(timestamp) + ")";
        String mismatch = journalProblem(logged);
        if (mismatch != null) {
            fail("log: the checkpoint of entry " + logged.seq() + " is " + where + ", but " + mismatch);
        } else {
            ok("log: the journal up to entry " + logged.seq() + " is the one the tree head commits to: its checkpoint"
                    + " is " + where);
        }
    }

    private static Map<?, ?> leafObject(Map<?, ?> document) {
        if (document.containsKey("format")) {
            return document;
        }
        for (String member : List.of("statement", "leaf")) {
            Object value = document.get(member);
            if (value instanceof String s) {
                return object(JsonReader.read(s, DECIMALS), "a BJC1 leaf");
            }
            if (value instanceof Map<?, ?> m) {
                return m;
            }
        }
        throw new IllegalArgumentException("the checkpoint document holds no BJC1 leaf (format, statement or leaf)");
    }

    // ---- the maths

    private boolean ed25519(byte[] message, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(platformKey);
            signature.update(message);
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The platform's public key from what GET /api/platform/signing-key answers (its {@code publicKey}), a PEM file,
     * or the Base64 of the DER SubjectPublicKeyInfo.
     */
    static PublicKey publicKey(String text) {
        String base64 = text.strip();
        if (base64.startsWith("{")) {
            base64 = text(object(JsonReader.read(base64, DECIMALS), "a signing key"), "publicKey");
        }
        base64 = base64.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    // ---- reading members

    private static Map<?, ?> object(@Nullable Object value, String what) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return m;
    }

    private static String text(Map<?, ?> m, String name) {
        if (!(m.get(name) instanceof String s)) {
            throw new IllegalArgumentException("\"" + name + "\" must be a string");
        }
        return s;
    }

    private static @Nullable String optionalText(Map<?, ?> m, String name) {
        return m.get(name) == null ? null : text(m, name);
    }

    private static long number(Map<?, ?> m, String name) {
        if (!(m.get(name) instanceof Long n)) {
            throw new IllegalArgumentException("\"" + name + "\" must be a whole number");
        }
        return n;
    }

    private static Instant instant(Map<?, ?> m, String name) {
        try {
            return Instant.parse(text(m, name));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + name + "\" must be an ISO-8601 instant", e);
        }
    }
}
