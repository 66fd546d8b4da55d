// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Opens an envelope once k committee members have released their shares: rebuilds the data key, decrypts the
 * ciphertext chunk by chunk, and streams each part (header, then content) to a {@link PartSink}.
 *
 * <p>Everything is checked, and a failure says what went wrong: too few or inconsistent shares, a chunk that was
 * altered, reordered or duplicated, a stream cut short or extended, a ciphertext that is not the manifest's (another
 * envelope's), a wrong key, a plaintext that does not end exactly after its last part. Memory stays at one chunk
 * (64 KiB) plus a part header, whatever the envelope's size.
 */
public final class Opener {

    /** How many chunk positions a failed chunk is tried at, to tell a reordered chunk from an altered one. */
    private static final long REORDER_SEARCH_LIMIT = 16_384;

    private Opener() {}

    /**
     * Opens an envelope.
     *
     * @param manifest the envelope's manifest
     * @param shares at least {@code manifest.threshold()} decrypted shares (33 bytes each, see {@link ShareOpener});
     *     more are checked for consistency
     * @param ciphertext the ciphertext (read to its end, not closed)
     * @param sink receives the parts; provisional until this method returns
     * @return the headers of the parts, the bid form first
     * @throws SealingException saying what failed
     */
    public static List<PartHeader> open(Manifest manifest, List<byte[]> shares, InputStream ciphertext, PartSink sink) {
        byte[] dataKey = rebuildKey(manifest, shares);
        try {
            return new Decryption(manifest, dataKey, ciphertext, sink).run();
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private static byte[] rebuildKey(Manifest manifest, List<byte[]> shares) {
        if (shares.size() < manifest.threshold()) {
            throw new SealingException("Opening needs " + manifest.threshold() + " shares of the "
                    + manifest.committeeSize() + ", only " + shares.size() + " given");
        }
        for (byte[] share : shares) {
            if (share.length != EncryptedShare.SHARE_LENGTH) {
                throw new SealingException(
                        "A share is 33 bytes (its member's position and 32 bytes), not " + share.length);
            }
            int member = share[0] & 0xFF;
            if (member < 1 || member > manifest.committeeSize()) {
                throw new SealingException("A share is for member " + member + ", but the committee has members 1 to "
                        + manifest.committeeSize());
            }
        }
        return Shamir.join(shares, manifest.threshold());
    }

    private static final class Decryption {

        private final Manifest manifest;
        private final Gcm gcm;
        private final byte[] noncePrefix;
        private final byte[] aad;
        private final InputStream in;
        private final PartParser parser;
        private final MessageDigest digest = Bytes.sha256();
        private final byte[] cipher = new byte[Manifest.CIPHER_CHUNK_SIZE];
        private final byte[] plain = new byte[Manifest.CHUNK_SIZE];
        private long read;

        Decryption(Manifest manifest, byte[] dataKey, InputStream in, PartSink sink) {
            this.manifest = manifest;
            this.gcm = new Gcm(dataKey);
            this.noncePrefix = manifest.noncePrefix();
            this.aad = manifest.context().hash();
            this.in = in;
            this.parser = new PartParser(sink);
        }

        List<PartHeader> run() {
            long chunks = manifest.chunkCount();
            for (long index = 0; index < chunks; index++) {
                boolean last = index == chunks - 1;
                int length = (int) Math.min(Manifest.CIPHER_CHUNK_SIZE, manifest.ciphertextSize() - read);
                int got = readFully(cipher, length);
                if (got < length) {
                    throw new SealingException("The ciphertext is truncated: it ends after " + (read + got)
                            + " bytes, in chunk " + index + ", but the manifest announces " + manifest.ciphertextSize()
                            + " bytes (" + chunks + " chunks)");
                }
                digest.update(cipher, 0, length);
                read += length;
                int plainLength = gcm.decrypt(nonce(index, last), aad, cipher, length, plain);
                if (plainLength < 0) {
                    throw diagnose(index, last, length);
                }
                parser.feed(plain, plainLength);
            }
            long extra = drain();
            if (extra > 0) {
                throw new SealingException("Data follows the final chunk: the ciphertext is " + extra
                        + " bytes longer than the manifest announces (bytes or chunks were appended)");
            }
            if (!Bytes.hex(digest.digest()).equals(manifest.ciphertextSha256())) {
                throw new SealingException("Every chunk opened, but the ciphertext's SHA-256 is not the one in the"
                        + " manifest: the manifest was altered");
            }
            return parser.finish();
        }

        private byte[] nonce(long index, boolean last) {
            return Bytes.concat(noncePrefix, Bytes.u32(index), new byte[] {(byte) (last ? 1 : 0)});
        }

        /** Why chunk {@code index} failed to authenticate: tries the explanations from the most to the least precise. */
        private SealingException diagnose(long index, boolean last, int length) {
            byte[] scratch = new byte[Manifest.CHUNK_SIZE];
            if (gcm.decrypt(nonce(index, !last), aad, cipher, length, scratch) >= 0) {
                return last
                        ? new SealingException(
                                "Chunk " + index + " should be the final chunk but is not: the"
                                        + " ciphertext was truncated (its final chunk dropped) and the manifest altered to match")
                        : new SealingException("Chunk " + index + " is the final chunk, yet the manifest announces"
                                + " more: chunks were appended and the manifest altered to match");
            }
            long limit = Math.min(manifest.chunkCount() + 1, REORDER_SEARCH_LIMIT);
            for (long other = 0; other < limit; other++) {
                for (boolean flag : new boolean[] {false, true}) {
                    if ((other != index || flag != last)
                            && gcm.decrypt(nonce(other, flag), aad, cipher, length, scratch) >= 0) {
                        return new SealingException("Chunk " + index + " is chunk " + other + " of this envelope: the"
                                + " chunks were reordered or duplicated");
                    }
                }
            }
            if (index > 0) {
                return new SealingException("Chunk " + index + " does not authenticate: it was altered (chunk 0"
                        + " opened, so the key and the context are right)");
            }
            long extra = drain();
            boolean sameCiphertext = extra == 0
                    && read == manifest.ciphertextSize()
                    && Bytes.hex(digest.digest()).equals(manifest.ciphertextSha256());
            return sameCiphertext
                    ? new SealingException("Chunk 0 does not authenticate although the ciphertext is the one the"
                            + " manifest describes: the key rebuilt from the shares is wrong (a wrong share), or the"
                            + " manifest's context was changed after sealing")
                    : new SealingException(
                            "Chunk 0 does not authenticate and the ciphertext is not the one the manifest"
                                    + " describes (its size or SHA-256 differs): it belongs to another envelope or was altered");
        }

        /** Reads up to {@code length} bytes; fewer only at the end of the stream. */
        private int readFully(byte[] buffer, int length) {
            int total = 0;
            try {
                while (total < length) {
                    int n = in.read(buffer, total, length - total);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                }
            } catch (IOException e) {
                throw new SealingException("Could not read the ciphertext: " + e.getMessage(), e);
            }
            return total;
        }

        /** Reads the rest of the stream into the digest; the number of bytes beyond the manifest's size. */
        private long drain() {
            long before = read;
            int n;
            while ((n = readFully(cipher, cipher.length)) > 0) {
                digest.update(cipher, 0, n);
                read += n;
            }
            return Math.max(0, read - Math.max(before, manifest.ciphertextSize()));
        }
    }

    /** Splits the plaintext into parts as it arrives: length, header, content; content goes straight to the sink. */
    private static final class PartParser {

        private enum State {
            LENGTH,
            HEADER,
            CONTENT
        }

        private final PartSink sink;
        private final List<PartHeader> headers = new ArrayList<>();
        private final byte[] length = new byte[4];
        private State state = State.LENGTH;
        private byte[] header = new byte[0];
        private int filled;
        private long contentLeft;

        PartParser(PartSink sink) {
            this.sink = sink;
        }

        void feed(byte[] bytes, int count) {
            int offset = 0;
            while (offset < count) {
                switch (state) {
                    case LENGTH -> {
                        int take = Math.min(4 - filled, count - offset);
                        System.arraycopy(bytes, offset, length, filled, take);
                        filled += take;
                        offset += take;
                        if (filled == 4) {
                            long headerLength = ((length[0] & 0xFFL) << 24)
                                    | ((length[1] & 0xFF) << 16)
                                    | ((length[2] & 0xFF) << 8)
                                    | (length[3] & 0xFF);
                            if (headerLength == 0 || headerLength > PartHeader.MAX_HEADER_LENGTH) {
                                throw new SealingException("Part " + headers.size() + ": a header length of "
                                        + headerLength + " bytes (1 to 65,536 allowed)");
                            }
                            header = new byte[(int) headerLength];
                            filled = 0;
                            state = State.HEADER;
                        }
                    }
                    case HEADER -> {
                        int take = Math.min(header.length - filled, count - offset);
                        System.arraycopy(bytes, offset, header, filled, take);
                        filled += take;
                        offset += take;
                        if (filled == header.length) {
                            startPart();
                        }
                    }
                    case CONTENT -> {
                        int take = (int) Math.min(contentLeft, count - offset);
                        write(bytes, offset, take);
                        offset += take;
                        contentLeft -= take;
                        if (contentLeft == 0) {
                            endPart();
                        }
                    }
                }
            }
        }

        private void startPart() {
            int index = headers.size();
            PartHeader part;
            try {
                part = PartHeader.read(header);
            } catch (SealingException e) {
                throw new SealingException("Part " + index + " has an invalid header: " + e.getMessage(), e);
            }
            if (index == 0
                    && !(part.name().equals(PartHeader.BID_FORM_NAME)
                            && part.type().equals(PartHeader.BID_FORM_TYPE))) {
                throw new SealingException("The first part must be the bid form (bid.json, application/json), not \""
                        + part.name() + "\" (" + part.type() + ")");
            }
            headers.add(part);
            header = new byte[0];
            filled = 0;
            contentLeft = part.size();
            state = State.CONTENT;
            try {
                sink.begin(index, part);
            } catch (IOException e) {
                throw new SealingException("The part sink failed: " + e.getMessage(), e);
            }
            if (contentLeft == 0) {
                endPart();
            }
        }

        private void write(byte[] bytes, int offset, int count) {
            try {
                sink.write(bytes, offset, count);
            } catch (IOException e) {
                throw new SealingException("The part sink failed: " + e.getMessage(), e);
            }
        }

        private void endPart() {
            int index = headers.size() - 1;
            try {
                sink.end(index, headers.get(index));
            } catch (IOException e) {
                throw new SealingException("The part sink failed: " + e.getMessage(), e);
            }
            state = State.LENGTH;
            filled = 0;
        }

        List<PartHeader> finish() {
            if (state != State.LENGTH || filled != 0) {
                String where = switch (state) {
                    case LENGTH -> "the length of a header";
                    case HEADER -> "a header";
                    case CONTENT ->
                        "the content of \"" + headers.get(headers.size() - 1).name() + "\"";
                };
                throw new SealingException("The plaintext ends inside " + where + ": bytes are missing from part "
                        + (state == State.CONTENT ? headers.size() - 1 : headers.size()));
            }
            if (headers.isEmpty()) {
                throw new SealingException("The plaintext holds no part (not even the bid form)");
            }
            return List.copyOf(headers);
        }
    }
}
