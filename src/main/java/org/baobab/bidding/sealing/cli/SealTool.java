// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.baobab.bidding.sealing.SealingException;

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
 *
 * <p>This class only dispatches: each command is its own class ({@link KeygenCommand}, {@link SealCommand},
 * {@link OpenCommand}, {@link VerifyReceiptCommand}, {@link MonitorCommand}) reading its {@link Options} and talking
 * to the {@link Terminal}.
 */
public final class SealTool {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 64;

    /** The commands by name, each in its own class. */
    private static final Map<String, Command> COMMANDS = Map.of(
            "keygen", new KeygenCommand(),
            "seal", new SealCommand(),
            "open", new OpenCommand(),
            "verify-receipt", new VerifyReceiptCommand(),
            "monitor", new MonitorCommand());

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
    interface Passphrases extends Terminal.Passphrases {}

    private final Terminal terminal;

    SealTool(PrintStream out, PrintStream err, Map<String, String> environment, Passphrases console) {
        this.terminal = new Terminal(out, err, environment, console);
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
        PrintStream err = terminal.err();
        if (args.length == 0) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        try {
            Options options = new Options(Arrays.copyOfRange(args, 1, args.length));
            if (List.of("help", "--help", "-h").contains(args[0])) {
                terminal.out().print(USAGE_TEXT);
                return OK;
            }
            Command command = COMMANDS.get(args[0]);
            if (command == null) {
                throw new UsageException("unknown command \"" + args[0] + "\"");
            }
            return command.run(options, terminal);
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
}
