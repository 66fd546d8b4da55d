// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baobab.bidding.sealing.Envelopes.MEMBERS;
import static org.baobab.bidding.sealing.Envelopes.OTHER_CONTEXT;
import static org.baobab.bidding.sealing.Envelopes.bidFormPart;
import static org.baobab.bidding.sealing.Envelopes.part;
import static org.baobab.bidding.sealing.Envelopes.pattern;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.baobab.bidding.sealing.Envelopes.File;
import org.baobab.bidding.sealing.Envelopes.Sealed;
import org.junit.jupiter.api.Test;

/** Every way an envelope can be damaged or misused fails, and says which. */
class SealingTamperTests {

    /** Three full chunks: 196,608 bytes of plaintext. */
    private static final List<File> FILES = Envelopes.withPlaintextLength(
            List.of(new File("offre.pdf", "application/pdf", pattern(10, 3))), 3 * 65_536);

    private final Sealed sealed = Envelopes.seal(FILES);

    @Test
    void aTamperedChunk() {
        byte[] ciphertext = sealed.ciphertext().clone();
        ciphertext[65_552 + 1000] ^= 1;

        assertOpeningFails(
                sealed.manifest(),
                ciphertext,
                "Chunk 1 does not authenticate: it was altered (chunk 0 opened, so the key and the context are right)");
    }

    @Test
    void aTamperedTagOfTheFinalChunk() {
        byte[] ciphertext = sealed.ciphertext().clone();
        ciphertext[ciphertext.length - 1] ^= (byte) 0x80;

        assertOpeningFails(sealed.manifest(), ciphertext, "Chunk 2 does not authenticate: it was altered");
    }

    @Test
    void reorderedChunks() {
        byte[] ciphertext = Bytes.concat(sealed.chunk(1), sealed.chunk(0), sealed.chunk(2));

        assertOpeningFails(
                sealed.manifest(),
                ciphertext,
                "Chunk 0 is chunk 1 of this envelope: the chunks were reordered or duplicated");
    }

    @Test
    void aDuplicatedChunk() {
        byte[] ciphertext = Bytes.concat(sealed.chunk(0), sealed.chunk(0), sealed.chunk(2));

        assertOpeningFails(
                sealed.manifest(),
                ciphertext,
                "Chunk 1 is chunk 0 of this envelope: the chunks were reordered or duplicated");
    }

    @Test
    void aDroppedLastChunk() {
        byte[] ciphertext = Bytes.concat(sealed.chunk(0), sealed.chunk(1));

        assertOpeningFails(
                sealed.manifest(),
                ciphertext,
                "The ciphertext is truncated: it ends after 131104 bytes, in chunk 2, but the manifest announces 196656"
                        + " bytes (3 chunks)");
    }

    @Test
    void aDroppedLastChunkWithTheManifestAlteredToMatch() {
        byte[] ciphertext = Bytes.concat(sealed.chunk(0), sealed.chunk(1));

        assertOpeningFails(
                Envelopes.withSize(sealed.manifest(), ciphertext),
                ciphertext,
                "Chunk 1 should be the final chunk but is not: the ciphertext was truncated");
    }

    @Test
    void aStreamCutInsideAChunk() {
        byte[] ciphertext = Arrays.copyOf(sealed.ciphertext(), sealed.ciphertext().length - 10);

        assertOpeningFails(sealed.manifest(), ciphertext, "The ciphertext is truncated: it ends after 196646 bytes");
    }

    @Test
    void anAppendedChunk() {
        byte[] ciphertext = Bytes.concat(sealed.ciphertext(), sealed.chunk(1));

        assertOpeningFails(
                sealed.manifest(),
                ciphertext,
                "Data follows the final chunk: the ciphertext is 65552 bytes longer than the manifest announces");
    }

