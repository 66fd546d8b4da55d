// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.baobab.documents.DocumentsErrorCode;
import org.baobab.shared.BaobabException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hashes what is read and, at the end of the stream, refuses bytes that do not match the expected SHA-256. */
final class VerifyingInputStream extends InputStream {

    private static final Logger log = LoggerFactory.getLogger(VerifyingInputStream.class);

    private final InputStream in;
    private final String expected;
    private final MessageDigest digest = FileSystemBlobStore.sha256();
    private boolean verified;

    VerifyingInputStream(InputStream in, String expected) {
        this.in = in;
        this.expected = expected;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b == -1) {
            verify();
        } else {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n == -1) {
            verify();
        } else {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    /** Skipping still reads, so that the hash covers every byte. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read == -1) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void verify() {
        if (verified) {
            return;
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        verified = true;
        if (!actual.equals(expected)) {
            log.error("Integrity failure: blob {} now hashes to {}", expected, actual);
            throw new BaobabException(DocumentsErrorCode.INTEGRITY_FAILURE, expected);
        }
    }
}
