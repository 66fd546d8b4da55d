// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;

/**
 * Deterministic P-256 keys for tests and test vectors: the scalar comes from a {@link Drbg}, the public point from a
 * plain (not constant-time: test code only) double-and-add, so the keys are the same on every JDK. {@link
 * MemberKey#fromPkcs8} then checks the pair with the JDK's ECDSA, which also checks this arithmetic.
 */
public final class TestKeys {

    private static final BigInteger P = ((ECFieldFp) Points.P256.getCurve().getField()).getP();
    private static final BigInteger A = Points.P256.getCurve().getA();
    private static final BigInteger N = Points.P256.getOrder();

    private TestKeys() {}

    /** A key pair whose scalar is {@code (32 bytes of random mod (n − 1)) + 1}. */
    public static MemberKey derive(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        BigInteger scalar =
                new BigInteger(1, bytes).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        return of(scalar);
    }

    /** A key file with 1,000 PBKDF2 iterations instead of 600,000, for fast tests in other packages. */
    public static String fastKeyFile(MemberKey key, String passphrase) {
        return new KeyFile(key, passphrase.toCharArray(), new SecureRandom(), 1_000).toJson();
    }

    public static MemberKey of(BigInteger scalar) {
        ECPoint point = multiply(scalar, Points.P256.getGenerator());
        byte[] encoded = new byte[65];
        encoded[0] = 4;
        copy(point.getAffineX(), encoded, 1);
        copy(point.getAffineY(), encoded, 33);
        try {
            ECPrivateKey key = (ECPrivateKey)
                    KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(scalar, Points.P256));
            return MemberKey.fromPkcs8(Points.pkcs8(key, encoded), CommitteeKey.of(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECPoint multiply(BigInteger k, ECPoint point) {
        ECPoint result = ECPoint.POINT_INFINITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            result = add(result, result);
            if (k.testBit(i)) {
                result = add(result, point);
            }
        }
        return result;
    }

    private static ECPoint add(ECPoint p, ECPoint q) {
        if (p.equals(ECPoint.POINT_INFINITY)) {
            return q;
        }
        if (q.equals(ECPoint.POINT_INFINITY)) {
            return p;
        }
        BigInteger lambda;
        if (p.getAffineX().equals(q.getAffineX())) {
            if (p.getAffineY().add(q.getAffineY()).mod(P).signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            BigInteger x = p.getAffineX();
            lambda = x.pow(2)
                    .multiply(BigInteger.valueOf(3))
                    .add(A)
                    .multiply(p.getAffineY().shiftLeft(1).modInverse(P))
                    .mod(P);
        } else {
            lambda = q.getAffineY()
                    .subtract(p.getAffineY())
                    .multiply(q.getAffineX().subtract(p.getAffineX()).modInverse(P))
                    .mod(P);
        }
        BigInteger x =
                lambda.pow(2).subtract(p.getAffineX()).subtract(q.getAffineX()).mod(P);
        BigInteger y = lambda.multiply(p.getAffineX().subtract(x))
                .subtract(p.getAffineY())
                .mod(P);
        return new ECPoint(x, y);
    }

    private static void copy(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, offset + 32 - length, length);
    }
}
