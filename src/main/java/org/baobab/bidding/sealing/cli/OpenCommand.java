// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.baobab.bidding.sealing.KeyFile;
import org.baobab.bidding.sealing.Manifest;
import org.baobab.bidding.sealing.MemberKey;
import org.baobab.bidding.sealing.Opener;
import org.baobab.bidding.sealing.SealingException;
import org.baobab.bidding.sealing.ShareOpener;

/**
 * {@code open}: decrypts the shares of the given members' key files, opens the envelope and writes bid.json and the
 * files into the output directory, all or nothing, never over an existing file.
 */
final class OpenCommand implements Command {

    @Override
    public int run(Options options, Terminal terminal) throws IOException {
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
            char[] passphrase = terminal.passphrase(i + 1, "Passphrase for " + keyFiles.get(i) + ": ");
            MemberKey key;
            try {
                key = keyFile.open(passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
            shares.add(ShareOpener.decrypt(manifest, member, key));
            terminal.out()
                    .println("Share of member " + member + " decrypted ("
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
                terminal.out().println("Wrote " + target);
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
        terminal.out()
                .println("Opened envelope " + manifest.context().envelope() + " (envelope hash "
                        + manifest.envelopeHash() + ")");
        return SealTool.OK;
    }
}
