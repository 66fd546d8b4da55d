// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * Seals an envelope (docs/sealing-format.md): the bid form and the files become one plaintext stream of parts,
 * encrypted chunk by chunk with a fresh data key, which is split into one share per committee member, each encrypted to
 * that member's key.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(ciphertextFile)) {
 *     Manifest manifest = Sealer.seal(context, committee, 2, bidFormJson, List.of(
 *             new Attachment("offer.pdf", "application/pdf", size, Files.newInputStream(pdf))), out, new SecureRandom());
 *     // upload manifest.toJson() and the ciphertext; keep manifest.envelopeHash() to check the receipt
 * }
 * }</pre>
 *
 * <p>Streaming: at most one 64 KiB chunk of plaintext (and its ciphertext) is in memory, whatever the files' sizes.
 */
public final class Sealer {

    /** Where the ephemeral key pairs of the shares come from: fresh ones, or the test vectors' fixed ones. */
    @FunctionalInterface
    interface EphemeralKeys {
        MemberKey next(int member);
    }

    private Sealer() {}

    /**
     * Seals an envelope.
     *
     * @param context where the envelope belongs
     * @param committee the committee's keys, in order: member {@code j} is at index {@code j − 1}
     * @param threshold how many members must release their shares to open it (2 to n)
     * @param bidForm the bid form, canonical JSON in UTF-8 (the first part, {@code bid.json})
     * @param files the other parts, in order; each stream is read for exactly its declared size and not closed
     * @param ciphertextOut receives the ciphertext (not closed)
     * @param random the source of the data key, nonces, Shamir coefficients and ephemeral keys
     * @return the manifest, with the ciphertext's size and SHA-256
     * @throws SealingException if an argument is invalid, a file is shorter or longer than declared, or writing fails
     */
    public static Manifest seal(
            EnvelopeContext context,
            List<CommitteeKey> committee,
            int threshold,
            byte[] bidForm,
            List<Attachment> files,
            OutputStream ciphertextOut,
            SecureRandom random) {
        return seal(
                context,
                committee,
                threshold,
                bidForm,
                files,
                ciphertextOut,
                random,
                member -> MemberKey.generate(random));
    }

    static Manifest seal(
            EnvelopeContext context,
            List<CommitteeKey> committee,
            int threshold,
            byte[] bidForm,
            List<Attachment> files,
            OutputStream ciphertextOut,
            SecureRandom random,
            EphemeralKeys ephemeralKeys) {
        checkCommittee(committee, threshold);
        checkBidForm(bidForm);
        List<PartHeader> headers = new ArrayList<>();
        List<InputStream> contents = new ArrayList<>();
        headers.add(new PartHeader(PartHeader.BID_FORM_NAME, PartHeader.BID_FORM_TYPE, bidForm.length));
        contents.add(new ByteArrayInputStream(bidForm));
        for (Attachment file : files) {
            headers.add(file.header());
            contents.add(file.content());
        }
        List<byte[]> headerBytes = new ArrayList<>();
        long plaintextSize = 0;
        for (PartHeader header : headers) {
            byte[] bytes = header.canonicalBytes();
            headerBytes.add(bytes);
            plaintextSize += 4L + bytes.length + header.size();
        }
        long chunks = (plaintextSize + Manifest.CHUNK_SIZE - 1) / Manifest.CHUNK_SIZE;
        long ciphertextSize = plaintextSize + chunks * Gcm.TAG_LENGTH;
        if (ciphertextSize > CanonicalJson.MAX_INTEGER || chunks > 0xFFFF_FFFFL) {
            throw new SealingException("The envelope is too large to seal");
        }

        byte[] dataKey = new byte[Gcm.KEY_LENGTH];
        random.nextBytes(dataKey);
        byte[] noncePrefix = new byte[Manifest.NONCE_PREFIX_LENGTH];
        random.nextBytes(noncePrefix);
        List<byte[]> shares = Shamir.split(dataKey, committee.size(), threshold, random);
        try {
            List<EncryptedShare> encrypted = new ArrayList<>();
            for (int j = 1; j <= committee.size(); j++) {
                encrypted.add(encryptShare(context, j, committee.get(j - 1), shares.get(j - 1), ephemeralKeys, random));
            }
            ChunkWriter writer = new ChunkWriter(dataKey, noncePrefix, context.hash(), chunks, ciphertextOut);
            for (int i = 0; i < headers.size(); i++) {
                writer.write(Bytes.u32(headerBytes.get(i).length));
                writer.write(headerBytes.get(i));
                writer.copy(headers.get(i), contents.get(i));
            }
            writer.finish();
            return new Manifest(
                    context, writer.written, Bytes.hex(writer.digest.digest()), noncePrefix, encrypted, threshold);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            for (byte[] share : shares) {
                Arrays.fill(share, (byte) 0);
            }
        }
    }

