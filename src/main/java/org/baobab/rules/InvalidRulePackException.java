// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import org.baobab.shared.BaobabException;

/**
 * A rule pack that cannot be trusted: a missing field, an unknown code, overlapping thresholds. Thrown at start-up so
 * that the platform never runs on half a rule pack; the message names the file, the path inside it and the problem,
 * e.g. {@code rulepacks/SN/pack.yaml at procedures[2].ocds: 'opne' is not one of open, selective, limited, direct}.
 */
public class InvalidRulePackException extends BaobabException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String path;
    private final String problem;

    public InvalidRulePackException(String file, String path, String problem) {
        super(RulesErrorCode.INVALID_PACK, file, path, problem);
        this.file = file;
        this.path = path;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }

    @Override
    public String getMessage() {
        return "Invalid rule pack " + file + (path.isEmpty() ? "" : " at " + path) + ": " + problem;
    }
}
