// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.bidding.Receipt;
import org.baobab.bidding.ReceiptDraft;
import org.baobab.bidding.Receipts;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.shared.signing.PlatformSigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;

/**
 * {@code SealTool verify-receipt} on receipts issued by the running application: against its public API over HTTP,
 * and offline from the files a supplier saved. Tampered receipts, a wrong key and forged proofs fail with exit code 1
 * and name the check that failed. Other tests append to the same log: nothing here depends on its size.
 */
@IntegrationTest
class SealToolReceiptTests {

    @TempDir
    Path dir;

    private final String platform;
    private final Receipts receipts;
    private final PlatformSigningKey signingKey;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    SealToolReceiptTests(@Value("${local.server.port}") int port, Receipts receipts, PlatformSigningKey signingKey) {
        this.platform = "http://localhost:" + port;
        this.receipts = receipts;
        this.signingKey = signingKey;
    }

    private Receipt issue(int n) {
        return receipts.issue(new ReceiptDraft(
                "ocds-baobab-SN-2026-00777",
                List.of("2", "1"),
                UUID.randomUUID(),
                "Société « Outils » n° " + n,
                UUID.randomUUID(),
                HexFormat.of().formatHex(new byte[32]).substring(2) + String.format("%02x", n),
                "single",
                Instant.parse("2026-11-23T11:00:00.123456Z").plusSeconds(n)));
    }

