// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.internal;

import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Immutable, content-addressed storage of bytes: a blob's address is the SHA-256 of its content, it is never changed
 * once written, and reading it checks that the bytes still hash to that address. {@link FileSystemBlobStore} keeps
 * blobs in a folder; an S3-compatible implementation would stage locally and upload in {@link #put}.
 */
public interface BlobStore {

    /** A SHA-256 in lower-case hexadecimal, the only form of address accepted. */
    Pattern ADDRESS = Pattern.compile("[0-9a-f]{64}");

    /**
     * Copies the stream into a temporary file while hashing and counting it. If reading fails (including a size
     * limit enforced by the stream), the temporary file is removed and the exception propagates.
     */
    StagedBlob stage(InputStream content);

    /** Makes the staged bytes permanent under their SHA-256; if that blob exists already, only drops the staged file. */
    void put(StagedBlob staged);

    /** Removes a staged file that will not be stored; harmless if {@link #put} already took it. */
    void discard(StagedBlob staged);

    boolean exists(String sha256);

    /**
     * The blob's bytes. The stream throws {@code DOCUMENTS-0006} when it reaches the end if the bytes no longer hash
     * to {@code sha256}; {@code DOCUMENTS-0004} if there is no such blob.
     */
    InputStream open(String sha256);

    /** Removes the blob, if there is one: only for sealed envelopes' ciphertext that no bid uses. */
    void delete(String sha256);
}
