// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.baobab.bidding.sealing.KeyFile;
import org.baobab.bidding.sealing.MemberKey;
import org.baobab.bidding.sealing.SealingException;

/** {@code keygen}: creates a committee member's key file (BKF1) and prints its public key and fingerprint. */
final class KeygenCommand implements Command {

    @Override
    public int run(Options options, Terminal terminal) throws IOException {
        options.allow("--out");
        Path file = Path.of(options.required("--out"));
        options.noPositional();
        if (Files.exists(file)) {
            throw new SealingException(file + " already exists: a key file is never overwritten");
        }
        char[] passphrase = terminal.passphrase(1, "New passphrase for " + file + ": ");
        MemberKey key = MemberKey.generate(new SecureRandom());
        Files.writeString(
                file, KeyFile.create(key, passphrase, new SecureRandom()).toJson(), StandardCharsets.UTF_8);
        Arrays.fill(passphrase, '\0');
        terminal.out().println("Key file:    " + file);
        terminal.out().println("Public key:  " + key.publicKey().base64());
        terminal.out().println("Fingerprint: " + key.publicKey().fingerprint());
        return SealTool.OK;
    }
}
