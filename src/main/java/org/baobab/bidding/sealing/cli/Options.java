// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code --name value} options (repeatable) and positional arguments. */
final class Options {

    private final Map<String, List<String>> named = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    Options(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new UsageException(args[i] + " needs a value");
                }
                named.computeIfAbsent(args[i], name -> new ArrayList<>()).add(args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
    }

    String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw new UsageException(name + " is required");
        }
        return value;
    }

    @Nullable
    String optional(String name) {
        List<String> values = all(name);
        if (values.size() > 1) {
            throw new UsageException(name + " is given more than once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    List<String> all(String name) {
        return named.getOrDefault(name, List.of());
    }

    int integer(String name) {
        try {
            return Integer.parseInt(required(name));
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer");
        }
    }

    List<String> positional() {
        return positional;
    }

    /** Refuses options the command does not know (a typo must not be ignored). */
    void allow(String... names) {
        for (String name : named.keySet()) {
            if (!List.of(names).contains(name)) {
                throw new UsageException("unknown option " + name);
            }
        }
    }

    void noPositional() {
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected argument \"" + positional.get(0) + "\"");
        }
    }

    /** The named option's value as a path, or null when not given. */
    @Nullable
    Path path(String name) {
        String value = optional(name);
        return value == null ? null : Path.of(value);
    }
}
