// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.baobab.rules.InvalidRulePackException;
import org.baobab.rules.RulePack;
import org.baobab.rules.internal.RulePackReader;

/**
 * Validates rule packs offline, with the reader the platform runs at start-up (docs/rules.md):
 *
 * <pre>
 * java -cp target/classes:$(cat target/classpath.txt) org.baobab.rules.cli.PackTool validate FOLDER [FOLDER …]
 * </pre>
 *
 * <p>FOLDER is a pack's folder, named by its country code and holding {@code pack.yaml} and {@code calendar.yaml}
 * (a path to one of the two files names its folder too). Prints {@code ok FOLDER: …} or every problem as {@code FILE:
 * LINE:COLUMN at PATH: what is wrong}; exit code 0 when every pack is valid, 1 when one is not, 64 for a wrong usage.
 */
public final class PackTool {

    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 64;

    private static final String USAGE_TEXT = """
            Usage: java -cp target/classes:$(cat target/classpath.txt) org.baobab.rules.cli.PackTool validate FOLDER...
              FOLDER: a rule pack's folder, named by its country code (e.g. src/main/resources/rulepacks/SN),
                      holding pack.yaml and calendar.yaml
            """;

    private final PrintStream out;
    private final PrintStream err;

    PackTool(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new PackTool(System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length > 0 && List.of("help", "--help", "-h").contains(args[0])) {
            out.print(USAGE_TEXT);
            return OK;
        }
        if (args.length < 2 || !args[0].equals("validate")) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        int result = OK;
        for (int i = 1; i < args.length; i++) {
            Path folder = Path.of(args[i]);
            if (Files.isRegularFile(folder)) {
                folder = folder.toAbsolutePath().getParent();
            }
            int one = validate(folder);
            if (one == USAGE) {
                return USAGE;
            }
            result = Math.max(result, one);
        }
        return result;
    }

    private int validate(Path folder) {
        Path pack = folder.resolve("pack.yaml");
        Path calendar = folder.resolve("calendar.yaml");
        for (Path file : List.of(pack, calendar)) {
            if (!Files.isRegularFile(file)) {
                err.println("FAIL " + file + ": no such file (a pack folder holds pack.yaml and calendar.yaml)");
                return USAGE;
            }
        }
        String country = folder.toAbsolutePath().normalize().getFileName().toString();
        try (InputStream packIn = Files.newInputStream(pack);
                InputStream calendarIn = Files.newInputStream(calendar)) {
            RulePack read = RulePackReader.read(
                    country,
                    new RulePackReader.Source(pack.toString(), packIn),
                    new RulePackReader.Source(calendar.toString(), calendarIn));
            out.println("ok " + folder + ": " + read.country().value() + ", "
                    + read.procedures().size()
                    + " procedures, " + read.thresholds().size() + " thresholds, "
                    + read.timeLimits().size()
                    + " time limits, " + read.calendar().holidays().size() + " holidays, "
                    + read.unverified().size()
                    + " unverified values");
            return OK;
        } catch (InvalidRulePackException e) {
            for (InvalidRulePackException.Problem p : e.problems()) {
                out.println("FAIL " + e.file() + (p.line() > 0 ? ":" + p.line() + ":" + p.column() : "")
                        + (p.path().isEmpty() ? "" : " at " + p.path()) + ": " + p.problem());
            }
            return INVALID;
        } catch (IOException e) {
            err.println("FAIL " + folder + ": cannot be read: " + e.getMessage());
            return USAGE;
        }
    }
}
