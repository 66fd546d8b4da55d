// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.transparency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.transparency.Statements.KeyEnrolment;
import org.baobab.bidding.transparency.Statements.SealingSetStatement;
import org.baobab.bidding.transparency.Statements.SetMember;
import org.baobab.shared.merkle.MerkleTree;
import org.jspecify.annotations.Nullable;

/**
 * Follows the transparency log from the last head it saw, trusting nothing but the platform's public key
 * (docs/sealing-format.md, "Monitoring the log"): the new signed head's signature, its consistency with the previous
 * head, every new leaf's hash (recomputed from the statement for the public kinds) and the root they build, every key
 * enrolment's proof of possession, every journal checkpoint's signature, every sealing set against its members'
 * enrolled keys, and what the platform serves to bidders for each set against the set in the log. Both {@code SealTool
 * monitor} and the application's own self-check run it.
 */
public final class LogMonitor {

    /** A signed tree head as the API gives it. */
    public record Head(long treeSize, String rootHash, long timestamp, String keyId, String signature) {}

    /** A leaf as the API lists it: the statement only for the public kinds. */
    public record Leaf(
            long index,
            String leafHash,
            String kind,
            @Nullable String statement) {}

    /** Where the monitor reads the log and what the platform serves. */
    public interface Source {

        Head head() throws Exception;

        /** Leaves from {@code from}, in order, at least one when {@code from} is below the log's size. */
        List<Leaf> leaves(long from, int limit) throws Exception;

        /** The consistency proof (hex) between two sizes. */
        List<String> consistency(long first, long second) throws Exception;

        /**
         * The committee keys (base64 points) the platform serves bidders for a process, in share order; empty if it
         * serves none (e.g. the process is closed).
         */
        Optional<List<String>> servedKeys(String ocid) throws Exception;
    }

    /** A key a member enrolled, or a set, as the monitor remembers it. */
    record Enrolled(long leafIndex, String fingerprint) {}

    record Set(long leafIndex, List<String> userIds, List<String> fingerprints) {}

