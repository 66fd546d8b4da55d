// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One committee member's share of an envelope's data key, encrypted to that member's key ({@code enc_j} in
 * docs/sealing-format.md).
 *
 * @param member the member's position, 1 to n
 * @param fingerprint the fingerprint of the member's public key
 * @param ephemeralPublicKey the sealer's ephemeral point {@code E_j} (65 bytes)
 * @param nonce the AES-GCM nonce (12 bytes)
 * @param ciphertext the encrypted 33-byte share and its tag (49 bytes)
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out; equals, hashCode and toString compare contents
public record EncryptedShare(
        int member, String fingerprint, byte[] ephemeralPublicKey, byte[] nonce, byte[] ciphertext) {

    static final int SHARE_LENGTH = 33;

    public EncryptedShare {
        if (member < 1 || member > Shamir.MAX_SHARES) {
            throw new SealingException("Share: the member position must be between 1 and 255, not " + member);
        }
        Bytes.requireSha256Hex(fingerprint, "Share " + member + ": the fingerprint");
        Points.decode(ephemeralPublicKey);
        if (nonce.length != Gcm.NONCE_LENGTH) {
            throw new SealingException("Share " + member + ": the nonce must be 12 bytes");
        }
        if (ciphertext.length != SHARE_LENGTH + Gcm.TAG_LENGTH) {
            throw new SealingException("Share " + member + ": the encrypted share must be 49 bytes");
        }
        ephemeralPublicKey = ephemeralPublicKey.clone();
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ephemeralPublicKey() {
        return ephemeralPublicKey.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    Map<String, @Nullable Object> toJsonObject() {
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        object.put("ciphertext", Bytes.b64(ciphertext));
        object.put("ephemeralPublicKey", Bytes.b64(ephemeralPublicKey));
        object.put("fingerprint", fingerprint);
        object.put("member", member);
        object.put("nonce", Bytes.b64(nonce));
        return object;
    }

    static EncryptedShare fromJsonObject(@Nullable Object value) {
        Fields share = Fields.of(value, "A share")
                .exactly("ciphertext", "ephemeralPublicKey", "fingerprint", "member", "nonce");
        return new EncryptedShare(
                share.integer("member", 1, Shamir.MAX_SHARES),
                share.string("fingerprint"),
                share.b64("ephemeralPublicKey", Points.POINT_LENGTH),
                share.b64("nonce", Gcm.NONCE_LENGTH),
                share.b64("ciphertext", SHARE_LENGTH + Gcm.TAG_LENGTH));
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof EncryptedShare share
                && member == share.member
                && fingerprint.equals(share.fingerprint)
                && MessageDigest.isEqual(ephemeralPublicKey, share.ephemeralPublicKey)
                && MessageDigest.isEqual(nonce, share.nonce)
                && MessageDigest.isEqual(ciphertext, share.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                member,
                fingerprint,
                Arrays.hashCode(ephemeralPublicKey),
                Arrays.hashCode(nonce),
                Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "EncryptedShare[member=" + member + ", fingerprint=" + fingerprint + "]";
    }
}
