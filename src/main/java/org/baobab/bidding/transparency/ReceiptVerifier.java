// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.sealing.SealingException;
import org.baobab.shared.merkle.MerkleTree;
import org.jspecify.annotations.Nullable;

/**
 * Checks a receipt document as its holder (or anyone) would, trusting nothing but the platform's public key: the
 * receipt is put back in canonical form, its Ed25519 signature checked, the tree head's signature checked, and the
 * receipt's leaf hash walked up the audit path to the signed root (RFC 9162 §2.1.3.2). The browser's
 * {@code transparency.js} makes the same checks in the same order.
 */
public final class ReceiptVerifier {

    /** The checks, in the order they are made; a verdict names the first that failed. */
    public enum Check {
        /** The text is a receipt document of format BR1. */
        DOCUMENT,
        /** It names the platform key given. */
        SIGNING_KEY,
        /** The platform's signature covers the receipt exactly as it reads. */
        RECEIPT_SIGNATURE,
        /** The tree head is signed by the platform. */
        TREE_HEAD_SIGNATURE,
        /** The receipt's index lies within the signed tree. */
        TREE_SIZE,
        /** The audit path leads from the receipt to the signed root. */
        INCLUSION
    }

    /** The outcome: valid, or the first check that failed. */
    public record Verdict(@Nullable Check failed) {
        public boolean valid() {
            return failed == null;
        }
    }

    /** A signed tree head as the API gives it. */
    public record TreeHead(long treeSize, String rootHash, long timestamp, String signature) {}

    /** A receipt document once read: the receipt in canonical form and what the checks need. */
    public record ReceiptDocument(String canonicalReceipt, long logIndex, String signature, String keyId) {

        public byte[] leaf() {
            return canonicalReceipt.getBytes(StandardCharsets.UTF_8);
        }
    }

    private ReceiptVerifier() {}

    /**
     * Reads a receipt document ({@code {"keyId", "receipt", "signature"}}), whatever its white space and member order.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static ReceiptDocument read(String document) {
        Object json;
        try {
            json = CanonicalJson.read(document);
        } catch (SealingException notJson) {
            throw new IllegalArgumentException("a receipt document is JSON: " + notJson.getMessage(), notJson);
        }
        if (!(json instanceof Map<?, ?> members)) {
            throw new IllegalArgumentException("a receipt document is a JSON object");
        }
        if (!(members.get("receipt") instanceof Map<?, ?> receipt)
                || !(members.get("signature") instanceof String signature)
                || !(members.get("keyId") instanceof String keyId)) {
            throw new IllegalArgumentException("a receipt document has a receipt, a signature and a keyId");
        }
        if (!ReceiptFormat.RECEIPT.equals(receipt.get("format"))
                || !(receipt.get("logIndex") instanceof Long logIndex)
                || logIndex < 0) {
            throw new IllegalArgumentException("the receipt is not of format BR1 with a log index");
        }
        return new ReceiptDocument(CanonicalJson.write(receipt), logIndex, signature, keyId);
    }

    /** Every check, against a tree head and the audit path of the receipt's index in that tree. */
    public static Verdict verify(
            String document, PublicKey platformKey, String keyId, TreeHead head, List<String> auditPath) {
        ReceiptDocument receipt;
        try {
            receipt = read(document);
        } catch (IllegalArgumentException notAReceipt) {
            return new Verdict(Check.DOCUMENT);
        }
        if (!receipt.keyId().equals(keyId)) {
            return new Verdict(Check.SIGNING_KEY);
        }
        if (!ed25519(platformKey, receipt.leaf(), receipt.signature())) {
            return new Verdict(Check.RECEIPT_SIGNATURE);
        }
        byte[] headStatement = ReceiptFormat.treeHead(head.treeSize(), head.rootHash(), head.timestamp())
                .getBytes(StandardCharsets.UTF_8);
        if (!ed25519(platformKey, headStatement, head.signature())) {
            return new Verdict(Check.TREE_HEAD_SIGNATURE);
        }
        if (receipt.logIndex() >= head.treeSize()) {
            return new Verdict(Check.TREE_SIZE);
        }
        List<byte[]> path = new ArrayList<>();
        byte[] root;
        try {
            for (String hash : auditPath) {
                path.add(HexFormat.of().parseHex(hash));
            }
            root = HexFormat.of().parseHex(head.rootHash());
        } catch (IllegalArgumentException notHex) {
            return new Verdict(Check.INCLUSION);
        }
        boolean included = MerkleTree.verifyInclusion(
                receipt.logIndex(), head.treeSize(), MerkleTree.leafHash(receipt.leaf()), path, root);
        return new Verdict(included ? null : Check.INCLUSION);
    }

    /** An Ed25519 public key from the Base64 of its X.509 SubjectPublicKeyInfo (as the platform publishes it). */
    public static PublicKey ed25519PublicKey(String subjectPublicKeyInfoBase64) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(subjectPublicKeyInfoBase64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The id the platform gives a key: {@code hex(SHA-256(SubjectPublicKeyInfo DER))}. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether {@code signatureBase64} is an Ed25519 signature of {@code message} by {@code key}; never throws. */
    public static boolean ed25519(PublicKey key, byte[] message, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
