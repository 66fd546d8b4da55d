// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import java.io.PrintStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a command talks to: its output and error streams, and the passphrases of the key files it is given.
 *
 * @param environment where the i-th key file's passphrase is read first ({@code BAOBAB_PASSPHRASE_i})
 * @param console asked otherwise
 */
record Terminal(PrintStream out, PrintStream err, Map<String, String> environment, Passphrases console) {

    /** Asks for a passphrase when the environment has none; null without a console. */
    @FunctionalInterface
    interface Passphrases {
        char @Nullable [] ask(String prompt);
    }

    /** The passphrase of the {@code index}-th key file given (1-based). */
    char[] passphrase(int index, String prompt) {
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
}
