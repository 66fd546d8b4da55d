// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

/** HKDF with HMAC-SHA256 (RFC 5869): the format derives every key-encryption key with it. */
public final class Hkdf {

    private static final int HASH_LENGTH = 32;

    private Hkdf() {}

    /** Extract then expand: {@code length} bytes of output keying material. */
    public static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        return expand(extract(salt, ikm), info, length);
    }

    /** {@code PRK = HMAC-SHA256(salt, IKM)}, an empty salt standing for 32 zero bytes. */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        return Bytes.hmacSha256(salt.length == 0 ? new byte[HASH_LENGTH] : salt, ikm);
    }

    /** {@code T(1) || T(2) || …} truncated to {@code length} bytes (at most 255 × 32). */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_LENGTH) {
            throw new SealingException("HKDF: the output length must be between 1 and " + 255 * HASH_LENGTH);
        }
        if (prk.length < HASH_LENGTH) {
            throw new SealingException("HKDF: the pseudorandom key must be at least 32 bytes");
        }
        byte[] okm = new byte[length];
        byte[] previous = new byte[0];
        int offset = 0;
        for (int i = 1; offset < length; i++) {
            previous = Bytes.hmacSha256(prk, previous, info, new byte[] {(byte) i});
            int take = Math.min(HASH_LENGTH, length - offset);
            System.arraycopy(previous, 0, okm, offset, take);
            offset += take;
        }
        return okm;
    }
}
