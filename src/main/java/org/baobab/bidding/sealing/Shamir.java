// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Shamir's secret sharing over GF(2^8) with the AES polynomial {@code x^8 + x^4 + x^3 + x + 1} (0x11B), byte by byte.
 * A share is {@code x || y_1 … y_m}: its x coordinate (1 to 255, the committee member's position) followed by the
 * value at x of each byte's polynomial. Arithmetic is branch-free and table-free, so timing does not depend on the
 * secret.
 */
public final class Shamir {

    /** The most shares there can be: x runs over the 255 non-zero field elements. */
    public static final int MAX_SHARES = 255;

    private Shamir() {}

    /**
     * Splits a secret into {@code n} shares, any {@code k} of which rebuild it; share {@code j} (index {@code j − 1})
     * has x = j.
     */
    public static List<byte[]> split(byte[] secret, int n, int k, SecureRandom random) {
        checkSplit(secret, n, k);
        byte[] coefficients = new byte[(k - 1) * secret.length];
        random.nextBytes(coefficients);
        return split(secret, n, k, coefficients);
    }

    /**
     * Splits with given coefficients: {@code coefficients[(d − 1) × m + i]} is the coefficient of x^d for secret byte
     * i (m = secret length). Used by {@link #split(byte[], int, int, SecureRandom)} and by the test vectors.
     */
    static List<byte[]> split(byte[] secret, int n, int k, byte[] coefficients) {
        checkSplit(secret, n, k);
        int m = secret.length;
        if (coefficients.length != (k - 1) * m) {
            throw new SealingException("Shamir: " + (k - 1) * m + " coefficient bytes are needed");
        }
        List<byte[]> shares = new ArrayList<>(n);
        for (int x = 1; x <= n; x++) {
            byte[] share = new byte[m + 1];
            share[0] = (byte) x;
            for (int i = 0; i < m; i++) {
                // Horner: ((a_{k-1} x + a_{k-2}) x + …) x + secret
                int y = 0;
                for (int d = k - 1; d >= 1; d--) {
                    y = mul(y, x) ^ (coefficients[(d - 1) * m + i] & 0xFF);
                }
                y = mul(y, x) ^ (secret[i] & 0xFF);
                share[i + 1] = (byte) y;
            }
            shares.add(share);
        }
        return shares;
    }

    /**
     * Rebuilds the secret from shares by Lagrange interpolation at 0, using all of them. With fewer shares than the
     * threshold the result is a value unrelated to the secret: callers that know the threshold use {@link #join(List,
     * int)}.
     */
    public static byte[] join(List<byte[]> shares) {
        checkShares(shares, 2);
        return interpolate(shares, shares.size(), 0);
    }

    /**
     * Rebuilds the secret from at least {@code threshold} shares; any share beyond the threshold is checked to lie on
     * the same polynomial as the first {@code threshold}, so an inconsistent set is refused rather than giving a wrong
     * secret.
     */
    public static byte[] join(List<byte[]> shares, int threshold) {
        if (threshold < 2 || threshold > MAX_SHARES) {
            throw new SealingException("Shamir: the threshold must be between 2 and 255, not " + threshold);
        }
        if (shares.size() < threshold) {
            throw new SealingException("Shamir: " + threshold + " shares are needed to rebuild the secret, only "
                    + shares.size() + " given");
        }
        checkShares(shares, threshold);
        for (int extra = threshold; extra < shares.size(); extra++) {
            byte[] share = shares.get(extra);
            byte[] expected = interpolate(shares, threshold, share[0] & 0xFF);
            int difference = 0;
            for (int i = 0; i < expected.length; i++) {
                difference |= expected[i] ^ share[i + 1];
            }
            if (difference != 0) {
                throw new SealingException("Shamir: the shares are inconsistent: share x=" + (share[0] & 0xFF)
                        + " does not lie on the polynomial of the first " + threshold + " shares");
            }
        }
        return interpolate(shares, threshold, 0);
    }

    /** The value at {@code at} of each byte's polynomial through the first {@code count} shares. */
    private static byte[] interpolate(List<byte[]> shares, int count, int at) {
        int m = shares.get(0).length - 1;
        byte[] result = new byte[m];
        for (int j = 0; j < count; j++) {
            int xj = shares.get(j)[0] & 0xFF;
            // Lagrange basis l_j(at) = Π_{i≠j} (at − x_i) / (x_j − x_i); minus is XOR
            int numerator = 1;
            int denominator = 1;
            for (int i = 0; i < count; i++) {
                if (i != j) {
                    int xi = shares.get(i)[0] & 0xFF;
                    numerator = mul(numerator, at ^ xi);
                    denominator = mul(denominator, xj ^ xi);
                }
            }
            int basis = mul(numerator, inverse(denominator));
            byte[] share = shares.get(j);
            for (int b = 0; b < m; b++) {
                result[b] ^= (byte) mul(share[b + 1] & 0xFF, basis);
            }
        }
        return result;
    }

    private static void checkSplit(byte[] secret, int n, int k) {
        if (secret.length == 0) {
            throw new SealingException("Shamir: the secret is empty");
        }
        if (k < 2) {
            throw new SealingException("Shamir: the threshold k must be at least 2 (k = 1 would give each member the"
                    + " secret itself), not " + k);
        }
        if (k > n) {
            throw new SealingException(
                    "Shamir: the threshold k (" + k + ") cannot exceed the number of shares n (" + n + ")");
        }
        if (n > MAX_SHARES) {
            throw new SealingException("Shamir: at most 255 shares over GF(2^8), not " + n);
        }
    }

    private static void checkShares(List<byte[]> shares, int minimum) {
        if (shares.size() < minimum) {
            throw new SealingException(
                    "Shamir: at least " + minimum + " shares are needed, only " + shares.size() + " given");
        }
        int length = shares.get(0).length;
        if (length < 2) {
            throw new SealingException("Shamir: a share is its x byte followed by at least one value byte");
        }
        boolean[] seen = new boolean[256];
        for (byte[] share : shares) {
            if (share.length != length) {
                throw new SealingException("Shamir: the shares do not all have the same length");
            }
            int x = share[0] & 0xFF;
            if (x == 0) {
                throw new SealingException("Shamir: a share has x = 0, which would be the secret itself");
            }
            if (seen[x]) {
                throw new SealingException("Shamir: two shares have the same x = " + x);
            }
            seen[x] = true;
        }
    }

    /** Multiplication in GF(2^8) modulo 0x11B, without branches on the operands. */
    static int mul(int a, int b) {
        int product = 0;
        for (int bit = 0; bit < 8; bit++) {
            product ^= -(b & 1) & a;
            int carry = -((a >> 7) & 1);
            a = ((a << 1) ^ (carry & 0x1B)) & 0xFF;
            b >>= 1;
        }
        return product & 0xFF;
    }

    /** The multiplicative inverse, a^254 (0 for 0). */
    static int inverse(int a) {
        int result = 1;
        int power = a;
        for (int exponent = 254; exponent > 0; exponent >>= 1) {
            int next = mul(result, power);
            int take = -(exponent & 1);
            result = (next & take) | (result & ~take);
            power = mul(power, power);
        }
        return result & 0xFF;
    }
}
