// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the server stores beside a sealed envelope's ciphertext: its context, the ciphertext's size and SHA-256, the
 * nonce prefix, one encrypted share per committee member and the threshold. Its canonical JSON is what the receipt's
 * {@link #envelopeHash()} covers; {@link #fromJson(String)} accepts only that canonical form, so the bytes received are
 * the bytes hashed.
 *
 * @param context where the envelope belongs
 * @param ciphertextSize the ciphertext's length in bytes
 * @param ciphertextSha256 hex SHA-256 of the ciphertext
 * @param noncePrefix the 7 bytes every chunk nonce starts with
 * @param shares one per committee member, ordered by position (1 to n)
 * @param threshold how many shares rebuild the data key (2 to n)
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out; equals compares the canonical bytes
public record Manifest(
        EnvelopeContext context,
        long ciphertextSize,
        String ciphertextSha256,
        byte[] noncePrefix,
        List<EncryptedShare> shares,
        int threshold) {

    /** The format's name, in the manifest and in the context. */
    public static final String FORMAT = "BSE1";

    /** Plaintext bytes per chunk; fixed in BSE1. */
    public static final int CHUNK_SIZE = 65_536;

    /** Ciphertext bytes of a full chunk (plaintext and tag). */
    public static final int CIPHER_CHUNK_SIZE = CHUNK_SIZE + Gcm.TAG_LENGTH;

    static final int NONCE_PREFIX_LENGTH = 7;

    public Manifest {
        Bytes.requireSha256Hex(ciphertextSha256, "Manifest: ciphertextSha256");
        if (noncePrefix.length != NONCE_PREFIX_LENGTH) {
            throw new SealingException("Manifest: the nonce prefix must be 7 bytes, not " + noncePrefix.length);
        }
        if (ciphertextSize < Gcm.TAG_LENGTH + 1 || ciphertextSize > CanonicalJson.MAX_INTEGER) {
            throw new SealingException("Manifest: impossible ciphertext size " + ciphertextSize);
        }
        long remainder = ciphertextSize % CIPHER_CHUNK_SIZE;
        if (remainder > 0 && remainder <= Gcm.TAG_LENGTH) {
            throw new SealingException("Manifest: impossible ciphertext size " + ciphertextSize
                    + " (the last chunk would hold no plaintext)");
        }
        if (shares.size() < 2 || shares.size() > Shamir.MAX_SHARES) {
            throw new SealingException("Manifest: a committee has 2 to 255 members, not " + shares.size());
        }
        for (int i = 0; i < shares.size(); i++) {
            if (shares.get(i).member() != i + 1) {
                throw new SealingException("Manifest: the shares must be ordered by member, 1 to " + shares.size()
                        + " (found member " + shares.get(i).member() + " at position " + (i + 1) + ")");
            }
        }
        if (new HashSet<>(shares.stream().map(EncryptedShare::fingerprint).toList()).size() != shares.size()) {
            throw new SealingException("Manifest: two shares go to the same key");
        }
        if (threshold < 2 || threshold > shares.size()) {
            throw new SealingException(
                    "Manifest: the threshold must be between 2 and " + shares.size() + ", not " + threshold);
        }
        noncePrefix = noncePrefix.clone();
        shares = List.copyOf(shares);
    }

    @Override
    public byte[] noncePrefix() {
        return noncePrefix.clone();
    }

    /** Always {@link #CHUNK_SIZE} in BSE1. */
    public int chunkSize() {
        return CHUNK_SIZE;
    }

    /** The number of committee members (and of shares). */
    public int committeeSize() {
        return shares.size();
    }

    /** The number of chunks the ciphertext holds. */
    public long chunkCount() {
        return (ciphertextSize + CIPHER_CHUNK_SIZE - 1) / CIPHER_CHUNK_SIZE;
    }

    /** The plaintext's length: the ciphertext's minus one tag per chunk. */
    public long plaintextSize() {
        return ciphertextSize - chunkCount() * Gcm.TAG_LENGTH;
    }

    /** The share of the member at this position (1 to n). */
    public EncryptedShare share(int member) {
        if (member < 1 || member > shares.size()) {
            throw new SealingException("The committee has members 1 to " + shares.size() + ", not " + member);
        }
        return shares.get(member - 1);
    }

    /** The committee's fingerprints, in order: what the server compares with the process's committee. */
    public List<String> fingerprints() {
        List<String> fingerprints = new ArrayList<>();
        for (EncryptedShare share : shares) {
            fingerprints.add(share.fingerprint());
        }
        return fingerprints;
    }

    /** The manifest's canonical JSON. */
    public String toJson() {
        return CanonicalJson.write(toJsonObject());
    }

    /** The manifest's canonical JSON in UTF-8: the bytes {@link #envelopeHash()} hashes. */
    public byte[] canonicalBytes() {
        return CanonicalJson.utf8(toJsonObject());
    }

    /** {@code hex(SHA-256(canonical manifest))}: what the bidder's receipt names. */
    public String envelopeHash() {
        return Bytes.hex(Bytes.sha256(canonicalBytes()));
    }

    Map<String, @Nullable Object> toJsonObject() {
        List<Object> shareObjects = new ArrayList<>();
        for (EncryptedShare share : shares) {
            shareObjects.add(share.toJsonObject());
        }
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        object.put("chunkSize", CHUNK_SIZE);
        object.put("ciphertextSha256", ciphertextSha256);
        object.put("ciphertextSize", ciphertextSize);
        object.put("context", context.toJsonObject());
        object.put("format", FORMAT);
        object.put("noncePrefix", Bytes.b64(noncePrefix));
        object.put("shares", shareObjects);
        object.put("threshold", threshold);
        return object;
    }

    /**
     * Reads a manifest, refusing anything that is not a BSE1 manifest in canonical JSON.
     *
     * @throws SealingException saying what is wrong with it
     */
    public static Manifest fromJson(String json) {
        Fields manifest = Fields.of(CanonicalJson.read(json), "The manifest")
                .exactly(
                        "chunkSize",
                        "ciphertextSha256",
                        "ciphertextSize",
                        "context",
                        "format",
                        "noncePrefix",
                        "shares",
                        "threshold");
        if (!FORMAT.equals(manifest.string("format"))) {
            throw new SealingException("Manifest: the format is \"" + manifest.string("format") + "\", not BSE1");
        }
        if (manifest.integer("chunkSize") != CHUNK_SIZE) {
            throw new SealingException(
                    "Manifest: the chunk size is " + manifest.integer("chunkSize") + ", BSE1 has 65536");
        }
        List<EncryptedShare> shares = new ArrayList<>();
        for (Object share : manifest.list("shares")) {
            shares.add(EncryptedShare.fromJsonObject(share));
        }
        Manifest parsed = new Manifest(
                EnvelopeContext.fromJsonObject(manifest.raw("context")),
                manifest.integer("ciphertextSize"),
                manifest.string("ciphertextSha256"),
                manifest.b64("noncePrefix", NONCE_PREFIX_LENGTH),
                shares,
                manifest.integer("threshold", 2, Shamir.MAX_SHARES));
        if (!parsed.toJson().equals(json)) {
            throw new SealingException("Manifest: not in canonical JSON (sorted keys, no white space, JSON.stringify"
                    + " escapes), so its envelope hash would be ambiguous");
        }
        return parsed;
    }

    /** Reads a manifest from UTF-8 bytes. */
    public static Manifest fromJson(byte[] utf8) {
        return fromJson(CanonicalJson.decodeUtf8(utf8));
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Manifest manifest && Arrays.equals(canonicalBytes(), manifest.canonicalBytes());
    }

    @Override
    public int hashCode() {
        return Objects.hash(ciphertextSha256, ciphertextSize);
    }

    @Override
    public String toString() {
        return "Manifest[" + context.envelope() + ", " + ciphertextSize + " bytes, " + threshold + " of "
                + shares.size() + "]";
    }
}
