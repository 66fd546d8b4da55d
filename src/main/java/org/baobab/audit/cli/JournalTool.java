// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Verifies the audit journal from files, with nothing but a JDK 17 and the compiled classes, trusting nothing the
 * platform says about itself:
 *
 * <pre>
 * java -cp target/classes org.baobab.audit.cli.JournalTool verify-journal --journal JOURNAL.jsonl [--journal …]
 *      --platform-key KEY [--checkpoint CHECKPOINT.json [--inclusion PROOF.json] --tree-head HEAD.json]
 * </pre>
 *
 * <p>JOURNAL: the export of GET /api/audit/export (JSON Lines), or saved pages of GET /api/audit/entries and
 * /api/audit/checkpoints. KEY: the answer of GET /api/platform/signing-key, a PEM public key or its Base64. With a
 * checkpoint from the transparency log (GET /api/transparency/checkpoints/{seq}), its inclusion proof and a tree head
 * kept by the person who runs the tool, it proves that the journal up to that checkpoint is the one the head commits
 * to. Prints one line per check ({@code ok} or {@code FAIL} and why); exit code 0 when every check passed, 1 when one
 * failed, 64 for a wrong usage or an unreadable file. See docs/audit-journal.md.
 */
public final class JournalTool {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 64;

    private static final String USAGE_TEXT = """
            Usage: java -cp target/classes org.baobab.audit.cli.JournalTool verify-journal
                     --journal JOURNAL.jsonl [--journal MORE.json ...] --platform-key KEY
                     [--checkpoint CHECKPOINT.json [--inclusion PROOF.json] --tree-head HEAD.json]
            """;

    private final PrintStream out;
    private final PrintStream err;

    JournalTool(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new JournalTool(System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length == 0 || !args[0].equals("verify-journal")) {
            if (args.length > 0 && List.of("help", "--help", "-h").contains(args[0])) {
                out.print(USAGE_TEXT);
                return OK;
            }
            err.print(USAGE_TEXT);
            return USAGE;
        }
        List<String> journals = new ArrayList<>();
        String key = null;
        String checkpoint = null;
        String inclusion = null;
        String treeHead = null;
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                return usage("option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--journal" -> journals.add(value);
                case "--platform-key" -> key = value;
                case "--checkpoint" -> checkpoint = value;
                case "--inclusion" -> inclusion = value;
                case "--tree-head" -> treeHead = value;
                default -> {
                    return usage("unknown option " + args[i]);
                }
            }
        }
        if (journals.isEmpty() || key == null) {
            return usage("--journal and --platform-key are required");
        }
        if ((checkpoint == null) != (treeHead == null) || (inclusion != null && checkpoint == null)) {
            return usage("--checkpoint and --tree-head go together (with --inclusion if needed)");
        }
        JournalCheck check;
        try {
            check = new JournalCheck(JournalCheck.publicKey(read(key)));
            for (String journal : journals) {
                check.readJournal(read(journal));
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println("JournalTool: " + e.getMessage());
            return USAGE;
        }
        check.checkChain();
        check.checkCheckpoints();
        if (checkpoint != null && treeHead != null) {
            try {
                check.checkAgainstLog(read(checkpoint), inclusion == null ? null : read(inclusion), read(treeHead));
            } catch (IOException | IllegalArgumentException | ClassCastException | NullPointerException e) {
                err.println("JournalTool: the checkpoint, proof or tree head cannot be read: " + e.getMessage());
                return USAGE;
            }
        }
        for (JournalCheck.Finding finding : check.findings()) {
            out.println((finding.ok() ? "ok    " : "FAIL  ") + finding.message());
        }
        out.println(check.valid() ? "VALID: every check passed" : "INVALID: see FAIL above");
        return check.valid() ? OK : FAILED;
    }

    private int usage(String message) {
        err.println("JournalTool: " + message);
        err.print(USAGE_TEXT);
        return USAGE;
    }

    private static String read(@Nullable String file) throws IOException {
        return Files.readString(Path.of(file == null ? "" : file), StandardCharsets.UTF_8);
    }
}
