// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.util.List;

/** Helpers shared by the records of this package. */
final class Ocds {

    private Ocds() {}

    /** An immutable copy, empty for {@code null}. */
    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
