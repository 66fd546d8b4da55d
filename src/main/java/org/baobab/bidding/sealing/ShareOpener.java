// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A committee member's part of an opening: decrypting its share of an envelope's data key, or releasing the key that
 * decrypts it ({@code KEK_j}) so that the server can decrypt and authenticate the share itself.
 *
 * <pre>
 * Z_j   = ECDH(member private, E_j)
 * KEK_j = HKDF-SHA256(Z_j, salt = E_j || P_j, info = "baobab sealed bid v1 share" || contextHash, 32)
 * share = AES-256-GCM-decrypt(KEK_j, nonce_j, aad = canonical {"context":…,"member":j}, enc_j)
 * </pre>
 */
public final class ShareOpener {

    private static final byte[] INFO = Bytes.utf8("baobab sealed bid v1 share");

    private ShareOpener() {}

    /**
     * Member side: the 33-byte share ({@code j || 32 bytes}) of the member at {@code member} for this envelope.
     *
     * @throws SealingException if the key is not that member's, or the share does not open under the manifest's
     *     context (sealed for another envelope, or altered)
     */
    public static byte[] decrypt(Manifest manifest, int member, MemberKey key) {
        return openReleased(manifest, member, releaseKey(manifest, member, key));
    }

    /**
     * Member side: {@code KEK_j}, what a member releases at the opening. It decrypts this one share and reveals
     * nothing about the member's private key.
     */
    public static byte[] releaseKey(Manifest manifest, int member, MemberKey key) {
        EncryptedShare share = manifest.share(member);
        if (!key.publicKey().fingerprint().equals(share.fingerprint())) {
            throw new SealingException("The key " + key.publicKey().shortFingerprint() + " is not member " + member
                    + "'s: the envelope's share " + member + " is for the key "
                    + share.fingerprint().substring(0, 32));
        }
        byte[] z = key.agree(share.ephemeralPublicKey());
        return shareKey(z, share.ephemeralPublicKey(), key.publicKey().point(), manifest.context());
    }

    /**
     * Server side: the share, decrypted and authenticated with the key the member released.
     *
     * @throws SealingException if the released key does not open member {@code member}'s share (a wrong or altered
     *     release, or a manifest whose context was changed)
     */
    public static byte[] openReleased(Manifest manifest, int member, byte[] releasedKey) {
        EncryptedShare share = manifest.share(member);
        if (releasedKey.length != Gcm.KEY_LENGTH) {
            throw new SealingException("Member " + member + "'s released key must be 32 bytes");
        }
        byte[] plain = Gcm.decrypt(releasedKey, share.nonce(), aad(manifest.context(), member), share.ciphertext());
        if (plain == null) {
            throw new SealingException("Member " + member + "'s share does not open: the key released is not the one"
                    + " it was sealed with, or the share was sealed for another envelope (context), or altered");
        }
        if ((plain[0] & 0xFF) != member) {
            Arrays.fill(plain, (byte) 0);
            throw new SealingException("Member " + member + "'s share is marked for member " + (plain[0] & 0xFF));
        }
        return plain;
    }

    /** {@code KEK_j} from the ECDH secret. */
    static byte[] shareKey(byte[] z, byte[] ephemeralPoint, byte[] memberPoint, EnvelopeContext context) {
        return Hkdf.derive(
                z, Bytes.concat(ephemeralPoint, memberPoint), Bytes.concat(INFO, context.hash()), Gcm.KEY_LENGTH);
    }

    /** {@code aad_j = canonical {"context":…,"member":j}}. */
    static byte[] aad(EnvelopeContext context, int member) {
        Map<String, @Nullable Object> aad = new LinkedHashMap<>();
        aad.put("context", context.toJsonObject());
        aad.put("member", member);
        return CanonicalJson.utf8(aad);
    }
}
