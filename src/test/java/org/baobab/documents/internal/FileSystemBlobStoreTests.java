// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import org.baobab.documents.DocumentsErrorCode;
import org.baobab.documents.Samples;
import org.baobab.shared.BaobabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTests {

    @TempDir
    Path folder;

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static long regularFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void storesUnderTheSha256ReadOnlyAndReadsBack() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(folder);
        byte[] bytes = Samples.pdf();
        String sha = sha256(bytes);

        StagedBlob staged = store.stage(new ByteArrayInputStream(bytes));
        assertThat(staged.sha256()).isEqualTo(sha);
        assertThat(staged.size()).isEqualTo(bytes.length);
        assertThat(staged.file()).startsWith(folder.resolve("tmp"));
        store.put(staged);

        Path blob =
                folder.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertThat(blob).exists().hasBinaryContent(bytes);
        assertThat(Files.getPosixFilePermissions(blob))
                .doesNotContain(
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.GROUP_WRITE,
                        PosixFilePermission.OTHERS_WRITE);
        assertThat(staged.file()).doesNotExist();
        assertThat(store.exists(sha)).isTrue();
        try (InputStream in = store.open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void theSameBytesTwiceMakeOneBlob() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(folder);
        byte[] bytes = Samples.png();
        store.put(store.stage(new ByteArrayInputStream(bytes)));
        StagedBlob again = store.stage(new ByteArrayInputStream(bytes));
        store.put(again);

        assertThat(again.file()).doesNotExist();
        assertThat(regularFiles(folder)).isEqualTo(1);
    }

    @Test
    void aBlobChangedOnDiskFailsWhenRead() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(folder);
        byte[] bytes = Samples.pdf();
        String sha = sha256(bytes);
        store.put(store.stage(new ByteArrayInputStream(bytes)));

        Path blob = store.path(sha);
        Files.setPosixFilePermissions(blob, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        byte[] altered = bytes.clone();
        altered[20] ^= 1;
        Files.write(blob, altered);

        try (InputStream in = store.open(sha)) {
            assertThatThrownBy(in::readAllBytes)
                    .isInstanceOf(BaobabException.class)
                    .extracting(e -> ((BaobabException) e).errorCode())
                    .isEqualTo(DocumentsErrorCode.INTEGRITY_FAILURE);
        }
        try (InputStream in = store.open(sha)) {
            assertThatThrownBy(() -> in.skip(Long.MAX_VALUE)).isInstanceOf(BaobabException.class);
        }
    }

    @Test
    void aFailedUploadLeavesNoFile() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(folder);
        InputStream broken = new InputStream() {
            private int count;

            @Override
            public int read() throws IOException {
                if (++count > 1000) {
                    throw new IOException("connection reset");
                }
                return 'a';
            }
        };
        assertThatThrownBy(() -> store.stage(broken)).hasRootCauseMessage("connection reset");
        assertThat(regularFiles(folder)).isZero();
    }

    @Test
    void unknownAndMalformedAddressesAreRefused() {
        FileSystemBlobStore store = new FileSystemBlobStore(folder);
        assertThatThrownBy(() -> store.open("0".repeat(64)))
                .extracting(e -> ((BaobabException) e).errorCode())
                .isEqualTo(DocumentsErrorCode.UNKNOWN_DOCUMENT);
        assertThatThrownBy(() -> store.open("../../etc/passwd"))
                .extracting(e -> ((BaobabException) e).errorCode())
                .isEqualTo(DocumentsErrorCode.BAD_ADDRESS);
        assertThat(store.exists("../x")).isFalse();
    }
}
