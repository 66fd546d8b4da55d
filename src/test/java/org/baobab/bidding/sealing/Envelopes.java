// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Test fixtures: a committee of three, contexts, sealing and opening small envelopes in memory. */
final class Envelopes {

    static final List<MemberKey> MEMBERS = List.of(
            TestKeys.derive(new Drbg("member 1")),
            TestKeys.derive(new Drbg("member 2")),
            TestKeys.derive(new Drbg("member 3")));

    static final EnvelopeContext CONTEXT = new EnvelopeContext(
            UUID.fromString("6f1c3a52-9d1e-4c1b-8a0e-2b7d4e5f6a70"),
            EnvelopeContext.Kind.SINGLE,
            List.of("1"),
            "ocds-baobab-SN-2026-00042");

    static final EnvelopeContext OTHER_CONTEXT = new EnvelopeContext(
            UUID.fromString("6f1c3a52-9d1e-4c1b-8a0e-2b7d4e5f6a71"),
            EnvelopeContext.Kind.SINGLE,
            List.of("1"),
            "ocds-baobab-SN-2026-00042");

    static final byte[] BID_FORM =
            "{\"lots\":[{\"lot\":\"1\",\"price\":\"1250000\"}]}".getBytes(StandardCharsets.UTF_8);

    private Envelopes() {}

    @SuppressWarnings("ArrayRecordComponent")
    record Sealed(Manifest manifest, byte[] ciphertext, String randomLabel) {

        byte[] chunk(int index) {
            int from = index * Manifest.CIPHER_CHUNK_SIZE;
            return Arrays.copyOfRange(ciphertext, from, Math.min(ciphertext.length, from + Manifest.CIPHER_CHUNK_SIZE));
        }
    }

    @SuppressWarnings("ArrayRecordComponent")
    record File(String name, String type, byte[] content) {

        Attachment attachment() {
            return new Attachment(name, type, content.length, new ByteArrayInputStream(content));
        }
    }

    static List<CommitteeKey> committee() {
        return MEMBERS.stream().map(MemberKey::publicKey).toList();
    }

    static Sealed seal(EnvelopeContext context, String randomLabel, List<File> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Manifest manifest = Sealer.seal(
                context,
                committee(),
                2,
                BID_FORM,
                files.stream().map(File::attachment).toList(),
                out,
                new Drbg(randomLabel));
        return new Sealed(manifest, out.toByteArray(), randomLabel);
    }

    static Sealed seal(List<File> files) {
        return seal(CONTEXT, "envelope", files);
    }

    static List<byte[]> shares(Manifest manifest, int... members) {
        List<byte[]> shares = new ArrayList<>();
        for (int member : members) {
            shares.add(ShareOpener.decrypt(manifest, member, MEMBERS.get(member - 1)));
        }
        return shares;
    }

    static MemorySink open(Manifest manifest, byte[] ciphertext, int... members) {
        MemorySink sink = new MemorySink();
        Opener.open(manifest, shares(manifest, members), new ByteArrayInputStream(ciphertext), sink);
        return sink;
    }

    static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ((i * 31 + seed) % 251);
        }
        return bytes;
    }

    /** The plaintext length of an envelope with these files. */
    static long plaintextLength(List<File> files) {
        long length = 4L
                + new PartHeader("bid.json", "application/json", BID_FORM.length).canonicalBytes().length
                + BID_FORM.length;
        for (File file : files) {
            length += 4L
                    + new PartHeader(file.name(), file.type(), file.content().length).canonicalBytes().length
                    + file.content().length;
        }
        return length;
    }

    /** The files, the last one resized so that the plaintext is exactly {@code target} bytes. */
    static List<File> withPlaintextLength(List<File> files, long target) {
        List<File> result = new ArrayList<>(files);
        File last = result.get(result.size() - 1);
        for (int attempt = 0; attempt < 5; attempt++) {
            long missing = target - plaintextLength(result);
            if (missing == 0) {
                return result;
            }
            int size = (int) (last.content().length + missing);
            last = new File(last.name(), last.type(), pattern(size, 7));
            result.set(result.size() - 1, last);
        }
        throw new AssertionError("cannot reach a plaintext of " + target + " bytes");
    }

    /**
     * Encrypts an arbitrary plaintext with the data key and nonce prefix of a sealed envelope (the first 39 bytes its
     * Drbg gave), and the manifest that describes it: to test what the opener does with plaintexts no sealer writes.
     */
    static Sealed craft(Sealed original, byte[] plaintext) {
        Drbg random = new Drbg(original.randomLabel());
        byte[] dataKey = random.bytes(32);
        byte[] noncePrefix = random.bytes(7);
        Gcm gcm = new Gcm(dataKey);
        byte[] aad = original.manifest().context().hash();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int chunks = Math.max(1, (plaintext.length + Manifest.CHUNK_SIZE - 1) / Manifest.CHUNK_SIZE);
        for (int i = 0; i < chunks; i++) {
            int from = i * Manifest.CHUNK_SIZE;
            int length = Math.min(Manifest.CHUNK_SIZE, plaintext.length - from);
            byte[] nonce = Bytes.concat(noncePrefix, Bytes.u32(i), new byte[] {(byte) (i == chunks - 1 ? 1 : 0)});
            byte[] cipher = new byte[length + 16];
            gcm.encrypt(nonce, aad, Arrays.copyOfRange(plaintext, from, from + length), length, cipher);
            out.writeBytes(cipher);
        }
        byte[] ciphertext = out.toByteArray();
        Manifest manifest = original.manifest();
        return new Sealed(
                new Manifest(
                        manifest.context(),
                        ciphertext.length,
                        Bytes.hex(Bytes.sha256(ciphertext)),
                        manifest.noncePrefix(),
                        manifest.shares(),
                        manifest.threshold()),
                ciphertext,
                original.randomLabel());
    }

    /** A part as the stream holds it. */
    static byte[] part(String header, byte[] content) {
        byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
        return Bytes.concat(Bytes.u32(headerBytes.length), headerBytes, content);
    }

    static byte[] bidFormPart() {
        return part("{\"name\":\"bid.json\",\"size\":" + BID_FORM.length + ",\"type\":\"application/json\"}", BID_FORM);
    }

    static Manifest withSize(Manifest manifest, byte[] ciphertext) {
        return new Manifest(
                manifest.context(),
                ciphertext.length,
                Bytes.hex(Bytes.sha256(ciphertext)),
                manifest.noncePrefix(),
                manifest.shares(),
                manifest.threshold());
    }
}
