// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import java.io.IOException;

/** One of {@link SealTool}'s commands: reads its options, does its work, returns the exit code. */
interface Command {

    /**
     * Runs the command.
     *
     * @return {@link SealTool#OK} or {@link SealTool#FAILED}
     * @throws UsageException wrong options (exit 64)
     */
    int run(Options options, Terminal terminal) throws IOException;
}
