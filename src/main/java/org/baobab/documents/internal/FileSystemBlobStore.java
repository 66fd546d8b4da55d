// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.baobab.documents.DocumentsErrorCode;
import org.baobab.shared.BaobabException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs in a folder: {@code <dir>/<sha[0:2]>/<sha[2:4]>/<sha>}, read-only. Uploads are staged in {@code <dir>/tmp}
 * (same file system, so the final move is an atomic rename), synced to disk before the move.
 */
public final class FileSystemBlobStore implements BlobStore {

    private static final Logger log = LoggerFactory.getLogger(FileSystemBlobStore.class);

    private final Path root;
    private final Path staging;

    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.staging = this.root.resolve("tmp");
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the document folder " + this.root, e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public StagedBlob stage(InputStream content) {
        Path temp;
        try {
            temp = Files.createTempFile(staging, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            MessageDigest digest = sha256();
            OutputStream out = Channels.newOutputStream(channel);
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            int n;
            while ((n = content.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                size += n;
            }
            channel.force(true);
            return new StagedBlob(HexFormat.of().formatHex(digest.digest()), size, temp);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    @Override
    public void put(StagedBlob staged) {
        Path target = path(staged.sha256());
        try {
            if (Files.exists(target)) {
                deleteQuietly(staged.file());
                return;
            }
            Files.createDirectories(target.getParent());
            makeReadOnly(staged.file());
            try {
                Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AccessDeniedException raced) {
                // another upload of the same bytes won the race: its blob is identical
                if (!Files.exists(target)) {
                    throw raced;
                }
                deleteQuietly(staged.file());
                return;
            }
            syncDirectory(target.getParent());
        } catch (IOException e) {
            deleteQuietly(staged.file());
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void discard(StagedBlob staged) {
        deleteQuietly(staged.file());
    }

    @Override
    public boolean exists(String sha256) {
        return BlobStore.ADDRESS.matcher(sha256).matches() && Files.isRegularFile(path(sha256));
    }

    @Override
    public InputStream open(String sha256) {
        if (!BlobStore.ADDRESS.matcher(sha256).matches()) {
            throw new BaobabException(DocumentsErrorCode.BAD_ADDRESS, sha256);
        }
        try {
            return new VerifyingInputStream(Files.newInputStream(path(sha256)), sha256);
        } catch (NoSuchFileException e) {
            throw new BaobabException(DocumentsErrorCode.UNKNOWN_DOCUMENT, sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String sha256) {
        if (!BlobStore.ADDRESS.matcher(sha256).matches()) {
            throw new BaobabException(DocumentsErrorCode.BAD_ADDRESS, sha256);
        }
        try {
            Files.deleteIfExists(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the blob of that SHA-256 lives (whether or not it exists). */
    public Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    private static void makeReadOnly(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("r--r-----"));
        } else if (!file.toFile().setReadOnly()) {
            log.warn("Could not make {} read-only", file);
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system lets a directory be synced; the rename itself is atomic
            log.debug("Could not sync {}", directory, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary file {}", file, e);
        }
    }
}
