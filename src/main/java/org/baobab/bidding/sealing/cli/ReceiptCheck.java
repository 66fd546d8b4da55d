// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.sealing.SealingException;
import org.baobab.bidding.transparency.ReceiptFormat;
import org.baobab.bidding.transparency.ReceiptVerifier;
import org.baobab.shared.merkle.MerkleTree;
import org.jspecify.annotations.Nullable;

/**
 * {@code SealTool verify-receipt}: the checks of docs/sealing-format.md, "Checking a receipt", made by a supplier's
 * own system. The Merkle walk, the statements and the signature check are the transparency package's ({@link
 * MerkleTree}, {@link ReceiptFormat}, {@link ReceiptVerifier}), the very code the platform builds its log with; what
 * this class adds is where the inputs come from (files, or a platform's public API over {@code java.net.http}) and a
 * verdict per check. Every check that can be made is made, so that one failure does not hide another.
 */
final class ReceiptCheck {

    /** Where a check's input comes from: a file the user saved, or the platform's API. */
    record Sources(
            @Nullable URI platform,
            @Nullable Path platformKey,
            @Nullable Path treeHead,
            @Nullable Path inclusion,
            @Nullable Path previousHead,
            @Nullable Path consistency,
            @Nullable Path saveHead) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PrintStream out;
    private final Sources sources;
    private final List<String> failed = new ArrayList<>();
    private @Nullable HttpClient http;

    ReceiptCheck(PrintStream out, Sources sources) {
        this.out = out;
        this.sources = sources;
    }

    /** The names of the checks that failed (empty: the receipt is valid and in the log). */
    List<String> run(String documentText) throws IOException {
        PublicKey key = platformKey();
        String keyId = ReceiptVerifier.keyId(key);
        out.println("Platform key " + keyId);

        ReceiptVerifier.ReceiptDocument document;
        try {
            document = ReceiptVerifier.read(documentText);
        } catch (IllegalArgumentException notAReceipt) {
            fail("receipt document", notAReceipt.getMessage());
            return failed;
        }
        pass("receipt document", "BR1, log index " + document.logIndex() + ", " + summary(document));

        if (document.keyId().equals(keyId)) {
            pass("signing key", "the receipt names this platform key");
        } else {
            fail("signing key", "the receipt names key " + document.keyId() + ", not this platform key");
        }
        if (ReceiptVerifier.ed25519(key, document.leaf(), document.signature())) {
            pass("receipt signature", "the platform signed this receipt exactly as it reads");
        } else {
            fail(
                    "receipt signature",
                    "the signature does not cover this receipt: a value was changed, or another key signed it");
        }

        Head head = head("tree head", sources.treeHead(), "/api/transparency/tree-head", key, keyId);
        if (head == null) {
            skip("inclusion", "no signed tree head");
        } else if (document.logIndex() >= head.treeSize()) {
            fail(
                    "inclusion",
                    "the receipt's log index " + document.logIndex() + " is not within the signed tree of "
                            + head.treeSize() + " (a head signed before the receipt?)");
        } else {
            inclusion(document, head);
        }

        if (sources.previousHead() != null) {
            Head previous = head("previous tree head", sources.previousHead(), null, key, keyId);
            if (previous == null || head == null) {
                skip("consistency", previous == null ? "no valid previous head" : "no current tree head");
            } else {
                consistency(previous, head);
            }
        }

        if (failed.isEmpty() && head != null && sources.saveHead() != null) {
            Files.writeString(sources.saveHead(), head.json(), StandardCharsets.UTF_8);
            out.println(
                    "Saved the checked tree head to " + sources.saveHead() + " (give it as --previous-head next time)");
        }
        return failed;
    }

    private static String summary(ReceiptVerifier.ReceiptDocument document) {
        Map<?, ?> receipt = (Map<?, ?>) CanonicalJson.read(document.canonicalReceipt());
        return "envelope " + receipt.get("envelope") + " of " + receipt.get("ocid") + ", received "
                + receipt.get("receivedAt") + ", envelope hash " + receipt.get("envelopeHash");
    }

    /** A signed tree head as the API gives it, with its JSON (to be saved for the next run). */
    private record Head(long treeSize, byte[] root, String rootHex, long timestamp, String json) {}

