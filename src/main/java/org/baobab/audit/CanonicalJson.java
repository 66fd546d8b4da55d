// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * JSON in its canonical form (RFC 8785, JSON Canonicalization Scheme), so that the same facts always give the same
 * bytes and therefore the same hash, whoever re-computes it: object members sorted by the UTF-16 code units of their
 * names, no white space, strings escaped as JCS prescribes, numbers in their shortest ECMAScript form.
 *
 * <p>Accepted values: {@code null}, booleans, strings (and, written as strings, enums and UUIDs), integers within
 * ±2<sup>53</sup> (exact in every JSON reader), decimals whose plain form is their ECMAScript form (|x| in [10<sup>-6</sup>,
 * 10<sup>21</sup>)), lists and maps with string keys. Anything else is refused: a float's binary rounding or an
 * arbitrary object's {@code toString} would make the hash depend on the writer.
 */
public final class CanonicalJson {

    private static final BigInteger MAX_SAFE = BigInteger.valueOf(9_007_199_254_740_992L);
    private static final BigDecimal UPPER = new BigDecimal("1e21");
    private static final BigDecimal LOWER = new BigDecimal("1e-6");

    private CanonicalJson() {}

    /**
     * A value that is already canonical JSON (as written by {@link #write}), emitted verbatim: lets a stored
     * canonical payload be embedded in a larger document without parsing it again.
     */
    public record Canonical(String json) {}

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Canonical c) {
            out.append(c.json());
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof CharSequence s) {
            string(s.toString(), out);
        } else if (value instanceof Enum<?> e) {
            string(e.name(), out);
        } else if (value instanceof UUID u) {
            string(u.toString(), out);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            integer(BigInteger.valueOf(((Number) value).longValue()), out);
        } else if (value instanceof BigInteger i) {
            integer(i, out);
        } else if (value instanceof BigDecimal d) {
            decimal(d, out);
        } else if (value instanceof Map<?, ?> map) {
            object(map, out);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("Not a canonical JSON value: "
                    + value.getClass().getName() + " (use strings, booleans, integers, BigDecimal, lists and maps)");
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        List<String> keys = new ArrayList<>();
        for (Object key : map.keySet()) {
            if (!(key instanceof String s)) {
                throw new IllegalArgumentException("JSON object keys must be strings, not " + key);
            }
            keys.add(s);
        }
        // String.compareTo compares UTF-16 code units, which is exactly JCS's order
        keys.sort(String::compareTo);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(keys.get(i), out);
            out.append(':');
            write(map.get(keys.get(i)), out);
        }
        out.append('}');
    }

    private static void integer(BigInteger value, StringBuilder out) {
        if (value.abs().compareTo(MAX_SAFE) > 0) {
            throw new IllegalArgumentException(
                    "Integer beyond ±2^53 cannot be exact in JSON: " + value + " (write it as a string)");
        }
        out.append(value);
    }

    private static void decimal(BigDecimal value, StringBuilder out) {
        BigDecimal abs = value.abs();
        if (value.signum() != 0 && (abs.compareTo(UPPER) >= 0 || abs.compareTo(LOWER) < 0)) {
            throw new IllegalArgumentException("Decimal outside [1e-6, 1e21): " + value + " (write it as a string)");
        }
        if (value.stripTrailingZeros().precision() > 15) {
            throw new IllegalArgumentException(
                    "Decimal with more than 15 significant digits (not exact as a JSON number): " + value);
        }
        String plain = value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        out.append(plain);
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
