// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.util.List;

/**
 * Whether a company may bid for a contract, and why not: each finding names a message key and its arguments. A
 * blocking finding comes from an enforceable rule (an exclusion, a requirement the pack holds as primary or secondary);
 * a warning from an unverified one, which never blocks (docs/ARCHITECTURE.md, "Rules are data").
 */
public record Eligibility(List<Finding> findings) {

    public Eligibility {
        findings = List.copyOf(findings);
    }

    /** One reason, blocking or not; {@code arguments} fill the message ({@code i18n/suppliers*.properties}). */
    public record Finding(boolean blocking, String messageKey, List<String> arguments) {

        public Finding {
            arguments = List.copyOf(arguments);
        }
    }

    /** True when nothing blocks. */
    public boolean eligible() {
        return findings.stream().noneMatch(Finding::blocking);
    }

    public List<Finding> blocking() {
        return findings.stream().filter(Finding::blocking).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.blocking()).toList();
    }
}
