// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShamirTests {

    private static final byte[] SECRET = new Drbg("secret").bytes(32);

    @Test
    void sharesAreTheXByteAndOneValuePerSecretByte() {
        List<byte[]> shares = Shamir.split(SECRET, 5, 3, new Drbg("coefficients"));

        assertThat(shares).hasSize(5);
        for (int j = 0; j < 5; j++) {
            assertThat(shares.get(j)).hasSize(33);
            assertThat(shares.get(j)[0]).isEqualTo((byte) (j + 1));
        }
    }

    @Test
    void aDegreeOnePolynomialByHand() {
        // f(x) = 0x53 + 0xCA·x over GF(2^8)/0x11B: f(1) = 0x53 ^ 0xCA, f(2) = 0x53 ^ xtime(0xCA) = 0x53 ^ 0x8F
        List<byte[]> shares = Shamir.split(new byte[] {0x53}, 2, 2, new byte[] {(byte) 0xCA});

        assertThat(shares.get(0)).containsExactly(1, 0x53 ^ 0xCA);
        assertThat(shares.get(1)).containsExactly(2, 0x53 ^ 0x8F);
        assertThat(Shamir.mul(0x53, 0xCA))
                .as("FIPS 197's example: {53}·{CA} = {01}")
                .isEqualTo(1);
    }

    /**
     * For k = 2, whatever one share (x, y) a single holder sees, each of the 256 candidate secret bytes s is consistent
     * with exactly one of the 256 equally likely coefficients a (s + a·x = y): one share says nothing. That holds
     * because a ↦ a·x is a bijection for every x ≠ 0, checked for all x; and by direct count for one x.
     */
    @Test
    void oneShareOfTwoIsConsistentWithEverySecretByteExactlyOnce() {
        for (int x = 1; x <= 255; x++) {
            boolean[] seen = new boolean[256];
            for (int coefficient = 0; coefficient <= 255; coefficient++) {
                int product = Shamir.mul(coefficient, x);
                assertThat(seen[product])
                        .as("a·%d takes the value %d twice", x, product)
                        .isFalse();
                seen[product] = true;
            }
        }
        int x = 7;
        for (int y = 0; y <= 255; y++) {
            for (int candidate = 0; candidate <= 255; candidate++) {
                int consistent = 0;
                for (int coefficient = 0; coefficient <= 255; coefficient++) {
                    if ((candidate ^ Shamir.mul(coefficient, x)) == y) {
                        consistent++;
                    }
                }
                assertThat(consistent).isEqualTo(1);
            }
        }
    }

    @Test
    void refusesAThresholdBelowTwo() {
        assertThatThrownBy(() -> Shamir.split(SECRET, 3, 1, new Drbg("r")))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("threshold k must be at least 2");
    }

    @Test
    void refusesAThresholdAboveTheNumberOfShares() {
        assertThatThrownBy(() -> Shamir.split(SECRET, 3, 4, new Drbg("r")))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("cannot exceed the number of shares");
    }

    @Test
    void refusesMoreThan255Shares() {
        assertThatThrownBy(() -> Shamir.split(SECRET, 256, 2, new Drbg("r")))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("at most 255 shares");
        assertThat(Shamir.split(SECRET, 255, 2, new Drbg("r"))).hasSize(255);
    }

    @Test
    void refusesDuplicateShares() {
        List<byte[]> shares = Shamir.split(SECRET, 3, 2, new Drbg("r"));

        assertThatThrownBy(() -> Shamir.join(List.of(shares.get(0), shares.get(0))))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("two shares have the same x = 1");
    }

    @Test
    void refusesTooFewShares() {
        List<byte[]> shares = Shamir.split(SECRET, 3, 2, new Drbg("r"));

        assertThatThrownBy(() -> Shamir.join(List.of(shares.get(0))))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("at least 2 shares are needed, only 1 given");
        assertThatThrownBy(() -> Shamir.join(shares.subList(0, 2), 3))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("3 shares are needed to rebuild the secret, only 2 given");
    }

    @Test
    void refusesMalformedShares() {
        List<byte[]> shares = Shamir.split(SECRET, 3, 2, new Drbg("r"));
        byte[] zero = shares.get(1).clone();
        zero[0] = 0;

        assertThatThrownBy(() -> Shamir.join(List.of(shares.get(0), zero)))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("x = 0");
        assertThatThrownBy(() -> Shamir.join(List.of(shares.get(0), new byte[] {2, 1})))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("same length");
    }
}
