// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

/**
 * A committee member's key pair: the private half (which only ever leaves a {@link KeyFile} in its owner's hands) and
 * its {@link CommitteeKey}. {@link #toString()} never shows the private key.
 */
public final class MemberKey {

    private final ECPrivateKey privateKey;
    private final CommitteeKey publicKey;

    private MemberKey(ECPrivateKey privateKey, CommitteeKey publicKey) {
        Points.requireP256(privateKey);
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A fresh key pair. */
    public static MemberKey generate(SecureRandom random) {
        return of(Points.generate(random));
    }

    /** A P-256 key pair from the JDK. */
    public static MemberKey of(KeyPair pair) {
        if (!(pair.getPrivate() instanceof ECPrivateKey privateKey)
                || !(pair.getPublic() instanceof ECPublicKey publicKey)) {
            throw new SealingException("A committee key pair is a P-256 (EC) key pair");
        }
        return new MemberKey(privateKey, CommitteeKey.of(publicKey));
    }

    /**
     * The key pair of a PKCS#8 private key and its public key, refusing a private key that is not the public key's
     * other half.
     */
    public static MemberKey fromPkcs8(byte[] pkcs8, CommitteeKey publicKey) {
        MemberKey key = new MemberKey(Points.privateKey(pkcs8), publicKey);
        if (!key.isPair()) {
            throw new SealingException("The private key is not the private half of the public key " + publicKey);
        }
        return key;
    }

    public CommitteeKey publicKey() {
        return publicKey;
    }

    public ECPrivateKey privateKey() {
        return privateKey;
    }

    /** The 138-byte PKCS#8 (with the public point inside), as WebCrypto exports it. */
    public byte[] pkcs8() {
        return Points.pkcs8(privateKey, publicKey.point());
    }

    /** ECDH with another party's point: the 32-byte X coordinate. */
    public byte[] agree(byte[] otherPoint) {
        return Points.ecdh(privateKey, Points.decode(otherPoint));
    }

    /**
     * Whether the private key belongs to the public key: an ECDSA signature made with it verifies under the point (the
     * signature is thrown away; unlike X-only ECDH, ECDSA tells {@code dG} from {@code −dG}).
     */
    private boolean isPair() {
        byte[] message = Bytes.utf8("baobab key pair check");
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(privateKey);
            signer.update(message);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(publicKey.publicKey());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "MemberKey[" + publicKey.shortFingerprint() + "]";
    }
}
