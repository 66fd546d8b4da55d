// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB file is sealed and opened through streams, never whole in memory: the plaintext is generated on the fly
 * (byte i is i mod 251), the ciphertext goes to a temporary file, and counting streams check that neither side ever
 * holds more than one chunk ahead of what it has written.
 */
class SealingStreamTests {

    private static final long SIZE = 50L * 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    void fiftyMegabytesAreSealedAndOpenedWithOneChunkInMemory() throws IOException {
        Path ciphertextFile = directory.resolve("envelope.bin");
        long prefix = Envelopes.plaintextLength(
                        List.of(new Envelopes.File("big.bin", "application/octet-stream", new byte[0])))
                + Long.toString(SIZE).length()
                - 1;
        PatternStream plaintext = new PatternStream(SIZE);
        Manifest manifest;
        long sealStart = System.nanoTime();
        try (CountingOutputStream out =
                new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(ciphertextFile), 1 << 16))) {
            plaintext.lagProbe = () -> plaintext.consumed + prefix - out.plaintextWritten();
            manifest = Sealer.seal(
                    Envelopes.CONTEXT,
                    Envelopes.committee(),
                    2,
                    Envelopes.BID_FORM,
                    List.of(new Attachment("big.bin", "application/octet-stream", SIZE, plaintext)),
                    out,
                    new Drbg("big envelope"));
        }
        double sealSeconds = (System.nanoTime() - sealStart) / 1e9;

        assertThat(plaintext.consumed).isEqualTo(SIZE);
        assertThat(plaintext.maxLag).as("plaintext read but not yet sealed").isLessThanOrEqualTo(Manifest.CHUNK_SIZE);
        assertThat(Files.size(ciphertextFile)).isEqualTo(manifest.ciphertextSize());

        List<byte[]> shares = Envelopes.shares(manifest, 1, 3);
        CheckingSink sink = new CheckingSink();
        long openStart = System.nanoTime();
        try (CountingInputStream in = new CountingInputStream(Files.newInputStream(ciphertextFile))) {
            in.lagProbe = () -> plaintextOf(in.count) - sink.delivered;
            List<PartHeader> headers = Opener.open(manifest, shares, in, sink);
            assertThat(headers).extracting(PartHeader::size).containsExactly((long) Envelopes.BID_FORM.length, SIZE);
            assertThat(in.maxLag)
                    .as("ciphertext read but not yet delivered")
                    .isLessThanOrEqualTo(Manifest.CHUNK_SIZE + 1024);
        }
        double openSeconds = (System.nanoTime() - openStart) / 1e9;

        assertThat(sink.fileBytes).isEqualTo(SIZE);
        assertThat(sink.mismatches).isZero();
        System.out.printf(
                Locale.ROOT,
                "BSE1 50 MiB: seal %.1f MiB/s (%.2f s), open %.1f MiB/s (%.2f s)%n",
                SIZE / 1048576.0 / sealSeconds,
                sealSeconds,
                SIZE / 1048576.0 / openSeconds,
                openSeconds);
    }

    /** How much plaintext so many bytes of ciphertext hold (each chunk's tag aside). */
    static long plaintextOf(long ciphertextBytes) {
        long fullChunks = ciphertextBytes / Manifest.CIPHER_CHUNK_SIZE;
        long rest = ciphertextBytes % Manifest.CIPHER_CHUNK_SIZE;
        return fullChunks * Manifest.CHUNK_SIZE + Math.max(0, rest - 16);
    }

    /** Byte i is i mod 251; records how far reading runs ahead of what the sealer has written. */
    private static final class PatternStream extends InputStream {

        private final long size;
        long consumed;
        long maxLag;
        java.util.function.LongSupplier lagProbe = () -> 0;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (consumed == size) {
                return -1;
            }
            int count = (int) Math.min(length, size - consumed);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = (byte) ((consumed + i) % 251);
            }
            consumed += count;
            maxLag = Math.max(maxLag, lagProbe.getAsLong());
            return count;
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {

        long written;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            written += length;
        }

        long plaintextWritten() {
            return plaintextOf(written);
        }
    }

    private static final class CountingInputStream extends java.io.FilterInputStream {

        long count;
        long maxLag;
        java.util.function.LongSupplier lagProbe = () -> 0;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count += n;
                maxLag = Math.max(maxLag, lagProbe.getAsLong());
            }
            return n;
        }
    }

    /** Checks the opened file against the pattern as it streams by; keeps nothing. */
    private static final class CheckingSink implements PartSink {

        long delivered;
        long fileBytes;
        long mismatches;
        private int part;

        @Override
        public void begin(int index, PartHeader header) {
            part = index;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            delivered += length;
            if (part == 1) {
                for (int i = 0; i < length; i++) {
                    if (bytes[offset + i] != (byte) ((fileBytes + i) % 251)) {
                        mismatches++;
                    }
                }
                fileBytes += length;
            }
        }

        @Override
        public void end(int index, PartHeader header) {}
    }
}
