// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One result of checking a notice against the rule pack and common sense: an error blocks submission and publication,
 * a warning (an unverified rule, a missing rule) is shown and does not block.
 *
 * @param messageKey the bundle key of the explanation, with {@code arguments}
 * @param legalBasis the text and article of the rule applied, when the finding comes from the pack
 */
public record Finding(
        Severity severity,
        String messageKey,
        List<Object> arguments,
        @Nullable String legalBasis) {

    public Finding {
        arguments = List.copyOf(arguments);
    }

    /** How much a finding weighs. */
    public enum Severity {
        ERROR,
        WARNING,
        INFO
    }

    public boolean blocking() {
        return severity == Severity.ERROR;
    }
}
