// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.util.List;
import java.util.stream.Collectors;
import org.baobab.shared.BaobabException;

/**
 * A rule pack that cannot be trusted: a missing field, an unknown code, overlapping thresholds. Thrown at start-up so
 * that the platform never runs on half a rule pack; the message names the file, the line and column, the path inside
 * the file and the problem, e.g. {@code rulepacks/SN/pack.yaml:23:11 at procedures[2].ocds: 'opne' is not one of
 * open, selective, limited, direct}. When Bean Validation finds several problems at once, every one is listed
 * ({@link #problems()}), the first in the file first.
 */
public class InvalidRulePackException extends BaobabException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem of a pack file.
     *
     * @param path where in the file, e.g. {@code thresholds[2].below}; empty for the whole file
     * @param line the line in the file, from 1; 0 when unknown
     * @param column the column in the line, from 1; 0 when unknown
     */
    public record Problem(String path, int line, int column, String problem) {

        /** {@code at thresholds[2].below (line 40, column 12): must be greater than from}. */
        String describe(String file) {
            return file + (line > 0 ? ":" + line + ":" + column : "") + (path.isEmpty() ? "" : " at " + path) + ": "
                    + problem;
        }
    }

    private final String file;
    private final List<Problem> problems;

    public InvalidRulePackException(String file, String path, String problem) {
        this(file, List.of(new Problem(path, 0, 0, problem)));
    }

    public InvalidRulePackException(String file, List<Problem> problems) {
        super(
                RulesErrorCode.INVALID_PACK,
                location(file, problems.get(0)),
                problems.get(0).path(),
                problems.get(0).problem());
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    private static String location(String file, Problem first) {
        return first.line() > 0 ? file + ":" + first.line() + ":" + first.column() : file;
    }

    public String file() {
        return file;
    }

    /** The path of the first problem. */
    public String path() {
        return problems.get(0).path();
    }

    /** The first problem. */
    public String problem() {
        return problems.get(0).problem();
    }

    /** The line of the first problem, from 1; 0 when unknown. */
    public int line() {
        return problems.get(0).line();
    }

    /** Every problem found, the first in the file first. */
    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        String first = "Invalid rule pack " + problems.get(0).describe(file);
        if (problems.size() == 1) {
            return first;
        }
        return first
                + problems.subList(1, problems.size()).stream()
                        .map(p -> "\n  and " + p.describe(file))
                        .collect(Collectors.joining());
    }
}
