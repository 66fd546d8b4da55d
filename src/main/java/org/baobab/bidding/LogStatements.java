// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baobab.audit.AuditJournal.SignedCheckpoint;
import org.baobab.audit.CheckpointSigned;
import org.baobab.bidding.internal.LogStore;
import org.baobab.bidding.internal.LogStore.StoredLeaf;
import org.baobab.bidding.sealing.CommitteeKey;
import org.baobab.bidding.transparency.ReceiptFormat;
import org.baobab.bidding.transparency.Statements;
import org.baobab.bidding.transparency.Statements.JournalCheckpoint;
import org.baobab.bidding.transparency.Statements.KeyEnrolment;
import org.baobab.bidding.transparency.Statements.SealingSetStatement;
import org.baobab.bidding.transparency.Statements.SetMember;
import org.baobab.shared.BaobabException;
import org.baobab.shared.merkle.MerkleTree;
import org.baobab.shared.signing.PlatformSigningKey;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public statements of the transparency log (docs/sealing-format.md, "Statements of the log"): committee key
 * enrolments (BKE1) and sealing sets (BSS1), appended by the opening module in the transaction that enrols the key or
 * fixes the set, and the audit journal's checkpoints (BJC1), appended in the transaction that signs them. Each is
 * signed by the platform like a receipt, and anyone can fetch it with its inclusion proof in a signed tree head.
 */
@Service
public class LogStatements {

    /** A statement of the log with its signature and its inclusion proof in a signed tree head. */
    public record Included(
            long leafIndex,
            String statement,
            String keyId,
            String signature,
            SignedTreeHead treeHead,
            List<String> auditPath) {}

    private final LogStore store;
    private final TransparencyLog log;
    private final TreeHeads treeHeads;
    private final PlatformSigningKey signingKey;
    private final Clock clock;

    LogStatements(
            LogStore store, TransparencyLog log, TreeHeads treeHeads, PlatformSigningKey signingKey, Clock clock) {
        this.store = store;
        this.log = log;
        this.treeHeads = treeHeads;
        this.signingKey = signingKey;
        this.clock = clock;
    }

    /**
     * Appends the member's enrolment of a key, in the enrolment's transaction, with the proof of possession they
     * answered (the one-time challenge, the server's one-time point and private key, the answer); returns its leaf
     * index.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long keyEnrolled(
            UUID userId,
            CommitteeKey key,
            byte[] challenge,
            byte[] serverPoint,
            byte[] serverPrivateKey,
            String answer,
            Instant enrolledAt) {
        Base64.Encoder b64 = Base64.getEncoder();
        Statements.Proof proof = new Statements.Proof(
                b64.encodeToString(challenge),
                b64.encodeToString(serverPoint),
                b64.encodeToString(serverPrivateKey),
                answer.strip());
        KeyEnrolment statement = KeyEnrolment.of(userId, key, proof, enrolledAt);
        return append(Statements.KEY_ENROLMENT, userId.toString(), statement.json());
    }

    /**
     * Appends the sealing set fixed at its notice's publication, in the publication's transaction; returns its leaf
     * index. The log holds one set per process: the same set again returns its index, another one is refused.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long sealingSetFixed(SealingSet set) {
        String json = statementOf(set).json();
        return appendOnce(Statements.SEALING_SET, set.ocid(), json);
    }

    /** Appends the journal's checkpoint as a BJC1 leaf, in the checkpoint's transaction. */
    @EventListener
    void onCheckpoint(CheckpointSigned signed) {
        SignedCheckpoint c = signed.checkpoint();
        String json =
                new JournalCheckpoint(c.seq(), c.entryHash(), c.signedAt().toString(), c.keyId(), c.signature()).json();
        appendOnce(Statements.JOURNAL_CHECKPOINT, String.valueOf(c.seq()), json);
    }

    /** The BSS1 statement of a set. */
    public static SealingSetStatement statementOf(SealingSet set) {
        return new SealingSetStatement(
                set.ocid(),
                set.threshold(),
                set.members().stream()
                        .map(m ->
                                new SetMember(m.position(), m.userId(), m.key().fingerprint()))
                        .toList(),
                ReceiptFormat.instant(set.fixedAt()));
    }