    /**
     * What the monitor keeps between runs: the last head it checked, the frontier of the tree at that size (the roots
     * of its perfect subtrees, largest first) and the statements it needs later.
     */
    public record State(
            @Nullable Head head, List<String> frontier, Map<String, List<Enrolled>> enrolments, Map<String, Set> sets) {

        public static State empty() {
            return new State(null, List.of(), Map.of(), Map.of());
        }

        public long treeSize() {
            return head == null ? 0 : head.treeSize();
        }

        public String json() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("format", "BLM1");
            if (head != null) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("treeSize", head.treeSize());
                h.put("rootHash", head.rootHash());
                h.put("timestamp", head.timestamp());
                h.put("keyId", head.keyId());
                h.put("signature", head.signature());
                s.put("head", h);
            }
            s.put("frontier", frontier);
            Map<String, Object> e = new TreeMap<>();
            enrolments.forEach((user, list) -> e.put(
                    user,
                    list.stream()
                            .map(k -> List.<Object>of(k.leafIndex(), k.fingerprint()))
                            .toList()));
            s.put("enrolments", e);
            Map<String, Object> sets = new TreeMap<>();
            this.sets.forEach((ocid, set) -> sets.put(
                    ocid,
                    Map.of(
                            "leafIndex",
                            set.leafIndex(),
                            "userIds",
                            set.userIds(),
                            "fingerprints",
                            set.fingerprints())));
            s.put("sets", sets);
            return CanonicalJson.write(s);
        }

        public static State read(String json) {
            Map<String, @Nullable Object> s = CanonicalJson.readObject(json);
            if (!"BLM1".equals(s.get("format"))) {
                throw new IllegalArgumentException("not a monitor state (BLM1)");
            }
            Head head = null;
            if (s.get("head") instanceof Map<?, ?> h) {
                head = new Head(
                        (Long) h.get("treeSize"),
                        (String) h.get("rootHash"),
                        (Long) h.get("timestamp"),
                        (String) h.get("keyId"),
                        (String) h.get("signature"));
            }
            List<String> frontier = strings(s.get("frontier"));
            Map<String, List<Enrolled>> enrolments = new TreeMap<>();
            ((Map<?, ?>) s.get("enrolments"))
                    .forEach((user, list) -> enrolments.put(
                            (String) user,
                            ((List<?>) list)
                                    .stream()
                                            .map(item -> (List<?>) item)
                                            .map(item -> new Enrolled((Long) item.get(0), (String) item.get(1)))
                                            .toList()));
            Map<String, Set> sets = new TreeMap<>();
            ((Map<?, ?>) s.get("sets")).forEach((ocid, set) -> {
                Map<?, ?> m = (Map<?, ?>) set;
                sets.put(
                        (String) ocid,
                        new Set((Long) m.get("leafIndex"), strings(m.get("userIds")), strings(m.get("fingerprints"))));
            });
            return new State(head, frontier, enrolments, sets);
        }

        private static List<String> strings(@Nullable Object list) {
            return ((List<?>) list).stream().map(String.class::cast).toList();
        }
    }

    /** The outcome: the problems found (none: all is well), what was seen, and the state to keep for the next run. */
    public record Report(List<String> problems, List<String> notes, State next) {
        public boolean clean() {
            return problems.isEmpty();
        }
    }

    private static final int PAGE = 500;

    private final Source source;
    private final PublicKey platformKey;
    private final String keyId;

    public LogMonitor(Source source, PublicKey platformKey, String keyId) {
        this.source = source;
        this.platformKey = platformKey;
        this.keyId = keyId;
    }

    /** One run from {@code previous}; the state returned is {@code previous} itself when the log could not be trusted. */
    public Report run(State previous) throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Head head = source.head();
        byte[] headStatement = ReceiptFormat.treeHead(head.treeSize(), head.rootHash(), head.timestamp())
                .getBytes(StandardCharsets.UTF_8);
        if (!head.keyId().equals(keyId) || !ReceiptVerifier.ed25519(platformKey, headStatement, head.signature())) {
            problems.add("the tree head of size " + head.treeSize() + " is not signed by the platform key " + keyId);
            return new Report(problems, notes, previous);
        }
        if (previous.head() != null && !previous.head().keyId().equals(keyId)) {
            problems.add("the platform key changed: the head seen before was signed by "
                    + previous.head().keyId() + ", the key given is " + keyId);
            return new Report(problems, notes, previous);
        }
        long from = previous.treeSize();
        if (head.treeSize() < from) {
            problems.add("the log is not an extension of the previous head: it has " + head.treeSize()
                    + " leaves, the head seen before had " + from);
            return new Report(problems, notes, previous);
        }
        if (previous.head() != null) {
            List<byte[]> proof = source.consistency(from, head.treeSize()).stream()
                    .map(LogMonitor::hex)
                    .toList();
            if (!MerkleTree.verifyConsistency(
                    from, head.treeSize(), hex(previous.head().rootHash()), hex(head.rootHash()), proof)) {
                problems.add("the log is not an extension of the previous head: no consistency proof from size "
                        + from + " (root " + previous.head().rootHash() + ") to size " + head.treeSize() + " (root "
                        + head.rootHash() + ")");
                return new Report(problems, notes, previous);
            }
        }
        Frontier frontier = new Frontier(
                from, previous.frontier().stream().map(LogMonitor::hex).toList());
        Map<String, List<Enrolled>> enrolments = new TreeMap<>(previous.enrolments());
        Map<String, Set> sets = new TreeMap<>(previous.sets());
        long next = from;
        while (next < head.treeSize()) {
            List<Leaf> page = source.leaves(next, (int) Math.min(PAGE, head.treeSize() - next));
            if (page.isEmpty()) {
                problems.add("the platform serves no leaf " + next + " although its head has " + head.treeSize());
                return new Report(problems, notes, previous);
            }
            for (Leaf leaf : page) {
                if (leaf.index() != next || next >= head.treeSize()) {
                    problems.add("the platform served leaf " + leaf.index() + " where leaf " + next + " was asked");
                    return new Report(problems, notes, previous);
                }
                String problem = read(leaf, enrolments, sets, notes);
                if (problem != null) {
                    problems.add("leaf " + leaf.index() + " (" + leaf.kind() + "): " + problem);
                }
                frontier.append(hex(leaf.leafHash()));
                next++;
            }
        }
        if (!MessageDigest.isEqual(frontier.root(), hex(head.rootHash()))) {
            problems.add("the leaves served do not build the signed root " + head.rootHash() + " of size "
                    + head.treeSize() + ": the log was rewritten");
            return new Report(problems, notes, previous);
        }
        for (Map.Entry<String, Set> set : sets.entrySet()) {
            Optional<List<String>> served = source.servedKeys(set.getKey());
            if (served.isPresent()) {
                List<String> fingerprints = new ArrayList<>();
                for (String point : served.get()) {
                    fingerprints.add(Statements.fingerprintOf(point));
                }
                if (!fingerprints.equals(set.getValue().fingerprints())) {
                    problems.add("the platform serves bidders of " + set.getKey() + " the keys " + fingerprints
                            + ", but the sealing set in the log (leaf "
                            + set.getValue().leafIndex() + ") has "
                            + set.getValue().fingerprints());
                }
            }
        }
        notes.add("checked " + (head.treeSize() - from) + " new leaves up to the head of size " + head.treeSize()
                + " (root " + head.rootHash() + ")");
        State state = new State(
                head, frontier.hashes().stream().map(HexFormat.of()::formatHex).toList(), enrolments, sets);
        return new Report(problems, notes, problems.isEmpty() ? state : previous);
    }

    private @Nullable String read(
            Leaf leaf, Map<String, List<Enrolled>> enrolments, Map<String, Set> sets, List<String> notes) {
        if (ReceiptFormat.RECEIPT.equals(leaf.kind())) {
            return leaf.statement() == null ? null : "a receipt's statement is published";
        }
        String json = leaf.statement();
        if (json == null) {
            return "the statement is not published";
        }
        if (!HexFormat.of()
                .formatHex(MerkleTree.leafHash(json.getBytes(StandardCharsets.UTF_8)))
                .equals(leaf.leafHash())) {
            return "the statement served is not the leaf's (its hash differs)";
        }
        Statements.Parsed parsed;
        try {
            parsed = Statements.read(json);
        } catch (RuntimeException e) {
            return "not a statement: " + e.getMessage();
        }
        if (!parsed.format().equals(leaf.kind())) {
            return "the statement is of format " + parsed.format();
        }
        if (parsed.enrolment() != null) {
            KeyEnrolment e = parsed.enrolment();
            String problem = e.problem();
            if (problem != null) {
                return "the enrolment of " + e.fingerprint() + " by " + e.userId() + ": " + problem;
            }
            List<Enrolled> keys =
                    new ArrayList<>(enrolments.getOrDefault(e.userId().toString(), List.of()));
            keys.add(new Enrolled(leaf.index(), e.fingerprint()));
            enrolments.put(e.userId().toString(), List.copyOf(keys));
            notes.add("key " + e.fingerprint() + " enrolled by member " + e.userId() + " (leaf " + leaf.index() + ")");
            return null;
        }
        if (parsed.sealingSet() != null) {
            SealingSetStatement s = parsed.sealingSet();
            if (sets.containsKey(s.ocid())) {
                return "a second sealing set for " + s.ocid();
            }
            List<String> wrong = new ArrayList<>();
            for (SetMember m : s.members()) {
                Optional<Enrolled> enrolled = enrolments.getOrDefault(m.userId().toString(), List.of()).stream()
                        .filter(k -> k.leafIndex() < leaf.index())
                        .reduce((a, b) -> b);
                if (enrolled.isEmpty()) {
                    wrong.add("member " + m.position() + " (" + m.userId() + ") has no key enrolled in the log");
                } else if (!enrolled.get().fingerprint().equals(m.fingerprint())) {
                    wrong.add("member " + m.position() + " (" + m.userId() + ") has key " + m.fingerprint()
                            + ", but the key they enrolled in the log is "
                            + enrolled.get().fingerprint());
                }
            }
            sets.put(
                    s.ocid(),
                    new Set(
                            leaf.index(),
                            s.members().stream().map(m -> m.userId().toString()).toList(),
                            s.fingerprints()));
            notes.add("sealing set of " + s.ocid() + ": " + s.threshold() + " of "
                    + s.members().size() + " (leaf " + leaf.index() + ")");
            return wrong.isEmpty() ? null : "the sealing set of " + s.ocid() + ": " + String.join("; ", wrong);
        }
        Statements.JournalCheckpoint c = parsed.checkpoint();
        if (c == null) {
            return "an unknown statement";
        }
        if (!c.keyId().equals(keyId) || !ReceiptVerifier.ed25519(platformKey, c.signedBytes(), c.signature())) {
            return "the journal checkpoint of entry " + c.seq() + " is not signed by the platform key";
        }
        notes.add("journal checkpoint of entry " + c.seq() + " (leaf " + leaf.index() + ")");
        return null;
    }

    private static byte[] hex(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /**
     * The right edge of a Merkle tree: the roots of its perfect subtrees, largest first (one per bit set in its size).
     * Appending a leaf merges the subtrees it completes; the root folds them from the right (RFC 9162 §2.1.1).
     */
    static final class Frontier {
        private long size;
        private final List<byte[]> hashes;

        Frontier(long size, List<byte[]> hashes) {
            if (Long.bitCount(size) != hashes.size()) {
                throw new IllegalArgumentException(
                        "a frontier of size " + size + " has " + Long.bitCount(size) + " hashes, not " + hashes.size());
            }
            this.size = size;
            this.hashes = new ArrayList<>(hashes);
        }

        void append(byte[] leafHash) {
            byte[] node = leafHash;
            for (long s = size; (s & 1) == 1; s >>>= 1) {
                node = MerkleTree.nodeHash(hashes.remove(hashes.size() - 1), node);
            }
            hashes.add(node);
            size++;
        }

        byte[] root() {
            if (hashes.isEmpty()) {
                return MerkleTree.emptyRoot();
            }
            byte[] root = hashes.get(hashes.size() - 1);
            for (int i = hashes.size() - 2; i >= 0; i--) {
                root = MerkleTree.nodeHash(hashes.get(i), root);
            }
            return root;
        }

        List<byte[]> hashes() {
            return List.copyOf(hashes);
        }
    }
}