    @Test
    void anAppendedChunkWithTheManifestAlteredToMatch() {
        byte[] ciphertext = Bytes.concat(sealed.ciphertext(), sealed.chunk(1));

        assertOpeningFails(
                Envelopes.withSize(sealed.manifest(), ciphertext),
                ciphertext,
                "Chunk 2 is the final chunk, yet the manifest announces more: chunks were appended");
    }

    @Test
    void theCiphertextOfAnotherEnvelope() {
        // the same randomness, so the same data key and nonces: only the context tells the two envelopes apart
        Sealed other = Envelopes.seal(OTHER_CONTEXT, "envelope", FILES);

        assertOpeningFails(
                sealed.manifest(),
                other.ciphertext(),
                "Chunk 0 does not authenticate and the ciphertext is not the one the manifest describes (its size or"
                        + " SHA-256 differs): it belongs to another envelope or was altered");
    }

    @Test
    void aManifestMovedToAnotherEnvelope() {
        Manifest moved = new Manifest(
                OTHER_CONTEXT,
                sealed.manifest().ciphertextSize(),
                sealed.manifest().ciphertextSha256(),
                sealed.manifest().noncePrefix(),
                sealed.manifest().shares(),
                2);

        assertThatThrownBy(() -> ShareOpener.decrypt(moved, 1, MEMBERS.get(0)))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("Member 1's share does not open")
                .hasMessageContaining("sealed for another envelope (context)");
        // shares decrypted before the move: the stream itself refuses the other context
        List<byte[]> shares = Envelopes.shares(sealed.manifest(), 1, 2);
        assertThatThrownBy(() ->
                        Opener.open(moved, shares, new ByteArrayInputStream(sealed.ciphertext()), new MemorySink()))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("the manifest's context was changed after sealing");
    }

    @Test
    void aWrongShare() {
        List<byte[]> shares = Envelopes.shares(sealed.manifest(), 1, 2);
        shares.get(1)[5] ^= 1;

        assertThatThrownBy(() -> Opener.open(
                        sealed.manifest(), shares, new ByteArrayInputStream(sealed.ciphertext()), new MemorySink()))
                .isInstanceOf(SealingException.class)
                .hasMessage("Chunk 0 does not authenticate although the ciphertext is the one the manifest describes:"
                        + " the key rebuilt from the shares is wrong (a wrong share), or the manifest's context was"
                        + " changed after sealing");
    }

    @Test
    void aWrongShareAmongMoreThanTheThreshold() {
        List<byte[]> shares = Envelopes.shares(sealed.manifest(), 1, 2, 3);
        shares.get(2)[5] ^= 1;

        assertThatThrownBy(() -> Opener.open(
                        sealed.manifest(), shares, new ByteArrayInputStream(sealed.ciphertext()), new MemorySink()))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("the shares are inconsistent: share x=3");
    }

    @Test
    void oneShareLessThanTheThreshold() {
        List<byte[]> shares = Envelopes.shares(sealed.manifest(), 3);

        assertThatThrownBy(() -> Opener.open(
                        sealed.manifest(), shares, new ByteArrayInputStream(sealed.ciphertext()), new MemorySink()))
                .isInstanceOf(SealingException.class)
                .hasMessage("Opening needs 2 shares of the 3, only 1 given");
    }

    @Test
    void aShareForNoMember() {
        List<byte[]> shares = Envelopes.shares(sealed.manifest(), 1, 2);
        shares.get(1)[0] = 4;

        assertThatThrownBy(() -> Opener.open(
                        sealed.manifest(), shares, new ByteArrayInputStream(sealed.ciphertext()), new MemorySink()))
                .isInstanceOf(SealingException.class)
                .hasMessage("A share is for member 4, but the committee has members 1 to 3");
    }

    @Test
    void anotherMembersKey() {
        assertThatThrownBy(() -> ShareOpener.decrypt(sealed.manifest(), 2, MEMBERS.get(0)))
                .isInstanceOf(SealingException.class)
                .hasMessageStartingWith(
                        "The key " + MEMBERS.get(0).publicKey().shortFingerprint() + " is not member 2's");
    }

