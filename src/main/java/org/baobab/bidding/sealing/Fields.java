// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Typed, strict access to the members of a JSON object read by {@link CanonicalJson}, with messages naming them. */
final class Fields {

    private final Map<String, @Nullable Object> members;
    private final String what;

    Fields(Map<String, @Nullable Object> members, String what) {
        this.members = members;
        this.what = what;
    }

    static Fields of(@Nullable Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new SealingException(what + " must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> members = (Map<String, @Nullable Object>) map;
        return new Fields(members, what);
    }

    /** Refuses members other than the expected ones and missing ones. */
    Fields exactly(String... names) {
        Set<String> expected = new TreeSet<>(List.of(names));
        if (!members.keySet().equals(expected)) {
            Set<String> unknown = new TreeSet<>(members.keySet());
            unknown.removeAll(expected);
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(members.keySet());
            throw new SealingException(what + " must have exactly the members " + expected
                    + (missing.isEmpty() ? "" : "; missing " + missing)
                    + (unknown.isEmpty() ? "" : "; unknown " + unknown));
        }
        return this;
    }

    /** Refuses missing members (others are allowed). */
    Fields atLeast(String... names) {
        for (String name : names) {
            if (!members.containsKey(name)) {
                throw new SealingException(what + " has no \"" + name + "\"");
            }
        }
        return this;
    }

    @Nullable
    Object raw(String name) {
        return members.get(name);
    }

    String string(String name) {
        if (!(members.get(name) instanceof String value)) {
            throw new SealingException(what + ": \"" + name + "\" must be a string");
        }
        return value;
    }

    long integer(String name) {
        if (!(members.get(name) instanceof Long value)) {
            throw new SealingException(what + ": \"" + name + "\" must be an integer");
        }
        return value;
    }

    int integer(String name, int min, int max) {
        long value = integer(name);
        if (value < min || value > max) {
            throw new SealingException(
                    what + ": \"" + name + "\" must be between " + min + " and " + max + ", not " + value);
        }
        return (int) value;
    }

    Fields object(String name) {
        return of(members.get(name), what + " \"" + name + "\"");
    }

    Map<String, @Nullable Object> map(String name) {
        return object(name).members;
    }

    List<@Nullable Object> list(String name) {
        if (!(members.get(name) instanceof List<?> list)) {
            throw new SealingException(what + ": \"" + name + "\" must be an array");
        }
        @SuppressWarnings("unchecked")
        List<@Nullable Object> values = (List<@Nullable Object>) list;
        return values;
    }

    byte[] b64(String name) {
        return Bytes.fromB64(string(name), what + " \"" + name + "\"");
    }

    byte[] b64(String name, int length) {
        return Bytes.fromB64(string(name), what + " \"" + name + "\"", length);
    }
}
