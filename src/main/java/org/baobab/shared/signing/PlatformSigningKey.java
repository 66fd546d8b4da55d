// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's Ed25519 key: it signs what Baobab attests (audit checkpoints now; bid receipts and transparency-log
 * heads later), so that anyone holding the public key ({@link #publicKeyBase64()}, published at {@code
 * /api/platform/signing-key}) can check those statements without trusting the platform's database.
 *
 * <p>The private key lives in {@code baobab.keys.directory/platform-ed25519.pk8} (PKCS#8, mode 600), created on first
 * start; it never enters the database and is never logged.
 */
@Component
public class PlatformSigningKey {

    static final String FILE = "platform-ed25519.pk8";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    PlatformSigningKey(@Value("${baobab.keys.directory}") Path keysDirectory) {
        KeyPair pair = loadOrCreate(keysDirectory.resolve(FILE));
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.keyId = keyId(publicKey);
    }

    /** An Ed25519 signature of the bytes. */
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether the signature of the message is this key's. */
    public boolean verify(byte[] message, byte[] signatureBytes) {
        return verify(publicKey, message, signatureBytes);
    }

    /** Checks a signature against any Ed25519 public key (e.g. an older platform key). */
    public static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The public key as Base64 of its X.509 SubjectPublicKeyInfo (DER). */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The public key in PEM, for tools such as {@code openssl pkey -pubin}. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** Hex SHA-256 of the SubjectPublicKeyInfo: names the key in every signed statement. */
    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair loadOrCreate(Path file) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (Files.exists(file)) {
                PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
                Path publicFile = file.resolveSibling("platform-ed25519.pub");
                PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile)));
                return new KeyPair(publicKey, privateKey);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.write(file, pair.getPrivate().getEncoded());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the keys directory's own protection applies
            }
            Files.write(
                    file.resolveSibling("platform-ed25519.pub"),
                    pair.getPublic().getEncoded());
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the platform signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The platform signing key " + file + " is not a valid Ed25519 key", e);
        }
    }
}
