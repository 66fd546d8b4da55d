// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.sealing.SealingException;
import org.baobab.bidding.transparency.LogMonitor;
import org.baobab.bidding.transparency.ReceiptVerifier;
import org.jspecify.annotations.Nullable;

/**
 * The platform's public transparency API over {@code java.net.http}, as {@link LogMonitor} reads it, and the monitor's
 * state file. Used by {@code SealTool monitor} and {@code SealTool seal --platform}.
 */
final class PlatformLog implements LogMonitor.Source {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI platform;
    private final HttpClient http;

    PlatformLog(URI platform) {
        this.platform = platform;
        this.http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The platform's Ed25519 key: from a file (PEM, Base64 SPKI or the API's JSON), else from the platform. */
    PublicKey platformKey(@Nullable Path file) throws IOException {
        String text;
        if (file != null) {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } else {
            text = get("/api/platform/signing-key").orElseThrow(() -> new IOException("no signing key served"));
        }
        if (text.startsWith("{")) {
            Object key = CanonicalJson.readObject(text).get("publicKey");
            text = key instanceof String s ? s : "";
        }
        text = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return ReceiptVerifier.ed25519PublicKey(text);
        } catch (IllegalArgumentException e) {
            throw new SealingException("The platform key is not an Ed25519 public key");
        }
    }

    @Override
    public LogMonitor.Head head() throws IOException {
        Map<?, ?> h = object(get("/api/transparency/tree-head").orElseThrow(() -> new IOException("no tree head")));
        return head(h);
    }

    static LogMonitor.Head head(Map<?, ?> h) {
        return new LogMonitor.Head(
                (Long) h.get("treeSize"),
                (String) h.get("rootHash"),
                (Long) h.get("timestamp"),
                (String) h.get("keyId"),
                (String) h.get("signature"));
    }

    @Override
    public List<LogMonitor.Leaf> leaves(long from, int limit) throws IOException {
        List<LogMonitor.Leaf> leaves = new ArrayList<>();
        Object list = CanonicalJson.read(get("/api/transparency/leaves?from=" + from + "&limit=" + limit)
                .orElseThrow(() -> new IOException("no leaves from " + from)));
        for (Object item : (List<?>) list) {
            Map<?, ?> leaf = (Map<?, ?>) item;
            leaves.add(new LogMonitor.Leaf(
                    (Long) leaf.get("index"), (String) leaf.get("leafHash"), (String) leaf.get("kind"), (String)
                            leaf.get("statement")));
        }
        return leaves;
    }

    @Override
    public List<String> consistency(long first, long second) throws IOException {
        Map<?, ?> proof = object(get("/api/transparency/consistency?first=" + first + "&second=" + second)
                .orElseThrow(() -> new IOException("no consistency proof from " + first + " to " + second)));
        return strings(proof.get("proof"));
    }

    @Override
    public Optional<List<String>> servedKeys(String ocid) throws IOException {
        return get("/api/bids/sealing-sets/" + ocid, true).map(json -> {
            List<String> points = new ArrayList<>();
            for (Object member : (List<?>) object(json).get("committee")) {
                points.add((String) ((Map<?, ?>) member).get("point"));
            }
            return points;
        });
    }

    /** The set's statement with its proof: {@code /api/transparency/sealing-sets/{ocid}}. */
    Map<?, ?> includedSealingSet(String ocid) throws IOException {
        return object(get("/api/transparency/sealing-sets/" + ocid)
                .orElseThrow(() -> new SealingException("The transparency log holds no sealing set for " + ocid)));
    }

    /** The body of a GET, empty on 404; an exception on anything else but 200. */
    Optional<String> get(String pathAndQuery) throws IOException {
        return get(pathAndQuery, false);
    }

    /** The body of a GET, empty on 404 (on any 4xx if {@code refusalIsAbsence}); an exception on anything but 200. */
    private Optional<String> get(String pathAndQuery, boolean refusalIsAbsence) throws IOException {
        URI uri = URI.create(platform + pathAndQuery);
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
            throw new IOException("interrupted while fetching " + uri, e);
        }
        if (response.statusCode() == 404
                || (refusalIsAbsence && response.statusCode() >= 400 && response.statusCode() < 500)) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            String body = response.body();
            throw new IOException("GET " + uri + " answered " + response.statusCode()
                    + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(body.length(), 300))));
        }
        return Optional.of(response.body());
    }

    /** The state kept in {@code file}, or an empty one if there is no such file yet. */
    static LogMonitor.State readState(@Nullable Path file) throws IOException {
        if (file == null || !Files.exists(file)) {
            return LogMonitor.State.empty();
        }
        try {
            return LogMonitor.State.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new SealingException(file + " is not a monitor state file (BLM1): " + e.getMessage());
        }
    }

    /** Writes the state next to {@code file} then moves it in place, so that a crash leaves the old one. */
    static void writeState(Path file, LogMonitor.State state) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, ".monitor", ".tmp");
        Files.writeString(temporary, state.json(), StandardCharsets.UTF_8);
        Files.move(
                temporary,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static List<byte[]> hexes(List<String> hashes) {
        return hashes.stream().map(h -> java.util.HexFormat.of().parseHex(h)).toList();
    }

    private static Map<?, ?> object(String json) {
        return CanonicalJson.readObject(json);
    }

    private static List<String> strings(@Nullable Object list) {
        if (!(list instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().map(String.class::cast).toList();
    }
}