    private @Nullable Head head(String check, @Nullable Path file, @Nullable String api, PublicKey key, String keyId)
            throws IOException {
        Map<?, ?> json;
        try {
            json = object(input(file, api));
        } catch (FetchException | SealingException e) {
            fail(check, e.getMessage());
            return null;
        }
        if (!ReceiptFormat.TREE_HEAD.equals(json.get("format"))
                || !(json.get("treeSize") instanceof Long treeSize)
                || !(json.get("rootHash") instanceof String rootHex)
                || !(json.get("timestamp") instanceof Long timestamp)
                || !(json.get("signature") instanceof String signature)) {
            fail(check, "not a signed tree head (BTH1 with treeSize, rootHash, timestamp and signature)");
            return null;
        }
        if (json.get("keyId") instanceof String headKeyId && !headKeyId.equals(keyId)) {
            fail(check, "signed by key " + headKeyId + ", not this platform key");
            return null;
        }
        byte[] statement = ReceiptFormat.treeHead(treeSize, rootHex, timestamp).getBytes(StandardCharsets.UTF_8);
        byte[] root = hash(rootHex);
        if (treeSize < 0 || root == null || !ReceiptVerifier.ed25519(key, statement, signature)) {
            fail(
                    check,
                    "the platform's signature does not cover this head (size " + treeSize + ", root " + rootHex + ")");
            return null;
        }
        pass(
                check,
                "signed by the platform: " + treeSize + " receipts, root " + rootHex + ", at "
                        + Instant.ofEpochMilli(timestamp));
        return new Head(treeSize, root, rootHex, timestamp, CanonicalJson.write(json));
    }

    private void inclusion(ReceiptVerifier.ReceiptDocument document, Head head) throws IOException {
        byte[] leafHash = MerkleTree.leafHash(document.leaf());
        Map<?, ?> proof;
        try {
            proof = object(input(
                    sources.inclusion(),
                    "/api/transparency/inclusion?index=" + document.logIndex() + "&treeSize=" + head.treeSize()));
        } catch (FetchException | SealingException e) {
            fail("inclusion", e.getMessage());
            return;
        }
        if (!Long.valueOf(document.logIndex()).equals(proof.get("index"))
                || !Long.valueOf(head.treeSize()).equals(proof.get("treeSize"))) {
            fail(
                    "inclusion",
                    "the proof is for index " + proof.get("index") + " in a tree of " + proof.get("treeSize")
                            + ", not index " + document.logIndex() + " in the signed tree of " + head.treeSize());
            return;
        }
        if (proof.get("leafHash") instanceof String logged
                && !logged.equals(HexFormat.of().formatHex(leafHash))) {
            fail("inclusion", "the log holds another leaf at index " + document.logIndex() + " (" + logged + ")");
            return;
        }
        List<byte[]> path = hashes(proof.get("auditPath"));
        if (path != null
                && MerkleTree.verifyInclusion(document.logIndex(), head.treeSize(), leafHash, path, head.root())) {
            pass(
                    "inclusion",
                    "the audit path (" + path.size() + (path.size() == 1 ? " hash" : " hashes")
                            + ") leads from the receipt to the signed root");
        } else {
            fail("inclusion", "the audit path does not lead from this receipt to the signed root " + head.rootHex());
        }
    }

    private void consistency(Head previous, Head current) throws IOException {
        if (previous.treeSize() > current.treeSize()) {
            fail(
                    "consistency",
                    "the log shrank: the previous head had " + previous.treeSize() + " receipts, this one "
                            + current.treeSize());
            return;
        }
        Map<?, ?> proof;
        try {
            proof = object(input(
                    sources.consistency(),
                    "/api/transparency/consistency?first=" + previous.treeSize() + "&second=" + current.treeSize()));
        } catch (FetchException | SealingException e) {
            fail("consistency", e.getMessage());
            return;
        }
        List<byte[]> hashes = hashes(proof.get("proof"));
        if (!Long.valueOf(previous.treeSize()).equals(proof.get("first"))
                || !Long.valueOf(current.treeSize()).equals(proof.get("second"))) {
            fail(
                    "consistency",
                    "the proof is from " + proof.get("first") + " to " + proof.get("second") + ", not from "
                            + previous.treeSize() + " to " + current.treeSize());
        } else if (hashes != null
                && MerkleTree.verifyConsistency(
                        previous.treeSize(), current.treeSize(), previous.root(), current.root(), hashes)) {
            pass(
                    "consistency",
                    "the log of " + current.treeSize() + " extends the previous head of " + previous.treeSize()
                            + " without rewriting it");
        } else {
            fail(
                    "consistency",
                    "the log of " + current.treeSize() + " does not extend the previous head of " + previous.treeSize()
                            + ": its history was rewritten");
        }
    }

