// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.baobab.bidding.sealing.Attachment;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.sealing.CommitteeKey;
import org.baobab.bidding.sealing.EnvelopeContext;
import org.baobab.bidding.sealing.KeyFile;
import org.baobab.bidding.sealing.Manifest;
import org.baobab.bidding.sealing.MemberKey;
import org.baobab.bidding.sealing.Opener;
import org.baobab.bidding.sealing.PartHeader;
import org.baobab.bidding.sealing.PartSink;
import org.baobab.bidding.sealing.Sealer;
import org.baobab.bidding.sealing.SealingException;
import org.baobab.bidding.sealing.ShareOpener;
import org.baobab.bidding.transparency.LogMonitor;
import org.baobab.bidding.transparency.ReceiptVerifier;
import org.jspecify.annotations.Nullable;

/**
 * Seals and opens {@code BSE1} envelopes from the command line, with nothing but a JDK 17 and the compiled classes:
 *
 * <pre>
 * java -cp target/classes org.baobab.bidding.sealing.cli.SealTool COMMAND [OPTIONS]
 *
 * keygen --out KEY.json
 *     Creates a committee member's key file (BKF1) and prints its public key and fingerprint.
 *
 * seal (--context CONTEXT.json | --ocid OCID --envelope UUID [--lots 1,2] [--kind single|technical|financial])
 *      (--committee KEYS [--committee KEYS …] --threshold K | --platform URL [--platform-key KEY] [--state HEAD.json])
 *      --bid-form BID.json --manifest OUT.json --ciphertext OUT.bin [FILE …]
 *     Seals the bid form (any JSON with integer numbers, written canonically) and the files. KEYS is a text file of
 *     base64 points, one per line in the committee's order (# starts a comment), or a member's key file; several
 *     --committee options are concatenated in order. With --platform, the committee is the one the platform serves for
 *     the process, only if the transparency log proves it is the process's sealing set (statement signed, included in
 *     a signed tree head that extends the head kept in HEAD.json, which is then updated); else nothing is sealed.
 *     Prints the envelope hash.
 *
 * open --manifest M.json --ciphertext C.bin --key KEY.json [--key KEY.json …] --out DIR
 *     Decrypts the shares of the given members' key files (each key file's member is found by its fingerprint), opens
 *     the envelope and writes bid.json and the files into DIR (created if needed; existing files are never
 *     overwritten; nothing is written if anything fails).
 *
 * verify-receipt RECEIPT.json (--platform URL | --platform-key KEY) [--platform-key KEY] [--tree-head HEAD.json]
 *                [--inclusion PROOF.json] [--previous-head OLD.json [--consistency PROOF.json]] [--save-head FILE]
 *     Checks a receipt document as docs/sealing-format.md ("Checking a receipt") says: the platform's signature of
 *     the receipt, a signed tree head, the receipt's inclusion in it and, with a head kept from before, that the log
 *     extends it. Inputs not given as files are fetched from the platform's public API at URL; the key, when not
 *     given, from its /api/platform/signing-key. Prints a verdict per check.
 *
 * monitor --platform URL [--state FILE] [--platform-key KEY]
 *     Follows the platform's transparency log from the head kept in FILE (docs/sealing-format.md, "Monitoring the
 *     log"): signed head, consistency with the previous head, the new leaves and the root they build, each key
 *     enrolment's proof, each sealing set against its members' enrolled keys and against what bidders are served.
 *     Exit 1 on any problem; FILE is updated only when all is well.
 * </pre>
 *
 * <p>Passphrases: the i-th key file given (1-based; {@code keygen}'s is the first) reads {@code BAOBAB_PASSPHRASE_i}
 * from the environment, otherwise asks on the console. Exit codes: 0 done (for {@code verify-receipt}: every check
 * passed), 1 sealing, opening or a check failed (the message says why), 64 wrong usage.
 */
public final class SealTool {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 64;

