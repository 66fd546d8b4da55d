// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.baobab.audit.ChainVerification.BrokenLink;
import org.baobab.audit.internal.ChainHash;
import org.baobab.audit.internal.JournalStore;
import org.baobab.audit.internal.JournalStore.Checkpoint;
import org.baobab.shared.signing.PlatformSigningKey;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules and auditors ask of the journal: its entries, signed checkpoints of its head, and a full
 * re-verification of the chain.
 */
@Service
public class AuditJournal {

    private final JournalStore store;
    private final PlatformSigningKey signingKey;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuditJournal(JournalStore store, PlatformSigningKey signingKey, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.signingKey = signingKey;
        this.events = events;
        this.clock = clock;
    }

    /** The latest entries, newest first, optionally filtered; {@code beforeSeq} pages back. */
    @Transactional(readOnly = true)
    public List<AuditEntry> entries(
            @Nullable String action,
            @Nullable String subjectType,
            @Nullable String subjectId,
            @Nullable Long beforeSeq,
            int limit) {
        return store.latest(action, subjectType, subjectId, beforeSeq, Math.max(1, Math.min(limit, 500)));
    }

    /** A signed checkpoint of a journal's head. */
    public record SignedCheckpoint(long seq, String entryHash, Instant signedAt, String keyId, String signature) {

