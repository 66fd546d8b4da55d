// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ShamirProperties {

    @Property
    void anyKOfTheNSharesRebuildTheSecret(
            @ForAll @Size(min = 1, max = 48) byte[] secret,
            @ForAll @IntRange(min = 2, max = 40) int n,
            @ForAll @IntRange(min = 2, max = 40) int kWanted,
            @ForAll long seed) {
        int k = Math.min(kWanted, n);
        List<byte[]> shares = Shamir.split(secret, n, k, new Drbg("split " + seed));

        List<byte[]> chosen = choose(shares, k, seed);

        assertThat(Shamir.join(chosen)).isEqualTo(secret);
        assertThat(Shamir.join(chosen, k)).isEqualTo(secret);
        assertThat(Shamir.join(shares, k))
                .as("all n shares, the extra ones checked")
                .isEqualTo(secret);
    }

    @Property
    void kMinusOneSharesDoNotGiveTheSecret(
            @ForAll @Size(32) byte[] secret,
            @ForAll @IntRange(min = 3, max = 20) int n,
            @ForAll @IntRange(min = 3, max = 20) int kWanted,
            @ForAll long seed) {
        int k = Math.min(kWanted, n);
        List<byte[]> shares = Shamir.split(secret, n, k, new Drbg("split " + seed));

        List<byte[]> tooFew = choose(shares, k - 1, seed);

        assertThat(Shamir.join(tooFew)).isNotEqualTo(secret);
        assertThatThrownBy(() -> Shamir.join(tooFew, k))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining(k + " shares are needed");
    }

    /**
     * The reason k − 1 shares say nothing: for any k − 1 shares of a secret A and any other secret B, there are
     * coefficients with which splitting B gives exactly the same k − 1 shares (the polynomial through (0, B) and those
     * k − 1 points). The map from coefficients to those shares is a bijection for each constant term, so with uniform
     * coefficients every candidate secret is exactly as likely to have produced what the k − 1 holders see.
     */
    @Property
    void kMinusOneSharesAreEquallyConsistentWithAnyOtherSecret(
            @ForAll @Size(min = 1, max = 16) byte[] secretA,
            @ForAll @IntRange(min = 2, max = 12) int n,
            @ForAll @IntRange(min = 2, max = 12) int kWanted,
            @ForAll long seed) {
        int k = Math.min(kWanted, n);
        byte[] secretB = new Drbg("other secret " + seed).bytes(secretA.length);
        List<byte[]> sharesOfA = Shamir.split(secretA, n, k, new Drbg("split " + seed));
        List<byte[]> seen = choose(sharesOfA, k - 1, seed);

        byte[] coefficients = coefficientsThrough(secretB, seen, k);
        List<byte[]> sharesOfB = Shamir.split(secretB, n, k, coefficients);

        for (byte[] share : seen) {
            assertThat(sharesOfB.get((share[0] & 0xFF) - 1)).isEqualTo(share);
        }
        assertThat(Shamir.join(choose(sharesOfB, k, seed + 1))).isEqualTo(secretB);
    }

    @Property
    void aChangedShareGivesAWrongSecret(
            @ForAll @Size(min = 1, max = 32) byte[] secret,
            @ForAll @IntRange(min = 2, max = 20) int n,
            @ForAll @IntRange(min = 2, max = 20) int kWanted,
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 255) int delta) {
        int k = Math.min(kWanted, n);
        List<byte[]> chosen = choose(Shamir.split(secret, n, k, new Drbg("split " + seed)), k, seed);
        Random random = new Random(seed);
        byte[] changed = chosen.get(random.nextInt(k)).clone();
        changed[1 + random.nextInt(secret.length)] ^= (byte) delta;
        List<byte[]> altered = new ArrayList<>(chosen);
        altered.set(
                chosen.indexOf(chosen.stream()
                        .filter(s -> s[0] == changed[0])
                        .findFirst()
                        .orElseThrow()),
                changed);

        // with exactly k shares, y_j + d changes the result by d·l_j(0) and l_j(0) is never 0
        assertThat(Shamir.join(altered, k)).isNotEqualTo(secret);
    }

    @Property
    void anInconsistentExtraShareIsRefused(
            @ForAll @Size(min = 1, max = 32) byte[] secret,
            @ForAll @IntRange(min = 3, max = 20) int n,
            @ForAll long seed) {
        int k = 2;
        List<byte[]> shares = new ArrayList<>(Shamir.split(secret, n, k, new Drbg("split " + seed)));
        byte[] last = shares.get(n - 1).clone();
        last[1] ^= 1;
        shares.set(n - 1, last);

        assertThatThrownBy(() -> Shamir.join(shares, k))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("inconsistent");
    }

    @Property
    void multiplicationIsAFieldOperation(
            @ForAll @IntRange(min = 0, max = 255) int a,
            @ForAll @IntRange(min = 0, max = 255) int b,
            @ForAll @IntRange(min = 0, max = 255) int c) {
        assertThat(Shamir.mul(a, b)).isEqualTo(Shamir.mul(b, a));
        assertThat(Shamir.mul(a, Shamir.mul(b, c))).isEqualTo(Shamir.mul(Shamir.mul(a, b), c));
        assertThat(Shamir.mul(a, b ^ c)).isEqualTo(Shamir.mul(a, b) ^ Shamir.mul(a, c));
        if (a != 0) {
            assertThat(Shamir.mul(a, Shamir.inverse(a))).isEqualTo(1);
        }
    }

    private static List<byte[]> choose(List<byte[]> shares, int count, long seed) {
        List<byte[]> shuffled = new ArrayList<>(shares);
        Collections.shuffle(shuffled, new Random(seed));
        return new ArrayList<>(shuffled.subList(0, count));
    }

    /**
     * The coefficients a_1 … a_{k−1} (layout of {@link Shamir#split(byte[], int, int, byte[])}) of the polynomials of
     * degree k − 1 through (0, secret[i]) and the given k − 1 points: Lagrange basis polynomials expanded.
     */
    private static byte[] coefficientsThrough(byte[] secret, List<byte[]> shares, int k) {
        int m = secret.length;
        int[] xs = new int[k];
        for (int j = 1; j < k; j++) {
            xs[j] = shares.get(j - 1)[0] & 0xFF;
        }
        byte[] coefficients = new byte[(k - 1) * m];
        for (int i = 0; i < m; i++) {
            int[] polynomial = new int[k];
            for (int j = 0; j < k; j++) {
                int y = j == 0 ? secret[i] & 0xFF : shares.get(j - 1)[i + 1] & 0xFF;
                // basis_j(x) = Π_{l≠j} (x − x_l) / (x_j − x_l), built coefficient by coefficient
                int[] basis = {1};
                int denominator = 1;
                for (int l = 0; l < k; l++) {
                    if (l != j) {
                        int[] next = new int[basis.length + 1];
                        for (int d = 0; d < basis.length; d++) {
                            next[d + 1] ^= basis[d];
                            next[d] ^= Shamir.mul(basis[d], xs[l]);
                        }
                        basis = next;
                        denominator = Shamir.mul(denominator, xs[j] ^ xs[l]);
                    }
                }
                int scale = Shamir.mul(y, Shamir.inverse(denominator));
                for (int d = 0; d < k; d++) {
                    polynomial[d] ^= Shamir.mul(basis[d], scale);
                }
            }
            assertThat(polynomial[0]).isEqualTo(secret[i] & 0xFF);
            for (int d = 1; d < k; d++) {
                coefficients[(d - 1) * m + i] = (byte) polynomial[d];
            }
        }
        return coefficients;
    }
}
