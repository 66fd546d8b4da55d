// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.baobab.bidding.sealing.SealingException;

/**
 * {@code verify-receipt}: checks a receipt document as docs/sealing-format.md ("Checking a receipt") says, with the
 * inputs given as files or fetched from the platform; prints a verdict per check.
 */
final class VerifyReceiptCommand implements Command {

    @Override
    public int run(Options options, Terminal terminal) throws IOException {
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
                options.path("--platform-key"),
                options.path("--tree-head"),
                options.path("--inclusion"),
                options.path("--previous-head"),
                options.path("--consistency"),
                options.path("--save-head"));
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
        List<String> failed = new ReceiptCheck(terminal.out(), sources).run(document);
        if (failed.isEmpty()) {
            terminal.out()
                    .println("Verdict: VALID. The platform signed this receipt and it is in the log's signed tree.");
            return SealTool.OK;
        }
        terminal.err().println("Verdict: NOT VALID. Failed: " + String.join(", ", failed) + ".");
        return SealTool.FAILED;
    }
}
