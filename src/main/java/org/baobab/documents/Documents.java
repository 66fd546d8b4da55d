// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baobab.documents.internal.BlobStore;
import org.baobab.documents.internal.DocumentsStore;
import org.baobab.documents.internal.Intake;
import org.baobab.documents.internal.StagedBlob;
import org.baobab.shared.BaobabException;
import org.baobab.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The document store every module uses: files are kept once, under the SHA-256 of their bytes, and never change.
 * Storing checks the size limit and what the bytes really are; reading checks that they were not altered.
 */
@Service
public class Documents {

    private final Intake intake;
    private final BlobStore blobs;
    private final DocumentsStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<DocumentUses> uses;

    Documents(
            Intake intake,
            BlobStore blobs,
            DocumentsStore store,
            ApplicationEventPublisher events,
            Clock clock,
            ObjectProvider<DocumentUses> uses) {
        this.intake = intake;
        this.blobs = blobs;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.uses = uses;
    }

    /** The roles that may read any document: control bodies and the regulator (docs/documents.md). */
    private static final List<Role> CONTROL_ROLES =
            List.of(Role.REGULATOR_AUDITOR, Role.COMPLAINTS_OFFICER, Role.CONTROLLER);

    /**
     * The document, if the reader may read it: a public one (some module's use makes it public), or one the reader
     * owns (uploaded it, or is a member of the organisation that did), or any for a control or regulator role, or one
     * a module's use grants them. Every read of a document that is not public is journalled with its grounds.
     *
     * @throws BaobabException {@code DOCUMENTS-0004} for a document unknown, sealed, or that the reader may not read:
     *     the same answer, so that the answer does not tell whether it exists
     */
    @Transactional
    public StoredDocument read(String sha256, DocumentReader reader) {
        String address = address(sha256);
        Optional<StoredDocument> document = store.document(address);
        if (document.isEmpty() || SEALED_TYPE.equals(document.get().contentType())) {
            throw new BaobabException(DocumentsErrorCode.UNKNOWN_DOCUMENT, address);
        }
        List<DocumentUses.ReadGrant> grants = uses.orderedStream()
                .map(use -> use.grant(address, reader))
                .flatMap(Optional::stream)
                .toList();
        if (grants.stream().anyMatch(DocumentUses.ReadGrant::publicDocument)) {
            return document.get();
        }
        String grounds = grounds(address, reader)
                .or(() -> grants.stream().map(DocumentUses.ReadGrant::reason).findFirst())
                .orElseThrow(() -> new BaobabException(DocumentsErrorCode.UNKNOWN_DOCUMENT, address));
        events.publishEvent(new DocumentRead(
                reader.email(),
                reader.organisations().stream()
                        .map(UUID::toString)
                        .sorted()
                        .findFirst()
                        .orElse(null),
                address,
                grounds));
        return document.get();
    }

    private Optional<String> grounds(String sha256, DocumentReader reader) {
        List<DocumentsStore.Upload> uploads = store.uploads(sha256);
        if (uploads.stream().anyMatch(u -> u.uploadedBy().equalsIgnoreCase(reader.email()))) {
            return Optional.of("owner:uploader");
        }
        if (uploads.stream()
                .anyMatch(u -> reader.organisations().stream()
                        .anyMatch(o -> o.toString().equals(u.organisation())))) {
            return Optional.of("owner:organisation");
        }
        return CONTROL_ROLES.stream()
                .filter(reader.roles()::contains)
                .findFirst()
                .map(role -> "role:" + role.name());
    }