        /** The exact bytes that were signed: canonical JSON of seq, entryHash, signedAt and keyId. */
        public byte[] signedBytes() {
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("seq", seq);
            statement.put("entryHash", entryHash);
            statement.put("signedAt", signedAt.toString());
            statement.put("keyId", keyId);
            return CanonicalJson.write(statement).getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Signs the current head, if the chain grew since the last checkpoint (run by the {@code audit-checkpoint} job
     * every minute and once at shutdown), and publishes {@link CheckpointSigned} in the same transaction. "Grew" is
     * judged against the highest entry any checkpoint names, not the latest checkpoint stored, so that a checkpoint
     * committed meanwhile by another node over an older head does not make it sign the same head twice.
     */
    @Transactional
    public Optional<SignedCheckpoint> checkpoint() {
        Optional<JournalStore.Head> head = store.head();
        if (head.isEmpty() || store.highestCheckpointedSeq() >= head.get().seq()) {
            return Optional.empty();
        }
        Instant now = ChainHash.precision(clock.instant());
        SignedCheckpoint unsigned =
                new SignedCheckpoint(head.get().seq(), head.get().hash(), now, signingKey.keyId(), "");
        String signature = Base64.getEncoder().encodeToString(signingKey.sign(unsigned.signedBytes()));
        store.insertCheckpoint(unsigned.seq(), unsigned.entryHash(), now, unsigned.keyId(), signature);
        SignedCheckpoint signed =
                new SignedCheckpoint(unsigned.seq(), unsigned.entryHash(), now, unsigned.keyId(), signature);
        events.publishEvent(new CheckpointSigned(signed));
        return Optional.of(signed);
    }

    /** Published checkpoints, newest first. */
    @Transactional(readOnly = true)
    public List<SignedCheckpoint> checkpoints(@Nullable Long beforeId, int limit) {
        return store.checkpoints(beforeId, Math.max(1, Math.min(limit, 500))).stream()
                .map(AuditJournal::signed)
                .toList();
    }

    /**
     * The whole journal as JSON Lines, for an offline verifier ({@code org.baobab.audit.cli.JournalTool}): every entry
     * in chain order ({@code {"type":"entry", …}}, the members of {@link AuditEntry}, the payload as the exact text that
     * was hashed), then every checkpoint ({@code {"type":"checkpoint", …}}, the members of {@link SignedCheckpoint}).
     * One snapshot (repeatable read), so a checkpoint signed meanwhile cannot name an entry the export lacks. Streams.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void export(Writer out, UnaryOperator<AuditEntry> disclosure) {
        try (Stream<AuditEntry> entries = store.streamAll()) {
            for (AuditEntry stored : (Iterable<AuditEntry>) entries::iterator) {
                AuditEntry e = disclosure.apply(stored);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("type", "entry");
                if (e.sealed()) {
                    line.put("sealed", true);
                }
                line.put("seq", e.seq());
                line.put("occurredAt", e.occurredAt().toString());
                line.put("actor", e.actor());
                line.put("organisation", e.organisation());
                line.put("action", e.action());
                line.put("subjectType", e.subjectType());
                line.put("subjectId", e.subjectId());
                line.put("legalReason", e.legalReason());
                line.put("payload", e.payload());
                line.put("previousHash", e.previousHash());
                line.put("entryHash", e.entryHash());
                out.write(CanonicalJson.write(line));
                out.write('\n');
            }
            for (Checkpoint c : store.allCheckpoints()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("type", "checkpoint");
                line.put("seq", c.seq());
                line.put("entryHash", c.entryHash());
                line.put("signedAt", c.signedAt().toString());
                line.put("keyId", c.keyId());
                line.put("signature", c.signature());
                out.write(CanonicalJson.write(line));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SignedCheckpoint signed(Checkpoint c) {
        return new SignedCheckpoint(c.seq(), c.entryHash(), c.signedAt(), c.keyId(), c.signature());
    }

    /**
     * Re-walks the whole chain: every entry's hash against its content, every link against the entry before, the
     * sequence without gaps, and every checkpoint's signature and hash. Streams the journal, so its size does not
     * matter for memory.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        Map<Long, List<Checkpoint>> checkpoints = new HashMap<>();
        store.allCheckpoints()
                .forEach(c -> checkpoints
                        .computeIfAbsent(c.seq(), s -> new java.util.ArrayList<>())
                        .add(c));
        long checked = 0;
        long checkpointsChecked = 0;
        String previous = ChainHash.GENESIS;
        long expectedSeq = 1;
        BrokenLink broken = null;
        try (Stream<AuditEntry> entries = store.streamAll()) {
            for (AuditEntry e : (Iterable<AuditEntry>) entries::iterator) {
                if (e.seq() != expectedSeq) {
                    broken = new BrokenLink(expectedSeq, "entry missing: the sequence jumps to " + e.seq());
                    break;
                }
                if (!e.previousHash().equals(previous)) {
                    broken = new BrokenLink(e.seq(), "previous hash does not match the entry before");
                    break;
                }
                if (!ChainHash.matches(e)) {
                    broken = new BrokenLink(e.seq(), "entry hash does not match its content");
                    break;
                }
                for (Checkpoint c : checkpoints.getOrDefault(e.seq(), List.of())) {
                    checkpointsChecked++;
                    String problem = checkpointProblem(c, e.entryHash());
                    if (problem != null) {
                        broken = new BrokenLink(e.seq(), problem);
                        break;
                    }
                }
                if (broken != null) {
                    break;
                }
                previous = e.entryHash();
                expectedSeq++;
                checked++;
            }
        }
        if (broken == null) {
            long lastSeq = expectedSeq - 1;
            Optional<Checkpoint> beyond = checkpoints.values().stream()
                    .flatMap(List::stream)
                    .filter(c -> c.seq() > lastSeq)
                    .findFirst();
            if (beyond.isPresent()) {
                broken = new BrokenLink(
                        beyond.get().seq(), "a signed checkpoint names an entry that is no longer in the journal");
            }
        }
        LoggedCheckpoint latest = checkpoints.values().stream()
                .flatMap(List::stream)
                .max(java.util.Comparator.comparingLong(Checkpoint::seq).thenComparingLong(Checkpoint::id))
                .map(c -> LoggedCheckpoint.of(signed(c)))
                .orElse(null);
        return new ChainVerification(
                broken == null,
                checked,
                checkpointsChecked,
                broken,
                expectedSeq - 1,
                previous,
                clock.instant(),
                latest);
    }

    private @Nullable String checkpointProblem(Checkpoint c, String entryHash) {
        if (!c.entryHash().equals(entryHash)) {
            return "signed checkpoint " + c.id() + " does not match the entry";
        }
        if (!c.keyId().equals(signingKey.keyId())) {
            return "signed checkpoint " + c.id() + " is signed by an unknown key " + c.keyId();
        }
        SignedCheckpoint signed = signed(c);
        boolean valid;
        try {
            valid = signingKey.verify(signed.signedBytes(), Base64.getDecoder().decode(c.signature()));
        } catch (IllegalArgumentException notBase64) {
            valid = false;
        }
        return valid ? null : "signed checkpoint " + c.id() + " has an invalid signature";
    }
}
