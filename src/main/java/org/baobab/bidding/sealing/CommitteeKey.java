// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A committee member's public P-256 key, held as its 65-byte uncompressed point (checked to be on the curve). Envelopes
 * are sealed to a committee: an ordered list of these, member {@code j} being at index {@code j − 1}.
 */
public final class CommitteeKey {

    private final byte[] point;
    private final String fingerprint;

    private CommitteeKey(byte[] point) {
        Points.decode(point);
        this.point = point.clone();
        this.fingerprint = Points.fingerprint(point);
    }

    /** The key of a 65-byte uncompressed point. */
    public static CommitteeKey of(byte[] point) {
        return new CommitteeKey(point);
    }

    /** The key of a base64 point, as key files, manifests and the API carry it. */
    public static CommitteeKey fromBase64(String point) {
        return new CommitteeKey(Bytes.fromB64(point.strip(), "The public key", Points.POINT_LENGTH));
    }

    public static CommitteeKey of(ECPublicKey key) {
        return new CommitteeKey(Points.encode(key));
    }

    /** The 65-byte uncompressed point. */
    public byte[] point() {
        return point.clone();
    }

    public String base64() {
        return Bytes.b64(point);
    }

    /** {@code hex(SHA-256(point))}, 64 digits. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The fingerprint as pages show it: its first 32 digits in groups of 4. */
    public String shortFingerprint() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 32; i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(fingerprint, i, i + 4);
        }
        return out.toString();
    }

    public ECPublicKey publicKey() {
        return Points.decode(point);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CommitteeKey key && MessageDigest.isEqual(point, key.point);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(point);
    }

    @Override
    public String toString() {
        return "CommitteeKey[" + shortFingerprint() + "]";
    }
}
