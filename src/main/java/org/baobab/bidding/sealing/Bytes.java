// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Encodings and small primitives shared by the package: base64 and hex as the format writes them, SHA-256, HMAC. */
final class Bytes {

    private static final HexFormat HEX = HexFormat.of();

    private Bytes() {}

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes standard base64 with padding, refusing anything that would not be written back identically (white
     * space, missing padding, non-zero trailing bits), so that a hashed document has a single spelling.
     */
    static byte[] fromB64(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SealingException(what + " is not valid base64");
        }
        if (!b64(bytes).equals(text)) {
            throw new SealingException(what + " is not in canonical base64 (standard alphabet, with padding)");
        }
        return bytes;
    }

    static byte[] fromB64(String text, String what, int length) {
        byte[] bytes = fromB64(text, what);
        if (bytes.length != length) {
            throw new SealingException(what + " must be " + length + " bytes, not " + bytes.length);
        }
        return bytes;
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Checks lower-case hexadecimal of a SHA-256 (64 digits). */
    static String requireSha256Hex(String text, String what) {
        if (text.length() != 64) {
            throw new SealingException(what + " must be 64 lower-case hexadecimal digits");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new SealingException(what + " must be 64 lower-case hexadecimal digits");
            }
        }
        return text;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] u32(long value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    static byte[] hmacSha256(byte[] key, byte[]... message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : message) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no HMAC-SHA256", e);
        }
    }
}
