// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A deterministic "random" source for tests and test vectors only: the byte stream {@code SHA-256(seed || u32(0)) ||
 * SHA-256(seed || u32(1)) || …}, seed being the label's UTF-8. Never use it to seal anything real.
 */
public final class Drbg extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private final byte[] seed;
    private final byte[] block = new byte[32];
    private int blockIndex;
    private int used = block.length;

    public Drbg(String label) {
        this.seed = label.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (used == block.length) {
                refill();
            }
            bytes[i] = block[used++];
        }
    }

    /** The next {@code length} bytes. */
    public byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        nextBytes(bytes);
        return bytes;
    }

    @Override
    public void setSeed(long ignored) {
        // SecureRandom's constructor calls it; the seed is the label
    }

    @Override
    public byte[] generateSeed(int length) {
        return bytes(length);
    }

    private void refill() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(seed);
            digest.update(new byte[] {
                (byte) (blockIndex >>> 24), (byte) (blockIndex >>> 16), (byte) (blockIndex >>> 8), (byte) blockIndex
            });
            System.arraycopy(digest.digest(), 0, block, 0, block.length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        blockIndex++;
        used = 0;
    }
}
