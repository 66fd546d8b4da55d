// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baobab.bidding.sealing.Envelopes.BID_FORM;
import static org.baobab.bidding.sealing.Envelopes.CONTEXT;
import static org.baobab.bidding.sealing.Envelopes.MEMBERS;
import static org.baobab.bidding.sealing.Envelopes.pattern;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.baobab.bidding.sealing.Envelopes.File;
import org.baobab.bidding.sealing.Envelopes.Sealed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealingRoundTripTests {

    private static final List<File> FILES = List.of(
            new File("vide.txt", "text/plain", new byte[0]),
            new File("un-octet.bin", "application/octet-stream", new byte[] {42}),
            new File("Offre technique — été.pdf", "application/pdf", pattern(70_000, 1)),
            new File(
                    "annexe.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    pattern(100, 2)));

    @Test
    void opensWhatWasSealedPartByPart() {
        Sealed sealed = Envelopes.seal(FILES);

        MemorySink sink = Envelopes.open(sealed.manifest(), sealed.ciphertext(), 1, 3);

        assertThat(sink.headers)
                .extracting(PartHeader::name)
                .containsExactly("bid.json", "vide.txt", "un-octet.bin", "Offre technique — été.pdf", "annexe.xlsx");
        assertThat(sink.headers.get(0).type()).isEqualTo("application/json");
        assertThat(sink.contents.get(0)).isEqualTo(BID_FORM);
        for (int i = 0; i < FILES.size(); i++) {
            assertThat(sink.contents.get(i + 1)).isEqualTo(FILES.get(i).content());
            assertThat(sink.headers.get(i + 1).size()).isEqualTo(FILES.get(i).content().length);
            assertThat(sink.headers.get(i + 1).type()).isEqualTo(FILES.get(i).type());
        }
    }

    @Test
    void theManifestDescribesTheCiphertext() {
        Sealed sealed = Envelopes.seal(FILES);
        Manifest manifest = sealed.manifest();
        long plaintext = Envelopes.plaintextLength(FILES);

        assertThat(manifest.ciphertextSize()).isEqualTo(sealed.ciphertext().length);
        assertThat(manifest.ciphertextSha256()).isEqualTo(Bytes.hex(Bytes.sha256(sealed.ciphertext())));
        assertThat(manifest.plaintextSize()).isEqualTo(plaintext);
        assertThat(manifest.chunkCount()).isEqualTo((plaintext + 65_535) / 65_536);
        assertThat(manifest.threshold()).isEqualTo(2);
        assertThat(manifest.fingerprints())
                .containsExactlyElementsOf(
                        MEMBERS.stream().map(m -> m.publicKey().fingerprint()).toList());
        assertThat(manifest.context()).isEqualTo(CONTEXT);
        assertThat(Manifest.fromJson(manifest.toJson())).isEqualTo(manifest);
        assertThat(manifest.envelopeHash())
                .isEqualTo(Bytes.hex(Bytes.sha256(manifest.toJson().getBytes(StandardCharsets.UTF_8))));
    }

    @ParameterizedTest
    @ValueSource(longs = {65_536, 131_072, 196_608})
    void aPlaintextOfExactlyNChunksEndsWithAFullFinalChunk(long length) {
        List<File> files = Envelopes.withPlaintextLength(
                List.of(
                        new File("vide.txt", "text/plain", new byte[0]),
                        new File("remplissage.bin", "application/octet-stream", new byte[0])),
                length);
        Sealed sealed = Envelopes.seal(files);

        assertThat(sealed.manifest().chunkCount()).isEqualTo(length / 65_536);
        assertThat(sealed.ciphertext()).hasSize((int) (length + 16 * (length / 65_536)));
        MemorySink sink = Envelopes.open(sealed.manifest(), sealed.ciphertext(), 2, 3);
        assertThat(sink.contents.get(2)).isEqualTo(files.get(1).content());
    }

    @Test
    void aSingleByteOverAChunkMakesAOneByteFinalChunk() {
        List<File> files = Envelopes.withPlaintextLength(
                List.of(new File("remplissage.bin", "application/octet-stream", new byte[0])), 65_537);
        Sealed sealed = Envelopes.seal(files);

        assertThat(sealed.manifest().chunkCount()).isEqualTo(2);
        assertThat(sealed.chunk(1)).hasSize(17);
        assertThat(Envelopes.open(sealed.manifest(), sealed.ciphertext(), 1, 2)
                        .contents
                        .get(1))
                .isEqualTo(files.get(0).content());
    }

    @Test
    void anyTwoOfTheThreeMembersOpenAndAllThreeToo() {
        Sealed sealed = Envelopes.seal(FILES);

        for (int[] members : new int[][] {{1, 2}, {2, 1}, {1, 3}, {2, 3}, {3, 2, 1}}) {
            assertThat(Envelopes.open(sealed.manifest(), sealed.ciphertext(), members)
                            .contents
                            .get(3))
                    .isEqualTo(FILES.get(2).content());
        }
    }

    @Test
    void aMemberCanReleaseTheKeyOfItsShareInstead() {
        Sealed sealed = Envelopes.seal(FILES);

        byte[] released = ShareOpener.releaseKey(sealed.manifest(), 2, MEMBERS.get(1));

        assertThat(released).hasSize(32);
        assertThat(ShareOpener.openReleased(sealed.manifest(), 2, released))
                .isEqualTo(ShareOpener.decrypt(sealed.manifest(), 2, MEMBERS.get(1)));
        byte[] wrong = released.clone();
        wrong[0] ^= 1;
        assertThatThrownBy(() -> ShareOpener.openReleased(sealed.manifest(), 2, wrong))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining(
                        "Member 2's share does not open: the key released is not the one it was sealed with");
        assertThatThrownBy(() -> ShareOpener.openReleased(sealed.manifest(), 3, released))
                .as("member 2's key does not open member 3's share")
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("Member 3's share does not open");
    }

    @Test
    void freshRandomnessGivesADifferentEnvelopeEachTime() {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        Manifest a = Sealer.seal(
                CONTEXT, Envelopes.committee(), 2, BID_FORM, List.of(), first, new java.security.SecureRandom());
        Manifest b = Sealer.seal(
                CONTEXT, Envelopes.committee(), 2, BID_FORM, List.of(), second, new java.security.SecureRandom());

        assertThat(first.toByteArray()).isNotEqualTo(second.toByteArray());
        assertThat(a.envelopeHash()).isNotEqualTo(b.envelopeHash());
        assertThat(Envelopes.open(a, first.toByteArray(), 1, 2).contents.get(0)).isEqualTo(BID_FORM);
    }

    @Test
    void refusesABidFormThatIsNotCanonicalJson() {
        byte[] pretty = "{ \"lots\": [] }".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Sealer.seal(
                        CONTEXT,
                        Envelopes.committee(),
                        2,
                        pretty,
                        List.of(),
                        new ByteArrayOutputStream(),
                        new Drbg("r")))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("The bid form must be canonical JSON");
    }

    @Test
    void refusesAFileShorterOrLongerThanDeclared() {
        Attachment shorter =
                new Attachment("a.bin", "application/octet-stream", 10, new ByteArrayInputStream(new byte[9]));
        Attachment longer =
                new Attachment("b.bin", "application/octet-stream", 10, new ByteArrayInputStream(new byte[11]));

        assertThatThrownBy(() -> Sealer.seal(
                        CONTEXT,
                        Envelopes.committee(),
                        2,
                        BID_FORM,
                        List.of(shorter),
                        new ByteArrayOutputStream(),
                        new Drbg("r")))
                .isInstanceOf(SealingException.class)
                .hasMessage("The file \"a.bin\" ended after 9 bytes; its declared size is 10");
        assertThatThrownBy(() -> Sealer.seal(
                        CONTEXT,
                        Envelopes.committee(),
                        2,
                        BID_FORM,
                        List.of(longer),
                        new ByteArrayOutputStream(),
                        new Drbg("r")))
                .isInstanceOf(SealingException.class)
                .hasMessage("The file \"b.bin\" is longer than its declared size 10");
    }

    @Test
    void refusesABadCommitteeOrThreshold() {
        List<CommitteeKey> committee = Envelopes.committee();
        List<CommitteeKey> twice = List.of(committee.get(0), committee.get(1), committee.get(0));

        assertThatThrownBy(() -> Sealer.seal(
                        CONTEXT, committee, 1, BID_FORM, List.of(), new ByteArrayOutputStream(), new Drbg("r")))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("threshold must be between 2 and the committee's size 3, not 1");
        assertThatThrownBy(() -> Sealer.seal(
                        CONTEXT, committee, 4, BID_FORM, List.of(), new ByteArrayOutputStream(), new Drbg("r")))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("not 4");
        assertThatThrownBy(() ->
                        Sealer.seal(CONTEXT, twice, 2, BID_FORM, List.of(), new ByteArrayOutputStream(), new Drbg("r")))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("The same key appears twice in the committee");
    }

    @Test
    void refusesFileNamesThatArePaths() {
        assertThatThrownBy(
                        () -> new Attachment("../etc/passwd", "text/plain", 0, new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("a base name, without / or \\");
    }

    @Test
    void theContextKeepsItsLotsSortedAndRefusesDuplicates() {
        EnvelopeContext context = new EnvelopeContext(
                CONTEXT.envelope(), EnvelopeContext.Kind.FINANCIAL, List.of("2", "10", "1"), "ocds-x");

        assertThat(context.lots()).containsExactly("1", "10", "2");
        assertThat(context.toJson())
                .isEqualTo("{\"envelope\":\"6f1c3a52-9d1e-4c1b-8a0e-2b7d4e5f6a70\",\"format\":\"BSE1\","
                        + "\"kind\":\"financial\",\"lots\":[\"1\",\"10\",\"2\"],\"ocid\":\"ocds-x\"}");
        assertThat(EnvelopeContext.fromJson(context.toJson())).isEqualTo(context);
        assertThatThrownBy(() ->
                        new EnvelopeContext(CONTEXT.envelope(), EnvelopeContext.Kind.SINGLE, List.of("1", "1"), "o"))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("lot \"1\" is listed twice");
        assertThatThrownBy(() -> EnvelopeContext.fromJson(
                        context.toJson().replace("[\"1\",\"10\",\"2\"]", "[\"1\",\"2\",\"10\"]")))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("the lots must be sorted");
        assertThatThrownBy(() -> EnvelopeContext.fromJson(context.toJson().replace("6f1c3a52", "6F1C3A52")))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("lower-case");
    }
}
