// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.sealing.Drbg;
import org.baobab.bidding.sealing.Manifest;
import org.baobab.bidding.sealing.MemberKey;
import org.baobab.bidding.sealing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealToolTests {

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Path> keyFiles = new ArrayList<>();
    private final byte[] bigFile = new byte[70_000];

    @BeforeEach
    void aCommitteeOfThreeAndABid() throws IOException {
        StringBuilder committee = new StringBuilder("# committee of the process, member 1 first\n");
        for (int j = 1; j <= 3; j++) {
            MemberKey key = TestKeys.derive(new Drbg("cli member " + j));
            Path keyFile = dir.resolve("member-" + j + ".json");
            Files.writeString(keyFile, TestKeys.fastKeyFile(key, "passphrase " + j));
            keyFiles.add(keyFile);
            committee
                    .append(key.publicKey().base64())
                    .append("   # member ")
                    .append(j)
                    .append('\n');
        }
        Files.writeString(dir.resolve("committee.txt"), committee);
        Files.writeString(
                dir.resolve("bid.json"),
                "{\n  \"lots\": [ {\"lot\": \"1\", \"price\": \"1250000\"} ],\n  \"a\": true\n}\n");
        Files.writeString(dir.resolve("note.txt"), "Offre technique\n");
        Files.write(dir.resolve("empty.bin"), new byte[0]);
        for (int i = 0; i < bigFile.length; i++) {
            bigFile[i] = (byte) (i % 251);
        }
        Files.write(dir.resolve("big.bin"), bigFile);
    }

    @Test
    void sealsThenOpensWithTwoOfTheThreeKeyFiles() throws IOException {
        assertThat(seal()).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Manifest manifest = Manifest.fromJson(Files.readAllBytes(dir.resolve("envelope.json")));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Envelope hash: " + manifest.envelopeHash());
        assertThat(manifest.context().lots()).containsExactly("1", "10", "2");

        environment.put("BAOBAB_PASSPHRASE_1", "passphrase 3");
        environment.put("BAOBAB_PASSPHRASE_2", "passphrase 1");
        int code = run(
                "open",
                "--manifest",
                path("envelope.json"),
                "--ciphertext",
                path("envelope.bin"),
                "--key",
                keyFiles.get(2).toString(),
                "--key",
                keyFiles.get(0).toString(),
                "--out",
                path("opened"));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path opened = dir.resolve("opened");
        assertThat(Files.readString(opened.resolve("bid.json")))
                .isEqualTo("{\"a\":true,\"lots\":[{\"lot\":\"1\",\"price\":\"1250000\"}]}");
        assertThat(Files.readString(opened.resolve("note.txt"))).isEqualTo("Offre technique\n");
        assertThat(Files.size(opened.resolve("empty.bin"))).isZero();
        assertThat(Files.readAllBytes(opened.resolve("big.bin"))).isEqualTo(bigFile);
        try (Stream<Path> files = Files.list(opened)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("nothing but the parts: the staging directory is gone")
                    .containsExactlyInAnyOrder("bid.json", "note.txt", "empty.bin", "big.bin");
        }
    }

    @Test
    void neverOverwritesAFileInTheOutputDirectory() throws IOException {
        seal();
        Files.createDirectories(dir.resolve("opened"));
        Files.writeString(dir.resolve("opened/note.txt"), "mine");
        environment.put("BAOBAB_PASSPHRASE_1", "passphrase 1");
        environment.put("BAOBAB_PASSPHRASE_2", "passphrase 2");

        assertThat(open(0, 1)).isZero();

        assertThat(Files.readString(dir.resolve("opened/note.txt"))).isEqualTo("mine");
        assertThat(Files.readString(dir.resolve("opened/note (2).txt"))).isEqualTo("Offre technique\n");
    }

    @Test
    void aWrongPassphraseFailsWithItsReason() {
        seal();
        environment.put("BAOBAB_PASSPHRASE_1", "passphrase 1");
        environment.put("BAOBAB_PASSPHRASE_2", "not the passphrase");

        assertThat(open(0, 1)).isEqualTo(SealTool.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Wrong passphrase for the key file");
        assertThat(dir.resolve("opened")).doesNotExist();
    }

    @Test
    void aTamperedCiphertextWritesNothing() throws IOException {
        seal();
        byte[] ciphertext = Files.readAllBytes(dir.resolve("envelope.bin"));
        ciphertext[70_000] ^= 1;
        Files.write(dir.resolve("envelope.bin"), ciphertext);
        environment.put("BAOBAB_PASSPHRASE_1", "passphrase 1");
        environment.put("BAOBAB_PASSPHRASE_2", "passphrase 2");

        assertThat(open(0, 1)).isEqualTo(SealTool.FAILED);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Chunk 1 does not authenticate: it was altered");
        try (Stream<Path> files = Files.list(dir.resolve("opened"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aKeyFileOutsideTheCommitteeIsRefused() throws IOException {
        seal();
        Path stranger = dir.resolve("stranger.json");
        Files.writeString(stranger, TestKeys.fastKeyFile(TestKeys.derive(new Drbg("stranger")), "p"));
        environment.put("BAOBAB_PASSPHRASE_1", "p");

        int code = run(
                "open",
                "--manifest",
                path("envelope.json"),
                "--ciphertext",
                path("envelope.bin"),
                "--key",
                stranger.toString(),
                "--out",
                path("opened"));

        assertThat(code).isEqualTo(SealTool.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a member of this envelope's committee");
    }

    @Test
    void tooFewKeyFilesSayHowManyAreNeeded() {
        seal();
        environment.put("BAOBAB_PASSPHRASE_1", "passphrase 1");

        int code = run(
                "open",
                "--manifest",
                path("envelope.json"),
                "--ciphertext",
                path("envelope.bin"),
                "--key",
                keyFiles.get(0).toString(),
                "--out",
                path("opened"));

        assertThat(code).isEqualTo(SealTool.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Opening needs 2 shares of the 3, only 1 given");
    }

    @Test
    void verifyReceiptNeedsAReceiptAndAPlatformOrItsFiles() {
        assertThat(run("verify-receipt", "--platform", "https://marches.example.sn"))
                .isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("verify-receipt takes one receipt document");
        assertThat(run("verify-receipt", "receipt.json", "--tree-head", "head.json"))
                .isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("without --platform, give --platform-key, --tree-head and --inclusion");
        assertThat(run("verify-receipt", "receipt.json", "--platform", "https://x.example", "--consistency", "c.json"))
                .isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--consistency needs --previous-head");
        assertThat(run("verify-receipt", "receipt.json", "--platform", "ftp://x.example"))
                .isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--platform is the platform's base URL");
    }

    @Test
    void wrongUsageExits64() {
        assertThat(run()).isEqualTo(64);
        assertThat(run("seal", "--threshhold", "2")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown option --threshhold")
                .contains("Usage:");
        assertThat(run("frobnicate")).isEqualTo(64);
    }

    @Test
    void noConsoleAndNoEnvironmentMeansNoPassphrase() {
        seal();

        assertThat(open(0, 1)).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("set BAOBAB_PASSPHRASE_1");
    }

    @Test
    void keygenWritesAKeyFileThatOpens() throws IOException {
        environment.put("BAOBAB_PASSPHRASE_1", "une phrase de passe");

        assertThat(run("keygen", "--out", path("new-key.json"))).isZero();

        String json = Files.readString(dir.resolve("new-key.json"));
        assertThat(CanonicalJson.isCanonical(json)).isTrue();
        assertThat(json).contains("\"iterations\":600000");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Fingerprint: ");
        assertThat(run("keygen", "--out", path("new-key.json"))).isEqualTo(SealTool.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("a key file is never overwritten");
    }

    private int seal() {
        return run(
                "seal",
                "--ocid",
                "ocds-baobab-SN-2026-00042",
                "--envelope",
                "6f1c3a52-9d1e-4c1b-8a0e-2b7d4e5f6a70",
                "--lots",
                "2,10,1",
                "--kind",
                "technical",
                "--committee",
                path("committee.txt"),
                "--threshold",
                "2",
                "--bid-form",
                path("bid.json"),
                "--manifest",
                path("envelope.json"),
                "--ciphertext",
                path("envelope.bin"),
                path("note.txt"),
                path("empty.bin"),
                path("big.bin"));
    }

    private int open(int first, int second) {
        return run(
                "open",
                "--manifest",
                path("envelope.json"),
                "--ciphertext",
                path("envelope.bin"),
                "--key",
                keyFiles.get(first).toString(),
                "--key",
                keyFiles.get(second).toString(),
                "--out",
                path("opened"));
    }

    private int run(String... args) {
        SealTool tool = new SealTool(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                environment,
                prompt -> null);
        return tool.run(args);
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }
}
