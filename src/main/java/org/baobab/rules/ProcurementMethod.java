// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.util.Locale;

/**
 * The OCDS {@code tender.procurementMethod} code list. Each national procedure maps to one of them (docs/DOMAIN-RULES.md
 * §9), the exact legal label going to {@code procurementMethodDetails}.
 */
public enum ProcurementMethod {
    OPEN,
    SELECTIVE,
    LIMITED,
    DIRECT;

    /** The OCDS code, e.g. {@code open}. */
    public String ocdsCode() {
        return name().toLowerCase(Locale.ROOT);
    }
}
