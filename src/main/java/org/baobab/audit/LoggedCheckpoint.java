// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The journal's latest signed checkpoint as the public transparency log holds it: its BJC1 leaf (the canonical JSON
 * {@code {"entryHash","format":"BJC1","keyId","seq","signature","signedAt"}}, {@code signedAt} as signed), the leaf's
 * RFC 9162 hash {@code SHA-256(0x00 || leaf)}, and where the log serves the leaf's index and inclusion proof. The log
 * appends the leaf in the transaction that signs the checkpoint; an outsider checks it against a tree head of their
 * own with {@code JournalTool} (docs/audit-journal.md).
 */
public record LoggedCheckpoint(
        long seq,
        String entryHash,
        Instant signedAt,
        String keyId,
        String signature,
        String leaf,
        String leafHash,
        String inclusionProof) {

    /** Where the transparency log serves a checkpoint's leaf index and inclusion proof in its current tree head. */
    public static final String PROOF_URL = "/api/transparency/checkpoints/";

    public static LoggedCheckpoint of(AuditJournal.SignedCheckpoint c) {
        Map<String, Object> leaf = new LinkedHashMap<>();
        leaf.put("format", "BJC1");
        leaf.put("seq", c.seq());
        leaf.put("entryHash", c.entryHash());
        leaf.put("signedAt", c.signedAt().toString());
        leaf.put("keyId", c.keyId());
        leaf.put("signature", c.signature());
        String json = CanonicalJson.write(leaf);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        byte[] prefixed = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, prefixed, 1, bytes.length);
        try {
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(prefixed));
            return new LoggedCheckpoint(
                    c.seq(), c.entryHash(), c.signedAt(), c.keyId(), c.signature(), json, hash, PROOF_URL + c.seq());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