    private static EncryptedShare encryptShare(
            EnvelopeContext context,
            int member,
            CommitteeKey memberKey,
            byte[] share,
            EphemeralKeys ephemeralKeys,
            SecureRandom random) {
        MemberKey ephemeral = ephemeralKeys.next(member);
        byte[] ephemeralPoint = ephemeral.publicKey().point();
        byte[] z = ephemeral.agree(memberKey.point());
        byte[] kek = ShareOpener.shareKey(z, ephemeralPoint, memberKey.point(), context);
        byte[] nonce = new byte[Gcm.NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] ciphertext = Gcm.encrypt(kek, nonce, ShareOpener.aad(context, member), share);
        Arrays.fill(kek, (byte) 0);
        Arrays.fill(z, (byte) 0);
        return new EncryptedShare(member, memberKey.fingerprint(), ephemeralPoint, nonce, ciphertext);
    }

    private static void checkCommittee(List<CommitteeKey> committee, int threshold) {
        if (committee.size() < 2 || committee.size() > Shamir.MAX_SHARES) {
            throw new SealingException("A committee has 2 to 255 members, not " + committee.size());
        }
        if (threshold < 2 || threshold > committee.size()) {
            throw new SealingException("The threshold must be between 2 and the committee's size " + committee.size()
                    + ", not " + threshold);
        }
        if (new HashSet<>(committee).size() != committee.size()) {
            throw new SealingException("The same key appears twice in the committee");
        }
    }

    private static void checkBidForm(byte[] bidForm) {
        String json = CanonicalJson.decodeUtf8(bidForm);
        if (!CanonicalJson.isCanonical(json)) {
            throw new SealingException(
                    "The bid form must be canonical JSON (sorted keys, no white space, integers only)");
        }
    }

    /** Cuts the plaintext into chunks, encrypts each one when it is full (or the last), hashes what it writes. */
    private static final class ChunkWriter {

        private final Gcm gcm;
        private final byte[] noncePrefix;
        private final byte[] aad;
        private final long chunks;
        private final OutputStream out;
        private final byte[] plain = new byte[Manifest.CHUNK_SIZE];
        private final byte[] cipher = new byte[Manifest.CIPHER_CHUNK_SIZE];
        final MessageDigest digest = Bytes.sha256();
        private int filled;
        private long index;
        long written;

        ChunkWriter(byte[] dataKey, byte[] noncePrefix, byte[] aad, long chunks, OutputStream out) {
            this.gcm = new Gcm(dataKey);
            this.noncePrefix = noncePrefix;
            this.aad = aad;
            this.chunks = chunks;
            this.out = out;
        }

        void write(byte[] bytes) {
            int offset = 0;
            while (offset < bytes.length) {
                flushIfFull();
                int take = Math.min(bytes.length - offset, plain.length - filled);
                System.arraycopy(bytes, offset, plain, filled, take);
                filled += take;
                offset += take;
            }
        }

        /** Reads exactly {@code header.size()} bytes of the part straight into the chunk buffer. */
        void copy(PartHeader header, InputStream content) {
            long remaining = header.size();
            try {
                while (remaining > 0) {
                    flushIfFull();
                    int read = content.read(plain, filled, (int) Math.min(remaining, plain.length - filled));
                    if (read < 0) {
                        throw new SealingException("The file \"" + header.name() + "\" ended after "
                                + (header.size() - remaining) + " bytes; its declared size is " + header.size());
                    }
                    filled += read;
                    remaining -= read;
                }
                if (content.read() >= 0) {
                    throw new SealingException(
                            "The file \"" + header.name() + "\" is longer than its declared size " + header.size());
                }
            } catch (IOException e) {
                throw new SealingException("Could not read the file \"" + header.name() + "\": " + e.getMessage(), e);
            }
        }

        /** A full buffer is encrypted only once more plaintext comes, so the last chunk is never mistaken. */
        private void flushIfFull() {
            if (filled == plain.length) {
                encrypt(false);
            }
        }

        void finish() {
            encrypt(true);
            if (index != chunks) {
                throw new IllegalStateException("Sealed " + index + " chunks instead of " + chunks);
            }
        }

        private void encrypt(boolean last) {
            if (last != (index == chunks - 1)) {
                throw new IllegalStateException("Chunk " + index + " of " + chunks + " flagged last=" + last);
            }
            byte[] nonce = Bytes.concat(noncePrefix, Bytes.u32(index), new byte[] {(byte) (last ? 1 : 0)});
            int length = gcm.encrypt(nonce, aad, plain, filled, cipher);
            try {
                out.write(cipher, 0, length);
            } catch (IOException e) {
                throw new SealingException("Could not write the ciphertext: " + e.getMessage(), e);
            }
            digest.update(cipher, 0, length);
            written += length;
            index++;
            filled = 0;
        }
    }
}
