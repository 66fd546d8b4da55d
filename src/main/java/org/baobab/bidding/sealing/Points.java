// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * P-256 keys as the format writes them: a public key is its 65-byte uncompressed point {@code 0x04 || X || Y} (what
 * WebCrypto exports as {@code raw}), a private key is the 138-byte PKCS#8 WebCrypto exports. Every point read is
 * checked to lie on the curve before it is used.
 */
public final class Points {

    /** Length of an uncompressed P-256 point. */
    public static final int POINT_LENGTH = 65;

    private static final int COORDINATE_LENGTH = 32;

    /** PKCS#8 {@code PrivateKeyInfo} for P-256 up to the private scalar (RFC 5915 {@code ECPrivateKey}, version 1). */
    private static final byte[] PKCS8_PREFIX = {
        0x30,
        (byte) 0x81,
        (byte) 0x87,
        0x02,
        0x01,
        0x00,
        0x30,
        0x13,
        0x06,
        0x07,
        0x2a,
        (byte) 0x86,
        0x48,
        (byte) 0xce,
        0x3d,
        0x02,
        0x01,
        0x06,
        0x08,
        0x2a,
        (byte) 0x86,
        0x48,
        (byte) 0xce,
        0x3d,
        0x03,
        0x01,
        0x07,
        0x04,
        0x6d,
        0x30,
        0x6b,
        0x02,
        0x01,
        0x01,
        0x04,
        0x20
    };

    /** Between the scalar and the point: {@code [1]} holding a BIT STRING with no unused bits. */
    private static final byte[] PKCS8_PUBLIC_KEY = {(byte) 0xa1, 0x44, 0x03, 0x42, 0x00};

    static final ECParameterSpec P256 = p256();

    private static final BigInteger P = ((ECFieldFp) P256.getCurve().getField()).getP();
    private static final BigInteger A = P256.getCurve().getA();
    private static final BigInteger B = P256.getCurve().getB();

    private Points() {}

    /** The 65-byte uncompressed point of a P-256 public key. */
    public static byte[] encode(ECPublicKey key) {
        requireP256(key);
        byte[] point = new byte[POINT_LENGTH];
        point[0] = 0x04;
        coordinate(key.getW().getAffineX(), point, 1);
        coordinate(key.getW().getAffineY(), point, 1 + COORDINATE_LENGTH);
        return point;
    }

    /** The public key of a 65-byte uncompressed point, refusing a point that is not on P-256. */
    public static ECPublicKey decode(byte[] point) {
        if (point.length != POINT_LENGTH || point[0] != 0x04) {
            throw new SealingException("A P-256 public key must be a 65-byte uncompressed point starting with 0x04");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + COORDINATE_LENGTH));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + COORDINATE_LENGTH, POINT_LENGTH));
        if (x.compareTo(P) >= 0
                || y.compareTo(P) >= 0
                || !y.multiply(y)
                        .subtract(x.pow(3).add(A.multiply(x)).add(B))
                        .mod(P)
                        .equals(BigInteger.ZERO)) {
            throw new SealingException("The public key is not a point on the P-256 curve");
        }
        try {
            return (ECPublicKey)
                    KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), P256));
        } catch (GeneralSecurityException e) {
            throw new SealingException("The public key is not a valid P-256 key", e);
        }
    }

    /** {@code hex(SHA-256(point))}: how pages, manifests and key files name a key. */
    public static String fingerprint(byte[] point) {
        return Bytes.hex(Bytes.sha256(point));
    }

    /** A fresh P-256 key pair. */
    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot generate P-256 keys", e);
        }
    }

    /** ECDH: the 32-byte X coordinate of the shared point. */
    public static byte[] ecdh(ECPrivateKey privateKey, ECPublicKey publicKey) {
        requireP256(privateKey);
        requireP256(publicKey);
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(privateKey);
            agreement.doPhase(publicKey, true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new SealingException("ECDH failed: " + e.getMessage(), e);
        }
    }

    /**
     * The 138-byte PKCS#8 of a P-256 private key with its public point inside, as WebCrypto's {@code
     * exportKey("pkcs8")} writes it.
     */
    public static byte[] pkcs8(ECPrivateKey privateKey, byte[] point) {
        requireP256(privateKey);
        decode(point);
        byte[] scalar = new byte[COORDINATE_LENGTH];
        coordinate(privateKey.getS(), scalar, 0);
        return Bytes.concat(PKCS8_PREFIX, scalar, PKCS8_PUBLIC_KEY, point);
    }

    /** Reads any PKCS#8 P-256 private key (with or without its public point). */
    public static ECPrivateKey privateKey(byte[] pkcs8) {
        ECPrivateKey key;
        try {
            key = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new SealingException("The private key is not a PKCS#8 EC private key", e);
        }
        requireP256(key);
        return key;
    }

    static void requireP256(ECKey key) {
        ECParameterSpec params = key.getParams();
        if (!params.getCurve().equals(P256.getCurve())
                || !params.getOrder().equals(P256.getOrder())
                || !params.getGenerator().equals(P256.getGenerator())) {
            throw new SealingException("The key is not on the P-256 curve");
        }
    }

    private static void coordinate(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray(); // big-endian, possibly with a leading sign byte or shorter than 32
        int length = Math.min(bytes.length, COORDINATE_LENGTH);
        if (bytes.length > COORDINATE_LENGTH + 1 || (bytes.length == COORDINATE_LENGTH + 1 && bytes[0] != 0)) {
            throw new SealingException("A P-256 coordinate does not fit in 32 bytes");
        }
        System.arraycopy(bytes, bytes.length - length, out, offset + COORDINATE_LENGTH - length, length);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no P-256 (secp256r1)", e);
        }
    }
}
