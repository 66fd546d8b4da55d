// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.baobab.bidding.internal.BiddingProperties;
import org.baobab.bidding.internal.UploadStore;
import org.baobab.documents.Documents;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Resumable uploads of sealed envelopes, for bidders on slow or broken connections. The bidder announces the
 * ciphertext's size and SHA-256, then sends it in pieces, each at the offset the server has reached; after a cut it
 * asks where the server stands and goes on from there. Bytes wait in a file of their own (never in the database); the
 * upload completes when the last byte arrives, and only if the whole is exactly what was announced does it go to the
 * document store. An upload is not a bid and anyone may abandon it: unfinished uploads untouched for a day are
 * deleted, and completed ones never submitted once the process's deadline has passed. Only members of a supplier company who may prepare bids upload, for a notice still open for bids, and see
 * only their company's uploads.
 */
@Service
public class EnvelopeUploads {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeUploads.class);

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The piece size the pages use; the server takes any piece size. */
    public static final int RECOMMENDED_PIECE = 1 << 20;

    private final UploadStore store;
    private final Notices notices;
    private final Documents documents;
    private final BiddingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EnvelopeUploads(
            UploadStore store,
            Notices notices,
            Documents documents,
            BiddingProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.events = events;
        this.notices = notices;
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
    }

    /** Announces an envelope's ciphertext for a notice open for bids. */
    @Transactional
    public EnvelopeUpload start(CurrentUser actor, String ocid, long size, String sha256) {
        CurrentUser.Membership company = bidder(actor);
        openForBids(ocid);
        if (size <= 0) {
            throw new BaobabException(BiddingErrorCode.INVALID_VALUE, "size");
        }
        long max = properties.maxEnvelopeSize().toBytes();
        if (size > max) {
            throw new BaobabException(BiddingErrorCode.ENVELOPE_TOO_LARGE, Math.round(max / 1048576.0));
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new BaobabException(BiddingErrorCode.INVALID_VALUE, "sha256");
        }
        Instant now = clock.instant();
        EnvelopeUpload upload = new EnvelopeUpload(
                UUID.randomUUID(), company.organisationId(), actor.id(), ocid, size, sha256, 0, now, now, null, null);
        try {
            Files.createDirectories(properties.uploadsDirectory());
            Files.deleteIfExists(staged(upload.id()));
            Files.createFile(staged(upload.id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.insert(upload);
        return upload;
    }

    /** Where an upload of the actor's company stands. */
    @Transactional(readOnly = true)
    public EnvelopeUpload status(CurrentUser actor, UUID id) {
        return store.find(id, bidder(actor).organisationId(), false)
                .orElseThrow(() -> new BaobabException(BiddingErrorCode.UNKNOWN_UPLOAD));
    }

    /**
     * Appends a piece at {@code offset}, which must be where the server stands (else {@code BIDDING-0004} says where
     * it does, so the client resumes from there). Completes the upload with the last byte.
     */
    @Transactional(noRollbackFor = BaobabException.class)
    public EnvelopeUpload append(CurrentUser actor, UUID id, long offset, InputStream piece) {
        CurrentUser.Membership company = bidder(actor);
        EnvelopeUpload upload = store.find(id, company.organisationId(), true)
                .orElseThrow(() -> new BaobabException(BiddingErrorCode.UNKNOWN_UPLOAD));
        if (upload.complete()) {
            throw new BaobabException(BiddingErrorCode.UPLOAD_COMPLETE);
        }
        if (offset != upload.received()) {
            throw new BaobabException(BiddingErrorCode.OFFSET_MISMATCH, offset, upload.received());
        }
        openForBids(upload.ocid());
        long received = write(upload, piece);
        Instant now = clock.instant();
        store.received(id, received, now);
        if (received < upload.size()) {
            return status(upload, received, now, null);
        }
        if (!sha256(staged(id)).equals(upload.sha256())) {
            // not what was announced: start again from nothing rather than keep bytes that cannot become an envelope
            // (committed: the transaction does not roll back on this refusal)
            store.received(id, 0, now);
            truncate(id, 0);
            throw new BaobabException(BiddingErrorCode.NOT_AS_ANNOUNCED, upload.size(), upload.sha256());
        }
        String document;
        try (InputStream whole = Files.newInputStream(staged(id))) {
            document = documents
                    .storeSealed(
                            whole,
                            properties.maxEnvelopeSize().toBytes(),
                            upload.size(),
                            upload.sha256(),
                            actor.email(),
                            company.organisationId().toString(),
                            upload.ocid())
                    .sha256();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.completed(id, document, now);
        afterCommit(() -> delete(id));
        return status(upload, received, now, document);
    }

    /** Deletes unfinished uploads untouched for the retention period; returns how many. */
    @Transactional
    public int purgeUnfinished() {
        List<UUID> gone = store.deleteUnfinished(clock.instant().minus(properties.unfinishedRetention()));
        gone.forEach(this::delete);
        return gone.size();
    }

    /**
     * Deletes the completed uploads that were never submitted once their process's deadline has passed (nothing can be
     * submitted from them any more), with their ciphertext in the document store unless an envelope or another upload
     * has the same bytes; each process's purge is journalled ({@code bidding.uploads-purged}). An upload that became
     * an envelope is never touched, nor one a submission under way holds. Returns how many uploads were deleted.
     */
    @Transactional
    public int purgeUnsubmitted() {
        Instant now = clock.instant();
        Map<String, List<UploadStore.Unsubmitted>> byProcess = new LinkedHashMap<>();
        for (UploadStore.Unsubmitted u : store.completedUnsubmittedForUpdate()) {
            byProcess.computeIfAbsent(u.ocid(), o -> new ArrayList<>()).add(u);
        }
        int purged = 0;
        for (Map.Entry<String, List<UploadStore.Unsubmitted>> process : byProcess.entrySet()) {
            Instant deadline = notices.notice(process.getKey())
                    .map(p -> p.notice().submissionDeadline())
                    .orElse(null);
            if (deadline == null || now.isBefore(deadline)) {
                continue;
            }
            List<UUID> ids =
                    process.getValue().stream().map(UploadStore.Unsubmitted::id).toList();
            store.delete(ids);
            List<String> unused = store.unreferenced(process.getValue().stream()
                    .map(UploadStore.Unsubmitted::document)
                    .toList());
            unused.forEach(documents::discardSealed);
            events.publishEvent(new BiddingEvents.UploadsPurged(process.getKey(), ids, unused));
            log.info(
                    "Purged {} upload(s) never submitted for {} (deadline {}), {} ciphertext(s) removed",
                    ids.size(),
                    process.getKey(),
                    deadline,
                    unused.size());
            purged += ids.size();
        }
        return purged;
    }

    /**
     * Writes the piece after the bytes already counted, first cutting off anything a failed earlier request may have
     * written past them; refuses more bytes than announced. Returns the new count, the bytes forced to disk.
     */
    private long write(EnvelopeUpload upload, InputStream piece) {
        try (FileChannel file = FileChannel.open(staged(upload.id()), StandardOpenOption.WRITE)) {
            file.truncate(upload.received());
            file.position(upload.received());
            long count = upload.received();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = piece.read(buffer)) > 0) {
                count += n;
                if (count > upload.size()) {
                    file.truncate(upload.received());
                    throw new BaobabException(BiddingErrorCode.UPLOAD_OVERFLOW);
                }
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) {
                    file.write(bytes);
                }
            }
            file.force(false);
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private void truncate(UUID id, long size) {
        try (FileChannel file = FileChannel.open(staged(id), StandardOpenOption.WRITE)) {
            file.truncate(size);
        } catch (IOException e) {
            log.warn("Could not reset upload {}: {}", id, e.getMessage());
        }
    }

    private void delete(UUID id) {
        try {
            Files.deleteIfExists(staged(id));
        } catch (IOException e) {
            log.warn("Could not delete the staged upload {}: {}", id, e.getMessage());
        }
    }

    private Path staged(UUID id) {
        return properties.uploadsDirectory().resolve(id + ".part");
    }

    private static EnvelopeUpload status(
            EnvelopeUpload u, long received, Instant at, @org.jspecify.annotations.Nullable String document) {
        return new EnvelopeUpload(
                u.id(),
                u.organisationId(),
                u.userId(),
                u.ocid(),
                u.size(),
                u.sha256(),
                received,
                u.createdAt(),
                at,
                document == null ? null : at,
                document);
    }

    private void openForBids(String ocid) {
        ProcessView notice = notices.notice(ocid).orElse(null);
        if (notice == null || !notice.openForBids(clock.instant())) {
            throw new BaobabException(BiddingErrorCode.NOT_OPEN_FOR_BIDS, ocid);
        }
    }

    /** The supplier company the actor prepares bids for. */
    static CurrentUser.Membership bidder(CurrentUser actor) {
        return actor
                .organisationsWith(OrganisationKind.SUPPLIER, Role.SUPPLIER_ADMIN, Role.SIGNATORY, Role.BID_PREPARER)
                .stream()
                .findFirst()
                .orElseThrow(() -> new BaobabException(BiddingErrorCode.NOT_A_BIDDER));
    }
}