    /**
     * Stores the content read from the stream (the caller closes it) and journals the upload.
     *
     * @param fileName the name the file came with; only its last path segment is kept
     * @param declaredType the content type the sender claimed, if any; it must agree with the bytes
     * @param actor who uploads (an e-mail, or {@code system})
     * @param organisation the organisation the actor acts for, if any
     * @throws BaobabException {@code DOCUMENTS-0001} too large, {@code -0002} type not accepted, {@code -0003} the
     *     bytes are not what the name or declared type says
     */
    @Transactional
    public StoredDocument store(
            InputStream content,
            String fileName,
            @Nullable String declaredType,
            String actor,
            @Nullable String organisation) {
        String name = Intake.cleanName(fileName);
        Intake.Accepted accepted = intake.accept(content, name, declaredType);
        String sha256 = accepted.blob().sha256();
        long size = accepted.blob().size();
        Instant now = clock.instant();
        try {
            blobs.put(accepted.blob());
        } finally {
            blobs.discard(accepted.blob());
        }
        String contentType = store.insertBlobIfAbsent(sha256, size, accepted.contentType(), now);
        store.insertUpload(UUID.randomUUID(), sha256, name, actor, organisation, now);
        events.publishEvent(new DocumentStored(actor, organisation, sha256, name, contentType, size));
        return new StoredDocument(sha256, size, contentType, name, now);
    }

    /** The type of a sealed bid envelope's ciphertext: opaque, never served by {@code /documents}. */
    public static final String SEALED_TYPE = "application/vnd.baobab.sealed-envelope";

    /**
     * Stores a sealed bid envelope's ciphertext (format BSE1, docs/sealing-format.md), which must have exactly the
     * size and SHA-256 the bidder announced; the caller closes the stream.
     *
     * @param maxBytes the largest envelope accepted
     * @param ocid the process the envelope is for: who uploaded it stays sealed in the journal until its opening
     * @throws BaobabException {@code DOCUMENTS-0001} too large, {@code -0007} not the bytes announced
     */
    @Transactional
    public StoredDocument storeSealed(
            InputStream content,
            long maxBytes,
            long size,
            String sha256,
            String actor,
            @Nullable String organisation,
            String ocid) {
        StagedBlob staged = intake.acceptSealed(content, maxBytes, size, address(sha256));
        Instant now = clock.instant();
        try {
            blobs.put(staged);
        } finally {
            blobs.discard(staged);
        }
        String name = "envelope-" + sha256.substring(0, 12) + ".bse1";
        store.insertBlobIfAbsent(sha256, size, SEALED_TYPE, now);
        store.insertUpload(UUID.randomUUID(), sha256, name, actor, organisation, now);
        events.publishEvent(new DocumentStored(actor, organisation, sha256, name, SEALED_TYPE, size, ocid));
        return new StoredDocument(sha256, size, SEALED_TYPE, name, now);
    }

    /** The document's size, type, first name and storage time. */
    @Transactional(readOnly = true)
    public StoredDocument metadata(String sha256) {
        String address = address(sha256);
        return store.document(address)
                .orElseThrow(() -> new BaobabException(DocumentsErrorCode.UNKNOWN_DOCUMENT, address));
    }

    /**
     * The document's bytes; the caller closes the stream. Reading to the end throws {@code DOCUMENTS-0006} if the
     * stored bytes were altered.
     */
    public InputStream open(String sha256) {
        return blobs.open(metadata(sha256).sha256());
    }

    /**
     * Removes a sealed envelope's ciphertext that no bid uses (an upload never submitted, once its process's deadline
     * has passed): its records now, its bytes once the transaction commits. Nothing but a sealed envelope is ever
     * removed, and the caller (the bidding module) makes sure that no envelope and no other upload refers to it.
     *
     * @return whether there was such a document
     */
    @Transactional
    public boolean discardSealed(String sha256) {
        String address = address(sha256);
        if (!store.deleteBlob(address, SEALED_TYPE)) {
            return false;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    blobs.delete(address);
                }
            });
        } else {
            blobs.delete(address);
        }
        return true;
    }

    private static String address(String sha256) {
        if (!BlobStore.ADDRESS.matcher(sha256).matches()) {
            throw new BaobabException(
                    DocumentsErrorCode.BAD_ADDRESS, sha256.length() > 80 ? sha256.substring(0, 80) : sha256);
        }
        return sha256;
    }
}
