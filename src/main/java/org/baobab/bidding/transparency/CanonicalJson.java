// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.transparency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The canonical JSON of docs/sealing-format.md (Notation), in which receipts and tree heads are signed: UTF-8, object
 * members sorted by key in code-point order, no insignificant white space, strings with the minimal escapes ({@code
 * \"}, {@code \\}, and <code>&#92;u00XX</code> for control characters only), integers without exponent or fraction.
 *
 * <p>Values are {@link String}, {@link Long} (or any integral {@link Number}) within ±2<sup>53</sup>, {@link Boolean},
 * {@link List}, {@link Map} with string keys, and {@link #NULL}. {@link #parse} reads any JSON text made of those
 * (strictly: no duplicate member, no fraction, nothing after the value), so that a receipt pasted by a person can be
 * put back in its canonical form and its signature checked.
 */
public final class CanonicalJson {

    /** JSON's {@code null}. */
    public enum Null {
        NULL
    }

    public static final Null NULL = Null.NULL;

    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** Sorts keys by Unicode code point (which differs from UTF-16 order only beyond the Basic Multilingual Plane). */
    public static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private CanonicalJson() {}

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof Null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            long n = ((Number) value).longValue();
            if (Math.abs(n) > MAX_SAFE_INTEGER) {
                throw new IllegalArgumentException("integer beyond ±2^53 is not exact in JSON: " + n);
            }
            out.append(n);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            for (Object key : map.keySet()) {
                if (!(key instanceof String s)) {
                    throw new IllegalArgumentException("JSON member names are strings, not " + key);
                }
                keys.add(s);
            }
            keys.sort(CODE_POINT_ORDER);
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
        } else {
            throw new IllegalArgumentException("not a canonical JSON value: "
                    + (value == null
                            ? "Java null (use CanonicalJson.NULL)"
                            : value.getClass().getName()));
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                out.append("\\\"");
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /**
     * Reads a JSON text: objects become unmodifiable maps (in document order), arrays lists, numbers {@link Long},
     * {@code null} {@link #NULL}. Refuses anything this format cannot carry exactly (fractions, exponents, integers
     * beyond ±2<sup>53</sup>, duplicate members, lone surrogates).
     *
     * @throws IllegalArgumentException with the position of the first problem
     */
    public static Object parse(String text) {
        Parser parser = new Parser(text);
        parser.space();
        Object value = parser.value(0);
        parser.space();
        if (parser.position < text.length()) {
            throw parser.error("unexpected text after the value");
        }
        return value;
    }

    private static final class Parser {

        private static final int MAX_DEPTH = 32;

        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested too deeply");
            }
            if (position >= text.length()) {
                throw error("a value is missing");
            }
            char c = text.charAt(position);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", NULL);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("unexpected character");
                }
            };
        }

        private Map<String, Object> object(int depth) {
            position++;
            Map<String, Object> members = new LinkedHashMap<>();
            space();
            if (peek('}')) {
                position++;
                return Collections.unmodifiableMap(members);
            }
            while (true) {
                space();
                if (!peek('"')) {
                    throw error("a member name is expected");
                }
                String key = string();
                space();
                expect(':');
                space();
                if (members.put(key, value(depth + 1)) != null) {
                    throw error("duplicate member \"" + key + "\"");
                }
                space();
                if (peek(',')) {
                    position++;
                } else {
                    expect('}');
                    return Collections.unmodifiableMap(members);
                }
            }
        }

        private List<Object> array(int depth) {
            position++;
            List<Object> items = new ArrayList<>();
            space();
            if (peek(']')) {
                position++;
                return Collections.unmodifiableList(items);
            }
            while (true) {
                space();
                items.add(value(depth + 1));
                space();
                if (peek(',')) {
                    position++;
                } else {
                    expect(']');
                    return Collections.unmodifiableList(items);
                }
            }
        }

        private String string() {
            position++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (position >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(position++);
                if (c == '"') {
                    break;
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (position >= text.length()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(position++);
                switch (e) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (position + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                        } catch (NumberFormatException notHex) {
                            throw error("bad \\u escape");
                        }
                        position += 4;
                    }
                    default -> throw error("unknown escape");
                }
            }
            String s = out.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw error("lone surrogate in a string");
                }
            }
            return s;
        }

        private Long number() {
            int start = position;
            if (peek('-')) {
                position++;
            }
            int digits = position;
            while (position < text.length()
                    && Character.isDigit(text.charAt(position))
                    && text.charAt(position) < 128) {
                position++;
            }
            if (position == digits) {
                throw error("digits expected");
            }
            if (position - digits > 1 && text.charAt(digits) == '0') {
                throw error("leading zero");
            }
            if (position < text.length() && "eE.".indexOf(text.charAt(position)) >= 0) {
                throw error("only integers are accepted");
            }
            if (position - digits > 16) {
                throw error("integer beyond ±2^53");
            }
            long n = Long.parseLong(text.substring(start, position));
            if (Math.abs(n) > MAX_SAFE_INTEGER) {
                throw error("integer beyond ±2^53");
            }
            return n;
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, position)) {
                throw error("unexpected word");
            }
            position += word.length();
            return value;
        }

        void space() {
            while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
                position++;
            }
        }

        private boolean peek(char c) {
            return position < text.length() && text.charAt(position) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("'" + c + "' expected");
            }
            position++;
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("not valid JSON at character " + position + ": " + problem);
        }
    }
}
