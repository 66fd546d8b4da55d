// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.util.Locale;

/**
 * How sure we are of a rule value, following the tags of the research notes (docs/DOMAIN-RULES.md §0): a value seen
 * in an official text is {@link #PRIMARY}; one seen only in a secondary source (press, a real tender document, a
 * regulator's news item) is {@link #SECONDARY} and stands as a default until a jurist confirms it; anything weaker
 * (third-party code, recollection, a text that may be superseded) is {@link #UNVERIFIED}. The platform must not block
 * anyone on an unverified rule: it only warns.
 */
public enum Confidence {
    /** Tag [P]: read in a primary or official text, cited. */
    PRIMARY,
    /** Tag [S]: read in a secondary source; a default to be confirmed. */
    SECONDARY,
    /** Tags [S-code], [S-weak] and [U]: a lead or placeholder, never enforced. */
    UNVERIFIED;

    /** Whether the platform may enforce (block on) a rule of this confidence. */
    public boolean enforceable() {
        return this != UNVERIFIED;
    }

    /** The spelling used in the YAML packs: {@code primary}, {@code secondary}, {@code unverified}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
