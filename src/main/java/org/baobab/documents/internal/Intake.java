// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import org.baobab.documents.DocumentsErrorCode;
import org.baobab.shared.BaobabException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Receives an upload: stages it (refusing it as soon as it passes the size limit), then sniffs its type. A refused
 * upload leaves no file behind.
 */
@Component
public class Intake {

    /** An upload that passed every check, staged but not yet stored. */
    public record Accepted(StagedBlob blob, String contentType) {}

    private final BlobStore blobs;
    private final ContentTypes contentTypes;
    private final long maxBytes;

    public Intake(BlobStore blobs, ContentTypes contentTypes, DocumentsProperties properties) {
        this.blobs = blobs;
        this.contentTypes = contentTypes;
        this.maxBytes = properties.maxSize().toBytes();
    }

    public Accepted accept(InputStream content, String fileName, @Nullable String declaredType) {
        StagedBlob staged = blobs.stage(new LimitedInputStream(content, maxBytes, fileName));
        try {
            return new Accepted(staged, contentTypes.check(staged.file(), fileName, declaredType));
        } catch (RuntimeException e) {
            blobs.discard(staged);
            throw e;
        }
    }

    /**
     * Stages a sealed envelope's ciphertext: opaque bytes, whose type cannot be sniffed, accepted only with the size
     * and SHA-256 announced before the upload.
     */
    public StagedBlob acceptSealed(InputStream content, long maxBytes, long size, String sha256) {
        StagedBlob staged = blobs.stage(new LimitedInputStream(content, maxBytes, "envelope"));
        if (staged.size() != size || !staged.sha256().equals(sha256)) {
            blobs.discard(staged);
            throw new BaobabException(DocumentsErrorCode.SEALED_MISMATCH, size, sha256);
        }
        return staged;
    }

    /** A clean file name: no folder part, no control characters, at most 200 characters, never empty. */
    public static String cleanName(@Nullable String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "").strip();
        if (name.length() > 200) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            name = name.substring(0, 200 - extension.length()) + extension;
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "document" : name;
    }

    /** Fails with {@code DOCUMENTS-0001} as soon as more than the limit has been read. */
    private static final class LimitedInputStream extends InputStream {

        private final InputStream in;
        private final long limit;
        private final String fileName;
        private long count;

        LimitedInputStream(InputStream in, long limit, String fileName) {
            this.in = in;
            this.limit = limit;
            this.fileName = fileName;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw new BaobabException(
                        DocumentsErrorCode.TOO_LARGE, fileName, Math.max(1, Math.round(limit / 1048576.0)));
            }
        }
    }
}