    /** The process's sealing set as the log holds it, with its proof in the current signed tree head. */
    @Transactional
    public Included sealingSet(String ocid) {
        return store.leavesAbout(Statements.SEALING_SET, ocid).stream()
                .findFirst()
                .map(this::included)
                .orElseThrow(() -> new BaobabException(TransparencyErrorCode.NO_STATEMENT, ocid));
    }

    /** Every key the member enrolled, in log order, each with its proof in the current signed tree head. */
    @Transactional
    public List<Included> keyEnrolments(UUID userId) {
        return store.leavesAbout(Statements.KEY_ENROLMENT, userId.toString()).stream()
                .map(this::included)
                .toList();
    }

    /** The journal checkpoint of entry {@code seq}, with its proof in the current signed tree head. */
    @Transactional
    public Included checkpoint(long seq) {
        return store.leavesAbout(Statements.JOURNAL_CHECKPOINT, String.valueOf(seq)).stream()
                .findFirst()
                .map(this::included)
                .orElseThrow(() -> new BaobabException(TransparencyErrorCode.NO_STATEMENT, String.valueOf(seq)));
    }

    /** A statement of the log and its leaf index. */
    public record Logged<T>(long leafIndex, T statement) {}

    /** The sealing sets of the log that name a key (by fingerprint), in log order (at most 500). */
    @Transactional(readOnly = true)
    public List<Logged<SealingSetStatement>> setsWithKey(String fingerprint) {
        return store.leavesNaming(Statements.SEALING_SET, fingerprint).stream()
                .map(l -> new Logged<>(l.index(), Statements.read(text(l)).sealingSet()))
                .filter(s ->
                        s.statement() != null && s.statement().fingerprints().contains(fingerprint))
                .map(s -> new Logged<>(s.leafIndex(), java.util.Objects.requireNonNull(s.statement())))
                .toList();
    }

    /** The keys a member enrolled, as the log holds them, in log order. */
    @Transactional(readOnly = true)
    public List<Logged<KeyEnrolment>> enrolledKeys(UUID userId) {
        return store.leavesAbout(Statements.KEY_ENROLMENT, userId.toString()).stream()
                .map(l -> new Logged<>(
                        l.index(),
                        java.util.Objects.requireNonNull(
                                Statements.read(text(l)).enrolment())))
                .toList();
    }

    /** The sealing set of a process as the log holds it, if it does. */
    @Transactional(readOnly = true)
    public Optional<SealingSetStatement> loggedSet(String ocid) {
        return store.leavesAbout(Statements.SEALING_SET, ocid).stream()
                .findFirst()
                .map(l -> Statements.read(text(l)).sealingSet());
    }

    private Included included(StoredLeaf leaf) {
        SignedTreeHead head = treeHeads.current();
        TransparencyLog.InclusionProof proof = log.inclusion(leaf.index(), head.treeSize());
        return new Included(leaf.index(), text(leaf), leaf.keyId(), leaf.signature(), head, proof.auditPath());
    }

    private long appendOnce(String kind, String subject, String json) {
        store.lockForAppend();
        Optional<StoredLeaf> existing =
                store.leavesAbout(kind, subject).stream().findFirst();
        if (existing.isPresent()) {
            if (!text(existing.get()).equals(json)) {
                throw new BaobabException(TransparencyErrorCode.STATEMENT_CONFLICT, subject);
            }
            return existing.get().index();
        }
        return append(kind, subject, json);
    }

    private long append(String kind, String subject, String json) {
        long index = store.lockForAppend();
        byte[] leaf = Statements.leaf(json);
        String signature = Base64.getEncoder().encodeToString(signingKey.sign(leaf));
        store.append(new StoredLeaf(
                index,
                kind,
                null,
                subject,
                leaf,
                MerkleTree.leafHash(leaf),
                signingKey.keyId(),
                signature,
                clock.instant()));
        return index;
    }

    private static String text(StoredLeaf leaf) {
        return new String(leaf.leaf(), StandardCharsets.UTF_8);
    }
}