    @Test
    void aManifestWhoseHashWasAltered() {
        Manifest altered = new Manifest(
                sealed.manifest().context(),
                sealed.manifest().ciphertextSize(),
                "00".repeat(32),
                sealed.manifest().noncePrefix(),
                sealed.manifest().shares(),
                2);

        assertOpeningFails(
                altered,
                sealed.ciphertext(),
                "Every chunk opened, but the ciphertext's SHA-256 is not the one in the manifest: the manifest was altered");
    }

    @Test
    void aPlaintextThatEndsInsideAPart() {
        Sealed crafted = Envelopes.craft(
                sealed, Bytes.concat(bidFormPart(), Bytes.u32(200), "{\"name\"".getBytes(StandardCharsets.UTF_8)));

        assertOpeningFails(
                crafted.manifest(),
                crafted.ciphertext(),
                "The plaintext ends inside a header: bytes are missing from part 1");
    }

    @Test
    void aPlaintextWithBytesLeftAfterTheLastPart() {
        Sealed crafted = Envelopes.craft(sealed, Bytes.concat(bidFormPart(), new byte[] {0, 0}));

        assertOpeningFails(
                crafted.manifest(),
                crafted.ciphertext(),
                "The plaintext ends inside the length of a header: bytes are missing from part 1");
    }

    @Test
    void aPartAnnouncingMoreThanRemains() {
        Sealed crafted = Envelopes.craft(
                sealed,
                Bytes.concat(
                        bidFormPart(),
                        part("{\"name\":\"a.pdf\",\"size\":100,\"type\":\"application/pdf\"}", new byte[60])));

        assertOpeningFails(
                crafted.manifest(),
                crafted.ciphertext(),
                "The plaintext ends inside the content of \"a.pdf\": bytes are missing from part 1");
    }

    @Test
    void aFirstPartThatIsNotTheBidForm() {
        Sealed crafted = Envelopes.craft(
                sealed, part("{\"name\":\"a.pdf\",\"size\":1,\"type\":\"application/pdf\"}", new byte[1]));

        assertOpeningFails(
                crafted.manifest(),
                crafted.ciphertext(),
                "The first part must be the bid form (bid.json, application/json), not \"a.pdf\" (application/pdf)");
    }

    @Test
    void headersThatAreNotCanonicalOrHaveOtherMembers() {
        Sealed spaced = Envelopes.craft(
                sealed,
                Bytes.concat(
                        bidFormPart(),
                        part("{\"name\":\"a.pdf\", \"size\":1,\"type\":\"application/pdf\"}", new byte[1])));
        Sealed extra = Envelopes.craft(
                sealed,
                Bytes.concat(
                        bidFormPart(),
                        part(
                                "{\"name\":\"a.pdf\",\"path\":\"/tmp\",\"size\":1,\"type\":\"application/pdf\"}",
                                new byte[1])));
        Sealed empty = Envelopes.craft(sealed, Bytes.concat(bidFormPart(), Bytes.u32(0)));

        assertOpeningFails(
                spaced.manifest(),
                spaced.ciphertext(),
                "Part 1 has an invalid header: Part header: the header of \"a.pdf\" is not canonical JSON");
        assertOpeningFails(
                extra.manifest(),
                extra.ciphertext(),
                "Part 1 has an invalid header: A part header must have exactly the members [name, size, type]; unknown [path]");
        assertOpeningFails(empty.manifest(), empty.ciphertext(), "Part 1: a header length of 0 bytes");
    }

    private static void assertOpeningFails(Manifest manifest, byte[] ciphertext, String message) {
        List<byte[]> shares = new ArrayList<>(Envelopes.shares(manifest, 1, 2));
        assertThatThrownBy(() -> Opener.open(manifest, shares, new ByteArrayInputStream(ciphertext), new MemorySink()))
                .isInstanceOf(SealingException.class)
                .hasMessageStartingWith(message);
    }
}
