// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.baobab.shared.json.JsonReader;
import org.jspecify.annotations.Nullable;

/**
 * Canonical JSON as docs/sealing-format.md defines it (the same as the transparency log's), and the strict reading
 * (through the shared {@link JsonReader}, integers only) of the manifest, key files and test vectors: members sorted by key in code-point order, only {@code \"}, {@code \\}
 * and <code>&#92;u00xx</code> (lower-case) for U+0000 to U+001F as escapes, integers only.
 *
 * <p>The writer takes {@link Map}s with {@link String} keys (written sorted by code point), {@link List}s (or
 * any {@link Collection}, in iteration order), {@link String}s, {@link Integer}s and {@link Long}s within ±(2^53 − 1),
 * {@link Boolean}s and {@code null}. The reader returns the same shapes: objects as unmodifiable maps in document
 * order, arrays as unmodifiable lists, integers as {@link Long}. It refuses what the format never contains (fractions,
 * exponents, duplicate keys, malformed UTF-8, lone surrogates) rather than guessing.
 */
public final class CanonicalJson {

    /** The largest integer both JavaScript and Java represent exactly: 2^53 − 1. */
    public static final long MAX_INTEGER = JsonReader.MAX_SAFE_INTEGER;

    /** Unicode code-point order (differs from {@link String#compareTo} only beyond the Basic Multilingual Plane). */
    public static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    private CanonicalJson() {}

    /** The canonical JSON text of a value. */
    public static String write(@Nullable Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** The canonical JSON of a value as UTF-8 bytes: what the format hashes. */
    public static byte[] utf8(@Nullable Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads JSON text (white space between tokens allowed); see the class comment for what comes back. */
    public static @Nullable Object read(String json) {
        try {
            return JsonReader.read(json, JsonReader.Numbers.SAFE_INTEGERS);
        } catch (JsonReader.JsonException e) {
            throw new SealingException("JSON: " + e.reason() + " (at character " + e.position() + ")", e);
        }
    }

    /** Reads JSON from UTF-8 bytes, refusing malformed UTF-8. */
    public static @Nullable Object read(byte[] utf8) {
        return read(decodeUtf8(utf8));
    }

    /** Reads a JSON object. */
    public static Map<String, @Nullable Object> readObject(String json) {
        Object value = read(json);
        if (!(value instanceof Map<?, ?> map)) {
            throw new SealingException("JSON: an object was expected");
        }
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> object = (Map<String, @Nullable Object>) map;
        return object;
    }

    /** Whether the text is valid JSON already in canonical form (reading then writing it gives it back unchanged). */
    public static boolean isCanonical(String json) {
        try {
            return write(read(json)).equals(json);
        } catch (SealingException e) {
            return false;
        }
    }

    /** Decodes strict UTF-8 (no replacement characters). */
    static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SealingException("JSON: the bytes are not valid UTF-8", e);
        }
    }

    private static void write(@Nullable Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String string) {
            writeString(string, out);
        } else if (value instanceof Boolean bool) {
            out.append(bool.booleanValue() ? "true" : "false");
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            long number = ((Number) value).longValue();
            if (number > MAX_INTEGER || number < -MAX_INTEGER) {
                throw new SealingException("JSON: the integer " + number + " is outside ±(2^53 − 1)");
            }
            out.append(number);
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, @Nullable Object> sorted = new TreeMap<>(CODE_POINT_ORDER);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new SealingException("JSON: object keys must be strings, not " + entry.getKey());
                }
                sorted.put(key, entry.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, @Nullable Object> entry : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object element : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(element, out);
            }
            out.append(']');
        } else {
            throw new SealingException("JSON: cannot write a "
                    + value.getClass().getName() + " (only maps, lists, strings, integers, booleans and null)");
        }
    }

    private static void writeString(String string, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < string.length()
                            && Character.isLowSurrogate(string.charAt(i + 1))) {
                        out.append(c).append(string.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new SealingException("JSON: a string holds a lone surrogate at index " + i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
