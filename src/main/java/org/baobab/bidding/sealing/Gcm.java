// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** AES-256-GCM with 96-bit nonces and 128-bit tags, the tag appended to the ciphertext (as WebCrypto does). */
final class Gcm {

    static final int TAG_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    static final int KEY_LENGTH = 32;

    private final Cipher cipher;
    private final SecretKeySpec key;

    Gcm(byte[] key) {
        if (key.length != KEY_LENGTH) {
            throw new SealingException("AES-256-GCM needs a 32-byte key");
        }
        this.key = new SecretKeySpec(key, "AES");
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no AES/GCM/NoPadding", e);
        }
    }

    /** Encrypts {@code length} bytes of {@code in} into {@code out} (which needs {@code length + 16} bytes). */
    int encrypt(byte[] nonce, byte[] aad, byte[] in, int length, byte[] out) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(in, 0, length, out, 0);
        } catch (GeneralSecurityException e) {
            throw new SealingException("AES-GCM encryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts and authenticates {@code length} bytes (ciphertext and tag) of {@code in} into {@code out}: the
     * plaintext length, or −1 if the tag does not verify.
     */
    int decrypt(byte[] nonce, byte[] aad, byte[] in, int length, byte[] out) {
        if (length < TAG_LENGTH) {
            return -1;
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(in, 0, length, out, 0);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new SealingException("AES-GCM decryption failed: " + e.getMessage(), e);
        }
    }

    static byte[] encrypt(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        byte[] out = new byte[plaintext.length + TAG_LENGTH];
        new Gcm(key).encrypt(nonce, aad, plaintext, plaintext.length, out);
        return out;
    }

    /** The plaintext, or null if the tag does not verify. */
    static byte @Nullable [] decrypt(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) {
        if (ciphertext.length < TAG_LENGTH) {
            return null;
        }
        byte[] out = new byte[ciphertext.length - TAG_LENGTH];
        int length = new Gcm(key).decrypt(nonce, aad, ciphertext, ciphertext.length, out);
        return length < 0 ? null : out;
    }
}
