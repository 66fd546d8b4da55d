// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.internal;

import java.nio.file.Path;

/**
 * Bytes received and hashed but not yet in the store: a temporary local file, its SHA-256 (lower-case hex) and size.
 * {@link BlobStore#put} moves it into the store; {@link BlobStore#discard} removes it.
 */
public record StagedBlob(String sha256, long size, Path file) {}
