// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.baobab.bidding.internal.LogStore;
import org.baobab.bidding.internal.LogStore.StoredLeaf;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.transparency.ReceiptFormat;
import org.baobab.shared.BaobabException;
import org.baobab.shared.merkle.MerkleTree;
import org.baobab.shared.signing.PlatformSigningKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues bid receipts: each is appended to the transparency log as a leaf, carries its index in the log, and is signed
 * by the platform (Ed25519), so that a bidder can prove what it submitted and when, and anyone can check that the
 * platform did not drop or rewrite it later (docs/sealing-format.md, "Receipts and transparency log").
 */
@Service
public class Receipts {

    static final Set<String> KINDS = Set.of("single", "technical", "financial");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final LogStore store;
    private final PlatformSigningKey signingKey;
    private final Clock clock;

    Receipts(LogStore store, PlatformSigningKey signingKey, Clock clock) {
        this.store = store;
        this.signingKey = signingKey;
        this.clock = clock;
    }

    /**
     * Takes the log's lock for the rest of the caller's transaction (other appends wait for it) and reads the instant
     * of receipt under it. A receipt issued with that instant in the same transaction is appended after every receipt
     * committed before the lock was taken, each issued with an instant read under the lock too: the log's order is the
     * order of the instants (as long as the clock does not go back), and a submission that waited for the lock past
     * its deadline sees an instant past the deadline. The instant is truncated to the microsecond, as receipts write it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Instant lockForReceipt() {
        store.lockForAppend();
        // to the microsecond, as the receipt writes it and PostgreSQL keeps it
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Appends the receipt to the log and signs it, in the caller's transaction (the submission's), so that the
     * envelope and its receipt commit or roll back together; appends are serialised, so log indexes have no gaps.
     * Issuing again for the same envelope returns the receipt it already has.
     *
     * @throws BaobabException {@link TransparencyErrorCode#INVALID_RECEIPT} for an incomplete draft, {@link
     *     TransparencyErrorCode#RECEIPT_CONFLICT} if the envelope's receipt says something else
     */
    @Transactional
    public Receipt issue(ReceiptDraft draft) {
        validate(draft);
        long index = store.lockForAppend();
        Optional<StoredLeaf> existing = store.leafOfEnvelope(draft.envelopeId());
        if (existing.isPresent()) {
            Receipt receipt = receipt(existing.get());
            if (!receipt.content().equals(draft)) {
                throw new BaobabException(TransparencyErrorCode.RECEIPT_CONFLICT, draft.envelopeId());
            }
            return receipt;
        }
        Map<String, Object> content = ReceiptFormat.receipt(
                draft.ocid(),
                draft.lots(),
                draft.supplierId().toString(),
                draft.supplierName(),
                draft.envelopeId().toString(),
                draft.envelopeHash(),
                draft.kind(),
                draft.receivedAt(),
                index);
        String json = CanonicalJson.write(content);
        byte[] leaf = json.getBytes(StandardCharsets.UTF_8);
        String signature = Base64.getEncoder().encodeToString(signingKey.sign(leaf));
        Instant now = clock.instant();
        store.append(new StoredLeaf(
                index,
                ReceiptFormat.RECEIPT,
                draft.envelopeId(),
                null,
                leaf,
                MerkleTree.leafHash(leaf),
                signingKey.keyId(),
                signature,
                now));
        return new Receipt(draft, index, json, signature, signingKey.keyId());
    }

    /** The receipt of an envelope, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Receipt> ofEnvelope(UUID envelopeId) {
        return store.leafOfEnvelope(envelopeId).map(Receipts::receipt);
    }

    private static Receipt receipt(StoredLeaf leaf) {
        String json = new String(leaf.leaf(), StandardCharsets.UTF_8);
        Map<?, ?> content = (Map<?, ?>) CanonicalJson.read(json);
        Map<?, ?> supplier = (Map<?, ?>) content.get("supplier");
        ReceiptDraft draft = new ReceiptDraft(
                (String) content.get("ocid"),
                ((List<?>) content.get("lots")).stream().map(String.class::cast).toList(),
                UUID.fromString((String) supplier.get("id")),
                (String) supplier.get("name"),
                UUID.fromString((String) content.get("envelope")),
                (String) content.get("envelopeHash"),
                (String) content.get("kind"),
                Instant.parse((String) content.get("receivedAt")));
        return new Receipt(draft, leaf.index(), json, leaf.signature(), leaf.keyId());
    }

    private static void validate(ReceiptDraft draft) {
        if (draft.ocid().isBlank()) {
            throw new BaobabException(TransparencyErrorCode.INVALID_RECEIPT, "ocid");
        }
        if (draft.lots().isEmpty() || draft.lots().stream().anyMatch(String::isBlank)) {
            throw new BaobabException(TransparencyErrorCode.INVALID_RECEIPT, "lots");
        }
        if (draft.supplierName().isBlank()) {
            throw new BaobabException(TransparencyErrorCode.INVALID_RECEIPT, "supplierName");
        }
        if (!SHA256_HEX.matcher(draft.envelopeHash()).matches()) {
            throw new BaobabException(TransparencyErrorCode.INVALID_RECEIPT, "envelopeHash");
        }
        if (!KINDS.contains(draft.kind())) {
            throw new BaobabException(TransparencyErrorCode.INVALID_RECEIPT, "kind");
        }
    }
}
