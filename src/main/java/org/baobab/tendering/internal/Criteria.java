// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code where} clause built from conditions written in the code and values passed as named parameters: what a
 * user typed only ever becomes a parameter's value, never SQL text. A condition whose value is absent is left out.
 */
final class Criteria {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** A condition without a value of its own (it may use parameters already bound). */
    Criteria and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** A condition on one named parameter, left out when the value is null. */
    Criteria and(String condition, String param, @Nullable Object value) {
        if (value != null) {
            conditions.add(condition);
            bind(param, value);
        }
        return this;
    }

    /** A parameter some condition, ordering or select item uses. */
    Criteria bind(String param, @Nullable Object value) {
        params.put(param, value);
        return this;
    }

    /** The clause, with its leading {@code where}, or nothing. */
    String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The named parameters (a copy; null values allowed). */
    Map<String, Object> params() {
        return new HashMap<>(params);
    }
}
