// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import org.baobab.bidding.sealing.SealingException;
import org.baobab.bidding.transparency.LogMonitor;
import org.baobab.bidding.transparency.ReceiptVerifier;

/**
 * {@code monitor}: follows the platform's transparency log from the head kept in the state file (docs/sealing-format.md,
 * "Monitoring the log"); exit 1 on any problem, the state file updated only when all is well.
 */
final class MonitorCommand implements Command {

    @Override
    public int run(Options options, Terminal terminal) throws IOException {
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
            terminal.out().println("[ OK ] " + note);
        }
        for (String problem : report.problems()) {
            terminal.out().println("[FAIL] " + problem);
        }
        if (report.clean() && stateFile != null) {
            PlatformLog.writeState(stateFile, report.next());
        }
        terminal.out()
                .println(
                        report.clean()
                                ? "The log extends the head seen before and every set matches its members' enrolled keys."
                                : report.problems().size()
                                        + " problem(s): do not trust this platform's sealing sets until explained.");
        return report.clean() ? SealTool.OK : SealTool.FAILED;
    }
}
