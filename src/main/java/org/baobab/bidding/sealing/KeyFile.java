// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.nio.CharBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A committee member's key file ({@code BKF1}): the private key, as PKCS#8, encrypted with AES-256-GCM under a key
 * derived from the member's passphrase by PBKDF2-SHA256 (passphrase normalised to NFC, UTF-8). The file also carries
 * the public key and its fingerprint, so that it says whose it is without the passphrase.
 *
 * <pre>{@code
 * KeyFile file = KeyFile.create(MemberKey.generate(random), passphrase, random);
 * Files.writeString(path, file.toJson());
 * MemberKey key = KeyFile.fromJson(Files.readString(path)).open(passphrase);
 * }</pre>
 */
public final class KeyFile {

    /** The format's name. */
    public static final String FORMAT = "BKF1";

    /** PBKDF2 iterations a new key file uses. */
    public static final int ITERATIONS = 600_000;

    private static final String KDF = "PBKDF2-SHA256";
    private static final int SALT_LENGTH = 16;

    private final CommitteeKey publicKey;
    private final int iterations;
    private final byte[] salt;
    private final byte[] nonce;
    private final byte[] ciphertext;

    private KeyFile(CommitteeKey publicKey, int iterations, byte[] salt, byte[] nonce, byte[] ciphertext) {
        this.publicKey = publicKey;
        this.iterations = iterations;
        this.salt = salt;
        this.nonce = nonce;
        this.ciphertext = ciphertext;
    }

    /** Wraps with a given iteration count: tests use a low one to stay fast. */
    KeyFile(MemberKey key, char[] passphrase, SecureRandom random, int iterations) {
        if (iterations < 1) {
            throw new SealingException("Key file: the PBKDF2 iteration count must be positive");
        }
        this.publicKey = key.publicKey();
        this.iterations = iterations;
        this.salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        this.nonce = new byte[Gcm.NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] wrappingKey = wrappingKey(passphrase, salt, iterations);
        byte[] pkcs8 = key.pkcs8();
        try {
            this.ciphertext = Gcm.encrypt(wrappingKey, nonce, aad(publicKey), pkcs8);
        } finally {
            Arrays.fill(wrappingKey, (byte) 0);
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** A key file protecting the key with the passphrase (600,000 PBKDF2 iterations: about a second). */
    public static KeyFile create(MemberKey key, char[] passphrase, SecureRandom random) {
        return new KeyFile(key, passphrase, random, ITERATIONS);
    }

    /** Reads a key file (its members in any order). */
    public static KeyFile fromJson(String json) {
        Fields file = Fields.of(CanonicalJson.read(json), "The key file");
        file.exactly("ciphertext", "fingerprint", "format", "kdf", "nonce", "publicKey");
        if (!FORMAT.equals(file.string("format"))) {
            throw new SealingException("This is not a BKF1 key file (format \"" + file.string("format") + "\")");
        }
        Fields kdf = file.object("kdf").exactly("iterations", "name", "salt");
        if (!KDF.equals(kdf.string("name"))) {
            throw new SealingException("Key file: unknown key derivation \"" + kdf.string("name") + "\"");
        }
        CommitteeKey publicKey = CommitteeKey.of(file.b64("publicKey", Points.POINT_LENGTH));
        if (!publicKey.fingerprint().equals(file.string("fingerprint"))) {
            throw new SealingException("Key file: the fingerprint is not the public key's");
        }
        return new KeyFile(
                publicKey,
                kdf.integer("iterations", 1, Integer.MAX_VALUE),
                kdf.b64("salt", SALT_LENGTH),
                file.b64("nonce", Gcm.NONCE_LENGTH),
                file.b64("ciphertext"));
    }

    /** The key file in canonical JSON. */
    public String toJson() {
        Map<String, @Nullable Object> kdf = new LinkedHashMap<>();
        kdf.put("name", KDF);
        kdf.put("iterations", iterations);
        kdf.put("salt", Bytes.b64(salt));
        Map<String, @Nullable Object> file = new LinkedHashMap<>();
        file.put("format", FORMAT);
        file.put("publicKey", publicKey.base64());
        file.put("fingerprint", publicKey.fingerprint());
        file.put("kdf", kdf);
        file.put("nonce", Bytes.b64(nonce));
        file.put("ciphertext", Bytes.b64(ciphertext));
        return CanonicalJson.write(file);
    }

    /**
     * The key pair, if the passphrase is right.
     *
     * @throws SealingException if the passphrase is wrong (or the file was altered)
     */
    public MemberKey open(char[] passphrase) {
        byte[] wrappingKey = wrappingKey(passphrase, salt, iterations);
        byte[] pkcs8 = Gcm.decrypt(wrappingKey, nonce, aad(publicKey), ciphertext);
        Arrays.fill(wrappingKey, (byte) 0);
        if (pkcs8 == null) {
            throw new SealingException(
                    "Wrong passphrase for the key file " + publicKey.shortFingerprint() + " (or the file was altered)");
        }
        try {
            return MemberKey.fromPkcs8(pkcs8, publicKey);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    public CommitteeKey publicKey() {
        return publicKey;
    }

    public String fingerprint() {
        return publicKey.fingerprint();
    }

    public int iterations() {
        return iterations;
    }

    /** {@code PBKDF2-SHA256(NFC(passphrase) as UTF-8, salt, iterations, 32 bytes)}. */
    static byte[] wrappingKey(char[] passphrase, byte[] salt, int iterations) {
        if (passphrase.length == 0) {
            throw new SealingException("Key file: the passphrase is empty");
        }
        // the JDK's PBKDF2 encodes the password's chars as UTF-8 (checked by KeyFileTests against HMAC-SHA256)
        char[] normalised = Normalizer.normalize(CharBuffer.wrap(passphrase), Normalizer.Form.NFC)
                .toCharArray();
        PBEKeySpec spec = new PBEKeySpec(normalised, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new SealingException("Key file: PBKDF2 failed: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
            Arrays.fill(normalised, '\0');
        }
    }

    private static byte[] aad(CommitteeKey publicKey) {
        return Bytes.utf8("BKF1|" + publicKey.fingerprint());
    }

    @Override
    public String toString() {
        return "KeyFile[" + publicKey.shortFingerprint() + "]";
    }
}