    private static final String USAGE_TEXT = """
            Usage: java -cp target/classes org.baobab.bidding.sealing.cli.SealTool COMMAND [OPTIONS]
              keygen --out KEY.json
              seal (--context CONTEXT.json | --ocid OCID --envelope UUID [--lots 1,2] [--kind single|technical|financial])
                   (--committee KEYS [--committee KEYS ...] --threshold K
                    | --platform URL [--platform-key KEY] [--state HEAD.json])
                   --bid-form BID.json --manifest OUT.json --ciphertext OUT.bin [FILE ...]
              open --manifest M.json --ciphertext C.bin --key KEY.json [--key KEY.json ...] --out DIR
              verify-receipt RECEIPT.json (--platform URL | --platform-key KEY) [--platform-key KEY]
                   [--tree-head HEAD.json] [--inclusion PROOF.json]
                   [--previous-head OLD.json [--consistency PROOF.json]] [--save-head FILE]
              monitor --platform URL [--state FILE] [--platform-key KEY]
            Passphrases: BAOBAB_PASSPHRASE_1, BAOBAB_PASSPHRASE_2, ... (one per key file, in order), else asked.
            """;

    /** Asks for the i-th passphrase when the environment has none. */
    @FunctionalInterface
    interface Passphrases {
        char @Nullable [] ask(String prompt);
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Passphrases console;

    SealTool(PrintStream out, PrintStream err, Map<String, String> environment, Passphrases console) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.console = console;
    }

    @SuppressWarnings("SystemConsoleNull") // null on the JDK 17 without a terminal: then the environment is needed
    public static void main(String[] args) {
        Console console = System.console();
        SealTool tool = new SealTool(
                System.out,
                System.err,
                System.getenv(),
                prompt -> console == null ? null : console.readPassword(prompt));
        System.exit(tool.run(args));
    }

