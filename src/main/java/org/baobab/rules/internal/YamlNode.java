// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.baobab.rules.InvalidRulePackException;
import org.baobab.rules.LocalizedText;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A node of a parsed YAML pack that knows its file and path, so that every problem is reported as "file at path:
 * what is wrong".
 */
record YamlNode(String file, String path, JsonNode json) {

    InvalidRulePackException fail(String problem) {
        return new InvalidRulePackException(file, path, problem);
    }

    InvalidRulePackException fail(String key, String problem) {
        return new InvalidRulePackException(file, child(key), problem);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Fails on any field not in the list: a misspelt optional field must not silently vanish. */
    YamlNode onlyKeys(String... allowed) {
        if (!json.isObject()) {
            throw fail("expected a mapping of fields, found " + describe(json));
        }
        Set<String> known = Set.of(allowed);
        for (String name : json.propertyNames()) {
            if (!known.contains(name)) {
                throw fail(name, "unknown field (expected one of " + new TreeSet<>(known) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        JsonNode value = json.get(key);
        return value != null && !value.isNull();
    }

    YamlNode object(String key) {
        if (!has(key)) {
            throw fail(key, "is required");
        }
        YamlNode node = new YamlNode(file, child(key), json.get(key));
        if (!node.json.isObject()) {
            throw node.fail("expected a mapping of fields, found " + describe(node.json));
        }
        return node;
    }

    @Nullable
    YamlNode optionalObject(String key) {
        return has(key) ? object(key) : null;
    }

    /** The items of a list field; an absent field is an empty list. */
    List<YamlNode> list(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode value = json.get(key);
        if (!value.isArray()) {
            throw fail(key, "expected a list, found " + describe(value));
        }
        List<YamlNode> items = new ArrayList<>();
        int i = 0;
        for (JsonNode item : value.values()) {
            items.add(new YamlNode(file, child(key) + "[" + i + "]", item));
            i++;
        }
        return items;
    }

    String text(String key) {
        if (!has(key)) {
            throw fail(key, "is required");
        }
        JsonNode value = json.get(key);
        if (!value.isValueNode() || value.isBoolean()) {
            throw fail(key, "expected a text, found " + describe(value));
        }
        String text = value.asString().strip();
        if (text.isEmpty()) {
            throw fail(key, "must not be empty");
        }
        return text;
    }

    /** A yes/no field; absent is no. */
    boolean flag(String key) {
        if (!has(key)) {
            return false;
        }
        JsonNode value = json.get(key);
        if (!value.isBoolean()) {
            throw fail(key, "expected true or false, found " + describe(value));
        }
        return value.asBoolean();
    }

    @Nullable
    String optionalText(String key) {
        return has(key) ? text(key) : null;
    }

    BigDecimal amount(String key) {
        if (!has(key)) {
            throw fail(key, "is required");
        }
        JsonNode value = json.get(key);
        if (!value.isNumber()) {
            throw fail(key, "expected a number, found " + describe(value));
        }
        BigDecimal amount = new BigDecimal(value.asString());
        if (amount.signum() < 0) {
            throw fail(key, "must not be negative (found " + amount.toPlainString() + ")");
        }
        return amount;
    }

    @Nullable
    BigDecimal optionalAmount(String key) {
        return has(key) ? amount(key) : null;
    }

    int count(String key) {
        BigDecimal amount = amount(key);
        try {
            return amount.intValueExact();
        } catch (ArithmeticException e) {
            throw fail(key, "expected a whole number, found " + amount.toPlainString());
        }
    }

    LocalDate date(String key) {
        String text = text(key);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw fail(key, "'" + text + "' is not a date of the form YYYY-MM-DD");
        }
    }

    /** An enum constant written in lower case with hyphens or underscores, e.g. {@code clear-working}. */
    <E extends Enum<E>> E oneOf(String key, Class<E> type) {
        String text = text(key);
        String name = text.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw fail(
                key,
                "'" + text + "' is not one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                                .collect(Collectors.joining(", ")));
    }

    @Nullable
    <E extends Enum<E>> E optionalOneOf(String key, Class<E> type) {
        return has(key) ? oneOf(key, type) : null;
    }

    /** {@code {fr: …, en: …, ar: …}}, French required; or a plain text taken as French. */
    LocalizedText localized(String key) {
        if (!has(key)) {
            throw fail(key, "is required");
        }
        if (json.get(key).isString()) {
            return LocalizedText.of(text(key));
        }
        YamlNode node = object(key).onlyKeys("fr", "en", "ar");
        return new LocalizedText(node.text("fr"), node.optionalText("en"), node.optionalText("ar"));
    }

    /** This node as a localized text: a plain text (French) or {@code {fr, en, ar}}. */
    LocalizedText asLocalized() {
        if (json.isString()) {
            String text = json.asString().strip();
            if (text.isEmpty()) {
                throw fail("must not be empty");
            }
            return LocalizedText.of(text);
        }
        onlyKeys("fr", "en", "ar");
        return new LocalizedText(text("fr"), optionalText("en"), optionalText("ar"));
    }

    @Nullable
    LocalizedText optionalLocalized(String key) {
        return has(key) ? localized(key) : null;
    }

    private static String describe(JsonNode value) {
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return "'" + value.asString() + "'";
    }
}