    /** The platform's Ed25519 key: PEM, the JSON of /api/platform/signing-key, Base64 or DER of its SPKI. */
    private PublicKey platformKey() throws IOException {
        byte[] bytes;
        String origin;
        if (sources.platformKey() != null) {
            bytes = Files.readAllBytes(sources.platformKey());
            origin = sources.platformKey().toString();
        } else {
            try {
                bytes = fetch("/api/platform/signing-key").getBytes(StandardCharsets.UTF_8);
            } catch (FetchException e) {
                throw new SealingException("The platform key could not be fetched: " + e.getMessage(), e);
            }
            origin = sources.platform() + "/api/platform/signing-key";
            out.println("Note: the platform key is the one the platform itself serves; compare its id with one"
                    + " published elsewhere, or give it with --platform-key");
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1).strip();
        String base64;
        if (text.startsWith("{")) {
            Object publicKey = CanonicalJson.readObject(new String(bytes, StandardCharsets.UTF_8))
                    .get("publicKey");
            base64 = publicKey instanceof String s ? s : "";
        } else if (text.startsWith("-----BEGIN PUBLIC KEY-----")) {
            base64 = text.replace("-----BEGIN PUBLIC KEY-----", "")
                    .replace("-----END PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
        } else if (text.matches("[A-Za-z0-9+/=\\s]+")) {
            base64 = text.replaceAll("\\s", "");
        } else {
            base64 = Base64.getEncoder().encodeToString(bytes);
        }
        try {
            return ReceiptVerifier.ed25519PublicKey(base64);
        } catch (IllegalArgumentException e) {
            throw new SealingException(origin + " holds no Ed25519 public key (PEM, Base64 or DER of its"
                    + " SubjectPublicKeyInfo, or the JSON of /api/platform/signing-key)");
        }
    }

    private String input(@Nullable Path file, @Nullable String api) throws IOException {
        if (file != null) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        if (api == null) {
            throw new IllegalStateException("no source");
        }
        return fetch(api);
    }

    private String fetch(String pathAndQuery) throws IOException {
        URI platform = sources.platform();
        if (platform == null) {
            throw new IllegalStateException("no platform to fetch " + pathAndQuery + " from");
        }
        URI uri = URI.create(platform + pathAndQuery);
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(TIMEOUT)
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while fetching " + uri);
        } catch (IOException e) {
            throw new FetchException("could not fetch " + uri + ": " + e);
        }
        if (response.statusCode() != 200) {
            String body = response.body();
            throw new FetchException("GET " + uri + " answered " + response.statusCode()
                    + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(body.length(), 300))));
        }
        return response.body();
    }

    /** Whatever a fetch or a saved file gives that is not the JSON expected. */
    private static final class FetchException extends IOException {
        private static final long serialVersionUID = 1L;

        FetchException(String message) {
            super(message);
        }
    }

    private static Map<?, ?> object(String json) {
        return CanonicalJson.readObject(json);
    }

    private static byte @Nullable [] hash(String hex) {
        try {
            byte[] hash = HexFormat.of().parseHex(hex);
            return hash.length == MerkleTree.HASH_SIZE ? hash : null;
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    private static @Nullable List<byte[]> hashes(@Nullable Object list) {
        if (!(list instanceof List<?> items)) {
            return null;
        }
        List<byte[]> hashes = new ArrayList<>();
        for (Object item : items) {
            byte[] hash = item instanceof String hex ? hash(hex) : null;
            if (hash == null) {
                return null;
            }
            hashes.add(hash);
        }
        return hashes;
    }

    private void pass(String check, String detail) {
        out.println("[ OK ] " + check + ": " + detail);
    }

    private void fail(String check, @Nullable String detail) {
        failed.add(check);
        out.println("[FAIL] " + check + ": " + detail);
    }

    private void skip(String check, String why) {
        failed.add(check);
        out.println("[FAIL] " + check + ": not checked, " + why);
    }

    /** The platform's base URL as given, without a trailing slash; http or https only. */
    static URI baseUrl(String text) {
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new SealingException("--platform: not a URL: " + text);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getHost() == null
                || uri.getQuery() != null) {
            throw new SealingException("--platform is the platform's base URL, e.g. https://marches.example.sn");
        }
        return uri;
    }
}
