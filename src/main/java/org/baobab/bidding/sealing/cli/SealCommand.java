// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baobab.bidding.sealing.Attachment;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.sealing.CommitteeKey;
import org.baobab.bidding.sealing.EnvelopeContext;
import org.baobab.bidding.sealing.KeyFile;
import org.baobab.bidding.sealing.Manifest;
import org.baobab.bidding.sealing.Sealer;
import org.baobab.bidding.sealing.SealingException;

/**
 * {@code seal}: seals the bid form and the files to a committee given as key files, or to the one the platform serves
 * for the process once the transparency log proves it; prints the envelope hash.
 */
final class SealCommand implements Command {

    @Override
    public int run(Options options, Terminal terminal) throws IOException {
        options.allow(
                "--context",
                "--ocid",
                "--envelope",
                "--lots",
                "--kind",
                "--committee",
                "--threshold",
                "--bid-form",
                "--manifest",
                "--ciphertext",
                "--platform",
                "--platform-key",
                "--state");
        EnvelopeContext context = context(options);
        List<CommitteeKey> committee = new ArrayList<>();
        int threshold;
        String platformUrl = options.optional("--platform");
        if (platformUrl != null) {
            if (!options.all("--committee").isEmpty() || options.optional("--threshold") != null) {
                throw new UsageException(
                        "--platform takes the committee from the platform: no --committee or" + " --threshold with it");
            }
            PlatformLog platform = new PlatformLog(ReceiptCheck.baseUrl(platformUrl));
            String keyFile = options.optional("--platform-key");
            String state = options.optional("--state");
            ProvenSet.Committee proven = ProvenSet.fetch(
                    platform,
                    platform.platformKey(keyFile == null ? null : Path.of(keyFile)),
                    context.ocid(),
                    state == null ? null : Path.of(state),
                    terminal.out());
            committee.addAll(proven.keys());
            threshold = proven.threshold();
        } else {
            for (String file : options.all("--committee")) {
                committee.addAll(committeeKeys(Path.of(file)));
            }
            if (committee.isEmpty()) {
                throw new UsageException("--committee (or --platform) is required");
            }
            threshold = options.integer("--threshold");
        }
        byte[] bidForm = CanonicalJson.utf8(
                CanonicalJson.read(Files.readString(Path.of(options.required("--bid-form")), StandardCharsets.UTF_8)));
        Path manifestFile = Path.of(options.required("--manifest"));
        Path ciphertextFile = Path.of(options.required("--ciphertext"));
        List<Path> files = options.positional().stream().map(Path::of).toList();

        List<InputStream> streams = new ArrayList<>();
        Manifest manifest;
        try (OutputStream ciphertext = new BufferedOutputStream(Files.newOutputStream(ciphertextFile))) {
            List<Attachment> attachments = new ArrayList<>();
            for (Path file : files) {
                InputStream stream = Files.newInputStream(file);
                streams.add(stream);
                String type = Files.probeContentType(file);
                attachments.add(new Attachment(
                        file.getFileName().toString(),
                        type == null ? "application/octet-stream" : type,
                        Files.size(file),
                        stream));
            }
            manifest = Sealer.seal(context, committee, threshold, bidForm, attachments, ciphertext, new SecureRandom());
        } catch (SealingException | IOException e) {
            Files.deleteIfExists(ciphertextFile);
            throw e;
        } finally {
            for (InputStream stream : streams) {
                stream.close();
            }
        }
        Files.writeString(manifestFile, manifest.toJson(), StandardCharsets.UTF_8);
        terminal.out().println("Manifest:      " + manifestFile);
        terminal.out()
                .println("Ciphertext:    " + ciphertextFile + " (" + manifest.ciphertextSize() + " bytes, SHA-256 "
                        + manifest.ciphertextSha256() + ")");
        terminal.out().println("Committee:     " + manifest.threshold() + " of " + manifest.committeeSize());
        terminal.out().println("Envelope hash: " + manifest.envelopeHash());
        return SealTool.OK;
    }

    private EnvelopeContext context(Options options) throws IOException {
        String contextFile = options.optional("--context");
        if (contextFile != null) {
            return EnvelopeContext.fromJson(Files.readString(Path.of(contextFile), StandardCharsets.UTF_8));
        }
        UUID envelope;
        try {
            envelope = UUID.fromString(options.required("--envelope"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--envelope must be a UUID");
        }
        String lots = options.optional("--lots");
        String kind = options.optional("--kind");
        EnvelopeContext.Kind envelopeKind;
        try {
            envelopeKind = EnvelopeContext.Kind.valueOf((kind == null ? "single" : kind).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--kind is single, technical or financial");
        }
        return new EnvelopeContext(
                envelope,
                envelopeKind,
                lots == null ? List.of("1") : Arrays.asList(lots.split(",", -1)),
                options.required("--ocid"));
    }

    /** A text file of base64 points (one per line, # comments), or a member's key file. */
    private static List<CommitteeKey> committeeKeys(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.strip().startsWith("{")) {
            return List.of(KeyFile.fromJson(text).publicKey());
        }
        List<CommitteeKey> keys = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String key = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            if (!key.isBlank()) {
                keys.add(CommitteeKey.fromBase64(key.strip()));
            }
        }
        return keys;
    }
}