    private Path save(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private String get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(platform + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
        return response.body();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new SealTool(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of(),
                        prompt -> null)
                .run(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aReceiptVerifiesAgainstTheLiveApiAndTheLogExtendsTheSavedHead() throws Exception {
        Receipt first = issue(1);
        Path document = save("receipt-1.json", first.document());
        Path head = dir.resolve("head.json");

        assertThat(run(
                        "verify-receipt",
                        document.toString(),
                        "--platform",
                        platform + "/",
                        "--save-head",
                        head.toString()))
                .as(output())
                .isZero();
        assertThat(output())
                .contains("Platform key " + signingKey.keyId())
                .contains("the platform key is the one the platform itself serves")
                .contains("[ OK ] receipt document: BR1, log index " + first.logIndex())
                .contains("[ OK ] signing key")
                .contains("[ OK ] receipt signature")
                .contains("[ OK ] tree head: signed by the platform")
                .contains("[ OK ] inclusion")
                .contains("Verdict: VALID")
                .doesNotContain("[FAIL]");
        Map<String, Object> saved = CanonicalJson.readObject(Files.readString(head));
        assertThat(saved).containsEntry("format", "BTH1").containsKeys("treeSize", "rootHash", "signature");

        // later, with the key given and the head kept from the first check: the log must extend it
        Receipt second = issue(2);
        Path pem = save("platform.pem", signingKey.publicKeyPem());
        assertThat(run(
                        "verify-receipt",
                        save("receipt-2.json", second.document()).toString(),
                        "--platform",
                        platform,
                        "--platform-key",
                        pem.toString(),
                        "--previous-head",
                        head.toString()))
                .as(output())
                .isZero();
        assertThat(output())
                .contains("[ OK ] previous tree head: signed by the platform: " + saved.get("treeSize"))
                .contains("[ OK ] consistency")
                .doesNotContain("the platform itself serves");

        // a kept head whose root was rewritten: its signature no longer holds
        String rewritten = Files.readString(head).replace((String) saved.get("rootHash"), "00".repeat(32));
        assertThat(run(
                        "verify-receipt",
                        document.toString(),
                        "--platform",
                        platform,
                        "--previous-head",
                        save("rewritten.json", rewritten).toString()))
                .isEqualTo(SealTool.FAILED);
        assertThat(output()).contains("[FAIL] previous tree head").contains("[FAIL] consistency");
    }

    @Test
    void offlineFromSavedFilesAndEveryForgeryFails() throws Exception {
        Receipt receipt = issue(3);
        issue(4); // so that the audit path is not empty
        Path document = save("receipt.json", receipt.document());
        Path key = save("signing-key.json", get("/api/platform/signing-key"));
        String headJson = get("/api/transparency/tree-head");
        Path head = save("head.json", headJson);
        long treeSize = (Long) CanonicalJson.readObject(headJson).get("treeSize");
        String inclusionJson = get("/api/transparency/inclusion?index=" + receipt.logIndex() + "&treeSize=" + treeSize);
        Path inclusion = save("inclusion.json", inclusionJson);
        String[] offline = {
            "--platform-key", key.toString(), "--tree-head", head.toString(), "--inclusion", inclusion.toString()
        };

        assertThat(run(args(document, offline))).as(output()).isZero();
        assertThat(output()).contains("[ OK ] inclusion").contains("Verdict: VALID");

        // one hexadecimal digit of the envelope hash changed
        String hash = receipt.content().envelopeHash();
        char last = hash.charAt(hash.length() - 1);
        String tampered =
                receipt.document().replace(hash, hash.substring(0, hash.length() - 1) + (last == '0' ? '1' : '0'));
        assertThat(tampered).isNotEqualTo(receipt.document());
        assertThat(run(args(save("tampered.json", tampered), offline))).isEqualTo(SealTool.FAILED);
        assertThat(output())
                .contains("[ OK ] signing key")
                .contains("[FAIL] receipt signature: the signature does not cover this receipt")
                .contains("[FAIL] inclusion")
                .contains("Verdict: NOT VALID. Failed: receipt signature, inclusion.");
        // the same against the live API
        assertThat(run("verify-receipt", dir.resolve("tampered.json").toString(), "--platform", platform))
                .isEqualTo(SealTool.FAILED);
        assertThat(output()).contains("[FAIL] receipt signature");

        // another key (PEM, as openssl writes it)
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path wrongKey = save(
                "other.pem",
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(other.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        String[] withWrongKey = offline.clone();
        withWrongKey[1] = wrongKey.toString();
        assertThat(run(args(document, withWrongKey))).isEqualTo(SealTool.FAILED);
        assertThat(output())
                .contains("[FAIL] signing key: the receipt names key " + signingKey.keyId())
                .contains("[FAIL] receipt signature")
                .contains("[FAIL] tree head")
                .contains("Verdict: NOT VALID");
        assertThat(run(
                        "verify-receipt",
                        document.toString(),
                        "--platform",
                        platform,
                        "--platform-key",
                        wrongKey.toString()))
                .isEqualTo(SealTool.FAILED);

        // a forged inclusion proof: one hash of the audit path changed
        Map<String, Object> proof = CanonicalJson.readObject(inclusionJson);
        List<?> path = (List<?>) proof.get("auditPath");
        assertThat(path).isNotEmpty();
        String forgedHash = (String) path.get(0);
        String forged =
                inclusionJson.replace(forgedHash, (forgedHash.charAt(0) == 'a' ? "b" : "a") + forgedHash.substring(1));
        String[] withForgedProof = offline.clone();
        withForgedProof[5] = save("forged-inclusion.json", forged).toString();
        assertThat(run(args(document, withForgedProof))).isEqualTo(SealTool.FAILED);
        assertThat(output())
                .contains("[ OK ] receipt signature")
                .contains("[ OK ] tree head")
                .contains("[FAIL] inclusion: the audit path does not lead from this receipt to the signed root")
                .contains("Verdict: NOT VALID. Failed: inclusion.");

        // a proof for another leaf
        String otherLeaf =
                get("/api/transparency/inclusion?index=" + (receipt.logIndex() + 1) + "&treeSize=" + treeSize);
        withForgedProof[5] = save("other-inclusion.json", otherLeaf).toString();
        assertThat(run(args(document, withForgedProof))).isEqualTo(SealTool.FAILED);
        assertThat(output()).contains("[FAIL] inclusion: the proof is for index " + (receipt.logIndex() + 1));

        // offline with a head kept from before: a consistency proof saved from the API holds, a forged one fails
        issue(6);
        String laterJson = get("/api/transparency/tree-head");
        long laterSize = (Long) CanonicalJson.readObject(laterJson).get("treeSize");
        String consistencyJson = get("/api/transparency/consistency?first=" + treeSize + "&second=" + laterSize);
        String[] withHistory = {
            "--platform-key",
            key.toString(),
            "--tree-head",
            save("later-head.json", laterJson).toString(),
            "--inclusion",
            save(
                            "later-inclusion.json",
                            get("/api/transparency/inclusion?index=" + receipt.logIndex() + "&treeSize=" + laterSize))
                    .toString(),
            "--previous-head",
            head.toString(),
            "--consistency",
            save("consistency.json", consistencyJson).toString()
        };
        assertThat(run(args(document, withHistory))).as(output()).isZero();
        assertThat(output()).contains("[ OK ] consistency: the log of " + laterSize);
        String proofHash =
                (String) ((List<?>) CanonicalJson.readObject(consistencyJson).get("proof")).get(0);
        withHistory[9] = save(
                        "forged-consistency.json",
                        consistencyJson.replace(
                                proofHash, (proofHash.charAt(0) == 'a' ? "b" : "a") + proofHash.substring(1)))
                .toString();
        assertThat(run(args(document, withHistory))).isEqualTo(SealTool.FAILED);
        assertThat(output())
                .contains("[FAIL] consistency: the log of " + laterSize + " does not extend the previous head")
                .contains("Verdict: NOT VALID. Failed: consistency.");

        // not a receipt document at all
        assertThat(run(args(save("garbage.json", "{\"receipt\":1}"), offline))).isEqualTo(SealTool.FAILED);
        assertThat(output()).contains("[FAIL] receipt document");
    }

    @Test
    void anUnreachableOrWrongPlatformFailsClearly() throws Exception {
        Path document = save("receipt.json", issue(5).document());
        Path pem = save("platform.pem", signingKey.publicKeyPem());

        assertThat(run(
                        "verify-receipt",
                        document.toString(),
                        "--platform",
                        platform + "/nothing-here",
                        "--platform-key",
                        pem.toString()))
                .isEqualTo(SealTool.FAILED);
        assertThat(output())
                .contains("[FAIL] tree head")
                .contains("[FAIL] inclusion: not checked, no signed tree head");

        assertThat(run("verify-receipt", document.toString(), "--platform-key", pem.toString()))
                .isEqualTo(SealTool.USAGE);
        assertThat(output()).contains("without --platform, give --platform-key, --tree-head and --inclusion");
    }

    private static String[] args(Path document, String[] options) {
        String[] args = new String[options.length + 2];
        args[0] = "verify-receipt";
        args[1] = document.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return args;
    }
}