    int run(String[] args) {
        if (args.length == 0) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        try {
            Options options = new Options(Arrays.copyOfRange(args, 1, args.length));
            return switch (args[0]) {
                case "keygen" -> keygen(options);
                case "seal" -> seal(options);
                case "open" -> open(options);
                case "verify-receipt" -> verifyReceipt(options);
                case "monitor" -> monitor(options);
                case "help", "--help", "-h" -> {
                    out.print(USAGE_TEXT);
                    yield OK;
                }
                default -> throw new UsageException("unknown command \"" + args[0] + "\"");
            };
        } catch (UsageException e) {
            err.println("SealTool: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        } catch (SealingException e) {
            err.println("SealTool: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("SealTool: " + e);
            return FAILED;
        }
    }

    private int keygen(Options options) throws IOException {
        options.allow("--out");
        Path file = Path.of(options.required("--out"));
        options.noPositional();
        if (Files.exists(file)) {
            throw new SealingException(file + " already exists: a key file is never overwritten");
        }
        char[] passphrase = passphrase(1, "New passphrase for " + file + ": ");
        MemberKey key = MemberKey.generate(new SecureRandom());
        Files.writeString(
                file, KeyFile.create(key, passphrase, new SecureRandom()).toJson(), StandardCharsets.UTF_8);
        Arrays.fill(passphrase, '\0');
        out.println("Key file:    " + file);
        out.println("Public key:  " + key.publicKey().base64());
        out.println("Fingerprint: " + key.publicKey().fingerprint());
        return OK;
    }

    private int seal(Options options) throws IOException {
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
                    out);
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
        out.println("Manifest:      " + manifestFile);
        out.println("Ciphertext:    " + ciphertextFile + " (" + manifest.ciphertextSize() + " bytes, SHA-256 "
                + manifest.ciphertextSha256() + ")");
        out.println("Committee:     " + manifest.threshold() + " of " + manifest.committeeSize());
        out.println("Envelope hash: " + manifest.envelopeHash());
        return OK;
    }

    private int open(Options options) throws IOException {
        options.allow("--manifest", "--ciphertext", "--key", "--out");
        Manifest manifest = Manifest.fromJson(Files.readAllBytes(Path.of(options.required("--manifest"))));
        Path ciphertextFile = Path.of(options.required("--ciphertext"));
        Path outDir = Path.of(options.required("--out"));
        List<String> keyFiles = options.all("--key");
        options.noPositional();
        if (keyFiles.isEmpty()) {
            throw new UsageException("--key is required (as many as the threshold)");
        }
        List<byte[]> shares = new ArrayList<>();
        for (int i = 0; i < keyFiles.size(); i++) {
            KeyFile keyFile = KeyFile.fromJson(Files.readString(Path.of(keyFiles.get(i)), StandardCharsets.UTF_8));
            int member = manifest.fingerprints().indexOf(keyFile.fingerprint()) + 1;
            if (member == 0) {
                throw new SealingException("The key file " + keyFiles.get(i) + " (" + keyFile.publicKey()
                        + ") is not a member of this envelope's committee");
            }
            char[] passphrase = passphrase(i + 1, "Passphrase for " + keyFiles.get(i) + ": ");
            MemberKey key;
            try {
                key = keyFile.open(passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
            shares.add(ShareOpener.decrypt(manifest, member, key));
            out.println("Share of member " + member + " decrypted ("
                    + keyFile.publicKey().shortFingerprint() + ")");
        }

        Files.createDirectories(outDir);
        Path staging = Files.createTempDirectory(outDir, ".opening-");
        FileSink sink = new FileSink(staging, outDir);
        try (InputStream ciphertext = Files.newInputStream(ciphertextFile)) {
            Opener.open(manifest, shares, new BufferedInputStream(ciphertext), sink);
            sink.close();
            for (Map.Entry<Path, String> part : sink.files.entrySet()) {
                Path target = outDir.resolve(part.getValue());
                Files.move(part.getKey(), target); // fails rather than replace a file that appeared meanwhile
                out.println("Wrote " + target);
            }
        } finally {
            sink.close();
            try (var leftovers = Files.list(staging)) {
                for (Path leftover : leftovers.toList()) {
                    Files.deleteIfExists(leftover);
                }
            }
            Files.deleteIfExists(staging);
            for (byte[] share : shares) {
                Arrays.fill(share, (byte) 0);
            }
        }
        out.println("Opened envelope " + manifest.context().envelope() + " (envelope hash " + manifest.envelopeHash()
                + ")");
        return OK;
    }

    private int monitor(Options options) throws IOException {
        options.allow("--platform", "--state", "--platform-key");
        options.noPositional();
        PlatformLog platform = new PlatformLog(ReceiptCheck.baseUrl(options.required("--platform")));
        String keyFile = options.optional("--platform-key");
        PublicKey key = platform.platformKey(keyFile == null ? null : Path.of(keyFile));
        String state = options.optional("--state");
        Path stateFile = state == null ? null : Path.of(state);
        LogMonitor.State previous = PlatformLog.readState(stateFile);
        LogMonitor.Report report;
        try {
            report = new LogMonitor(platform, key, ReceiptVerifier.keyId(key)).run(previous);
        } catch (IOException | RuntimeException e) {
            throw new SealingException("The log could not be followed: " + e.getMessage());
        } catch (Exception e) {
            throw new IOException(e);
        }
        for (String note : report.notes()) {
            out.println("[ OK ] " + note);
        }
        for (String problem : report.problems()) {
            out.println("[FAIL] " + problem);
        }
        if (report.clean() && stateFile != null) {
            PlatformLog.writeState(stateFile, report.next());
        }
        out.println(
                report.clean()
                        ? "The log extends the head seen before and every set matches its members' enrolled keys."
                        : report.problems().size()
                                + " problem(s): do not trust this platform's sealing sets until explained.");
        return report.clean() ? OK : FAILED;
    }

    private int verifyReceipt(Options options) throws IOException {
        options.allow(
                "--platform",
                "--platform-key",
                "--tree-head",
                "--inclusion",
                "--previous-head",
                "--consistency",
                "--save-head");
        if (options.positional().size() != 1) {
            throw new UsageException(
                    "verify-receipt takes one receipt document (the JSON downloaded with the receipt)");
        }
        String platform = options.optional("--platform");
        URI base;
        try {
            base = platform == null ? null : ReceiptCheck.baseUrl(platform);
        } catch (SealingException notAUrl) {
            throw new UsageException(notAUrl.getMessage());
        }
        ReceiptCheck.Sources sources = new ReceiptCheck.Sources(
                base,
                file(options, "--platform-key"),
                file(options, "--tree-head"),
                file(options, "--inclusion"),
                file(options, "--previous-head"),
                file(options, "--consistency"),
                file(options, "--save-head"));
        if (platform == null) {
            if (sources.platformKey() == null || sources.treeHead() == null || sources.inclusion() == null) {
                throw new UsageException("without --platform, give --platform-key, --tree-head and --inclusion");
            }
            if (sources.previousHead() != null && sources.consistency() == null) {
                throw new UsageException("without --platform, --previous-head needs --consistency");
            }
        }
        if (sources.consistency() != null && sources.previousHead() == null) {
            throw new UsageException("--consistency needs --previous-head");
        }
        String document = Files.readString(Path.of(options.positional().get(0)), StandardCharsets.UTF_8);
        List<String> failed = new ReceiptCheck(out, sources).run(document);
        if (failed.isEmpty()) {
            out.println("Verdict: VALID. The platform signed this receipt and it is in the log's signed tree.");
            return OK;
        }
        err.println("Verdict: NOT VALID. Failed: " + String.join(", ", failed) + ".");
        return FAILED;
    }

    private static @Nullable Path file(Options options, String name) {
        String value = options.optional(name);
        return value == null ? null : Path.of(value);
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

    private char[] passphrase(int index, String prompt) {
        String fromEnvironment = environment.get("BAOBAB_PASSPHRASE_" + index);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        char[] typed = console.ask(prompt);
        if (typed == null) {
            throw new UsageException("no console to ask the passphrase: set BAOBAB_PASSPHRASE_" + index);
        }
        return typed;
    }

    /** Writes each part to a staging file; names are made safe and unique for the output directory. */
    private static final class FileSink implements PartSink {

        final Map<Path, String> files = new LinkedHashMap<>();
        private final Path staging;
        private final Path outDir;
        private final Set<String> names = new HashSet<>();
        private @Nullable OutputStream current;

        FileSink(Path staging, Path outDir) {
            this.staging = staging;
            this.outDir = outDir;
        }

        @Override
        public void begin(int index, PartHeader header) throws IOException {
            Path file = staging.resolve("part-" + index);
            current = new BufferedOutputStream(Files.newOutputStream(file));
            files.put(file, uniqueName(safeName(header.name())));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (current != null) {
                current.write(bytes, offset, length);
            }
        }

        @Override
        public void end(int index, PartHeader header) throws IOException {
            close();
        }

        void close() throws IOException {
            if (current != null) {
                current.close();
                current = null;
            }
        }

        private String uniqueName(String name) {
            String candidate = name;
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String extension = dot > 0 ? name.substring(dot) : "";
            for (int n = 2;
                    Files.exists(outDir.resolve(candidate)) || !names.add(candidate.toLowerCase(Locale.ROOT));
                    n++) {
                candidate = stem + " (" + n + ")" + extension;
            }
            return candidate;
        }

        /** The sender's name as a harmless file name: no control or reserved characters, no leading dot. */
        static String safeName(String name) {
            StringBuilder safe = new StringBuilder();
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                safe.append(c < 0x20 || c == 0x7F || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c);
            }
            while (safe.length() > 0 && (safe.charAt(0) == '.' || safe.charAt(0) == ' ')) {
                safe.setCharAt(0, '_');
            }
            return safe.isEmpty() ? "_" : safe.toString();
        }
    }

    private static final class UsageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** {@code --name value} options (repeatable) and positional arguments. */
    private static final class Options {

        private final Map<String, List<String>> named = new LinkedHashMap<>();
        private final List<String> positional = new ArrayList<>();

        Options(String[] args) {
            for (int i = 0; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(args[i] + " needs a value");
                    }
                    named.computeIfAbsent(args[i], name -> new ArrayList<>()).add(args[++i]);
                } else {
                    positional.add(args[i]);
                }
            }
        }

        String required(String name) {
            String value = optional(name);
            if (value == null) {
                throw new UsageException(name + " is required");
            }
            return value;
        }

        @Nullable
        String optional(String name) {
            List<String> values = all(name);
            if (values.size() > 1) {
                throw new UsageException(name + " is given more than once");
            }
            return values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String name) {
            return named.getOrDefault(name, List.of());
        }

        int integer(String name) {
            try {
                return Integer.parseInt(required(name));
            } catch (NumberFormatException e) {
                throw new UsageException(name + " must be an integer");
            }
        }

        List<String> positional() {
            return positional;
        }

        /** Refuses options the command does not know (a typo must not be ignored). */
        void allow(String... names) {
            for (String name : named.keySet()) {
                if (!List.of(names).contains(name)) {
                    throw new UsageException("unknown option " + name);
                }
            }
        }

        void noPositional() {
            if (!positional.isEmpty()) {
                throw new UsageException("unexpected argument \"" + positional.get(0) + "\"");
            }
        }
    }
}
