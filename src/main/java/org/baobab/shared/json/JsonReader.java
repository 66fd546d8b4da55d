// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A strict JSON reader (RFC 8259), JDK only. Objects come back as unmodifiable maps in document order, arrays as
 * unmodifiable lists, strings, booleans and {@code null} as themselves, numbers as {@link Numbers} says. It refuses
 * what a hashed or signed document must never hold ambiguously (I-JSON, RFC 7493): duplicate member names and lone
 * surrogates; and what RFC 8259 forbids: leading zeros, trailing commas, unescaped control characters, nesting deeper
 * than {@value #MAX_DEPTH} levels.
 */
public final class JsonReader {

    /** The largest integer both JavaScript and Java represent exactly: 2^53 − 1. */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private static final int MAX_DEPTH = 64;

    /** How numbers are read. */
    public enum Numbers {
        /** Integers within ±(2^53 − 1) only, as {@link Long}; a fraction or an exponent is refused. */
        SAFE_INTEGERS,
        /** Any number: integers as {@link Long} (or {@link BigDecimal} beyond it), others as {@link BigDecimal}. */
        DECIMALS
    }

    /** Text that is not JSON, or not the JSON this reader takes: {@link #reason()} at {@link #position()}. */
    public static final class JsonException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String reason;
        private final int position;

        JsonException(String reason, int position) {
            super("not valid JSON: " + reason + " (at character " + position + ")");
            this.reason = reason;
            this.position = position;
        }

        /** What is wrong. */
        public String reason() {
            return reason;
        }

        /** Where, counted in UTF-16 code units from 0. */
        public int position() {
            return position;
        }
    }

    private final String text;
    private final Numbers numbers;
    private int position;

    private JsonReader(String text, Numbers numbers) {
        this.text = text;
        this.numbers = numbers;
    }

    /**
     * Reads one JSON value, white space around it allowed.
     *
     * @throws JsonException the text is not one JSON value this reader takes
     */
    public static @Nullable Object read(String text, Numbers numbers) {
        JsonReader reader = new JsonReader(text, numbers);
        reader.skipWhiteSpace();
        Object value = reader.value(0);
        reader.skipWhiteSpace();
        if (reader.position != text.length()) {
            throw reader.error("unexpected text after the JSON value");
        }
        return value;
    }

    private @Nullable Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        char c = peek();
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", true);
            case 'f' -> literal("false", false);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || isDigit(c)) {
                    yield number();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, @Nullable Object> object(int depth) {
        position++; // {
        Map<String, @Nullable Object> members = new LinkedHashMap<>();
        skipWhiteSpace();
        if (peek() == '}') {
            position++;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipWhiteSpace();
            if (peek() != '"') {
                throw error("an object key (a string) was expected");
            }
            String key = string();
            if (members.containsKey(key)) {
                throw error("duplicate key \"" + key + "\"");
            }
            skipWhiteSpace();
            expect(':');
            skipWhiteSpace();
            members.put(key, value(depth + 1));
            skipWhiteSpace();
            char next = next();
            if (next == '}') {
                return Collections.unmodifiableMap(members);
            }
            if (next != ',') {
                position--;
                throw error("',' or '}' was expected");
            }
        }
    }

    private List<@Nullable Object> array(int depth) {
        position++; // [
        List<@Nullable Object> elements = new ArrayList<>();
        skipWhiteSpace();
        if (peek() == ']') {
            position++;
            return Collections.unmodifiableList(elements);
        }
        while (true) {
            skipWhiteSpace();
            elements.add(value(depth + 1));
            skipWhiteSpace();
            char next = next();
            if (next == ']') {
                return Collections.unmodifiableList(elements);
            }
            if (next != ',') {
                position--;
                throw error("',' or ']' was expected");
            }
        }
    }

    private String string() {
        int start = position;
        position++; // "
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                position--;
                throw error("a control character must be escaped in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escape = next();
            switch (escape) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> {
                    position--;
                    throw error("unknown escape \\" + escape);
                }
            }
        }
        String result = out.toString();
        for (int i = 0; i < result.length(); i++) {
            char c = result.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < result.length()
                    && Character.isLowSurrogate(result.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                position = start;
                throw error("the string holds a lone surrogate");
            }
        }
        return result;
    }

    private char unicodeEscape() {
        if (position + 4 > text.length()) {
            throw error("a \\u escape needs four hexadecimal digits");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position++), 16);
            if (digit < 0) {
                position--;
                throw error("a \\u escape needs four hexadecimal digits");
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private Object number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (position >= text.length() || !isDigit(text.charAt(position))) {
            throw error("a digit was expected");
        }
        if (text.charAt(position) == '0') {
            position++;
        } else {
            digits();
        }
        boolean whole = true;
        if (numbers == Numbers.SAFE_INTEGERS) {
            if (position < text.length() && "+-.eE0123456789".indexOf(text.charAt(position)) >= 0) {
                throw error("only integers without fraction, exponent or leading zero are read");
            }
        } else {
            if (position < text.length() && isDigit(text.charAt(position))) {
                throw error("a number has no leading zero");
            }
            if (position < text.length() && text.charAt(position) == '.') {
                position++;
                digits();
                whole = false;
            }
            if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
                position++;
                if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                    position++;
                }
                digits();
                whole = false;
            }
        }
        String literal = text.substring(start, position);
        if (!whole) {
            return new BigDecimal(literal);
        }
        if (numbers == Numbers.DECIMALS) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException tooLarge) {
                return new BigDecimal(literal);
            }
        }
        long number = literal.length() > 17 ? Long.MAX_VALUE : Long.parseLong(literal);
        if (number > MAX_SAFE_INTEGER || number < -MAX_SAFE_INTEGER) {
            position = start;
            throw error("the integer " + literal + " is outside ±(2^53 − 1)");
        }
        return number;
    }

    private void digits() {
        int start = position;
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
        if (position == start) {
            throw error("a digit was expected");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private @Nullable Object literal(String word, @Nullable Object value) {
        if (!text.startsWith(word, position)) {
            throw error("unexpected word");
        }
        position += word.length();
        return value;
    }

    private void skipWhiteSpace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private char peek() {
        if (position >= text.length()) {
            throw error("unexpected end of the text");
        }
        return text.charAt(position);
    }

    private char next() {
        char c = peek();
        position++;
        return c;
    }

    private void expect(char expected) {
        if (next() != expected) {
            position--;
            throw error("'" + expected + "' was expected");
        }
    }

    private JsonException error(String reason) {
        return new JsonException(reason, position);
    }
}
