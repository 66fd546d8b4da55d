// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.baobab.rules.InvalidRulePackException;
import org.baobab.rules.InvalidRulePackException.Problem;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a YAML pack file into its record ({@link PackDocument}, {@link CalendarDocument}) with Jackson, validates it
 * with Bean Validation, and reports every problem as {@code file:line:column at path: what is wrong}. Enum values are
 * written in lower case with hyphens ({@code clear-working}); a field the record does not have is refused, so that a
 * misspelt optional field never silently vanishes.
 */
final class PackYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .addModule(new SimpleModule("rule-pack-enums") {
                @Override
                public void setupModule(SetupContext context) {
                    super.setupModule(context);
                    context.addDeserializers(new EnumDeserializers());
                }
            })
            .build();

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private PackYaml() {}

    /** A file read and validated, with where each of its paths is, to report the problems found later. */
    record Parsed<T>(String file, T value, Map<String, TokenStreamLocation> locations) {

        InvalidRulePackException fail(String path, String problem) {
            return new InvalidRulePackException(file, List.of(problem(path, problem)));
        }

        /** A problem at a path, located at the path or, for an absent field, at the nearest field that holds it. */
        Problem problem(String path, String problem) {
            String located = path;
            TokenStreamLocation at = locations.get(located);
            while (at == null && !located.isEmpty()) {
                int cut = Math.max(located.lastIndexOf('.'), located.lastIndexOf('['));
                located = cut < 0 ? "" : located.substring(0, cut);
                at = locations.get(located);
            }
            return at == null
                    ? new Problem(path, 0, 0, problem)
                    : new Problem(path, at.getLineNr(), at.getColumnNr(), problem);
        }
    }

    static <T> Parsed<T> read(String file, InputStream in, Class<T> type) {
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidRulePackException(file, "", "cannot be read: " + e.getMessage());
        }
        Map<String, TokenStreamLocation> locations;
        T value;
        try {
            locations = locations(bytes);
            if (locations.isEmpty()) {
                throw new InvalidRulePackException(file, "", "the file is empty");
            }
            value = YAML.readValue(bytes, type);
        } catch (MismatchedInputException e) {
            String path = path(e.getPath());
            TokenStreamLocation at = e.getLocation();
            throw new InvalidRulePackException(
                    file,
                    List.of(new Problem(
                            path, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), describe(e))));
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new InvalidRulePackException(
                    file,
                    List.of(new Problem(
                            path(e.getPath()),
                            at == null ? 0 : at.getLineNr(),
                            at == null ? 0 : at.getColumnNr(),
                            "not valid YAML: " + e.getOriginalMessage())));
        }
        if (value == null) {
            throw new InvalidRulePackException(file, "", "the file is empty");
        }
        Parsed<T> parsed = new Parsed<>(file, value, locations);
        List<Problem> problems = new ArrayList<>();
        for (ConstraintViolation<T> v : VALIDATOR.validate(value)) {
            String message = v.getMessage();
            if (v.getInvalidValue() instanceof Number n) {
                message += " (found " + (n instanceof BigDecimal d ? d.toPlainString() : n) + ")";
            }
            problems.add(parsed.problem(v.getPropertyPath().toString(), message));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(Problem::line)
                    .thenComparingInt(Problem::column)
                    .thenComparing(Problem::path));
            throw new InvalidRulePackException(file, problems);
        }
        return parsed;
    }

    /** What a binding problem means for a pack author, in the words of the field's type. */
    private static String describe(MismatchedInputException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field (expected one of " + new TreeSet<>(names(u.getKnownPropertyIds())) + ")";
        }
        Class<?> type = e.getTargetType();
        Object value = e instanceof InvalidFormatException f ? f.getValue() : null;
        String found = value == null ? "the value" : "'" + value + "'";
        if (e instanceof InvalidFormatException && type != null && type.isEnum()) {
            return e.getOriginalMessage();
        }
        if (type == LocalDate.class) {
            return found + " is not a date of the form YYYY-MM-DD";
        }
        if (type == Currency.class) {
            return found + " is not an ISO 4217 currency code";
        }
        if (type != null && ZoneId.class.isAssignableFrom(type)) {
            return found + " is not a time-zone id like Africa/Dakar";
        }
        if (type == Integer.class || type == int.class) {
            return "expected a whole number, found " + found;
        }
        if (type == BigDecimal.class) {
            return "expected a number, found " + found;
        }
        if (type == Boolean.class || type == boolean.class) {
            return "expected true or false, found " + found;
        }
        if (type != null && (type == List.class || Collection.class.isAssignableFrom(type))) {
            return "expected a list";
        }
        if (type != null && type.isRecord()) {
            return "expected a mapping of fields";
        }
        if (type == String.class) {
            return "expected a text";
        }
        return e.getOriginalMessage();
    }

    private static List<String> names(Collection<Object> ids) {
        return ids.stream().map(String::valueOf).toList();
    }

    /** {@code procedures[1].ocds} from Jackson's path. */
    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : references) {
            if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            } else if (r.getPropertyName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getPropertyName());
            }
        }
        return path.toString();
    }

    /** Where each value of the document starts (a field's value, an item of a list), by its path as Bean Validation writes it. */
    private static Map<String, TokenStreamLocation> locations(byte[] yaml) {
        Map<String, TokenStreamLocation> locations = new HashMap<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            String field = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                TokenStreamContext context = parser.streamReadContext();
                if (token == JsonToken.PROPERTY_NAME) {
                    field = path(context);
                    continue;
                }
                if (field != null) {
                    locations.putIfAbsent(field, parser.currentTokenLocation());
                    field = null;
                } else if (token.isStructStart()) {
                    TokenStreamContext parent = context.getParent();
                    locations.putIfAbsent(parent == null ? "" : path(parent), parser.currentTokenLocation());
                } else if (!token.isStructEnd() && context.inArray()) {
                    locations.putIfAbsent(path(context), parser.currentTokenLocation());
                }
            }
        }
        return locations;
    }

    private static String path(TokenStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.currentName() != null) {
                parts.push("." + c.currentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** Every enum of a pack is written in lower case with hyphens: {@code clear-working}, {@code two-thirds}. */
    private static final class EnumDeserializers extends tools.jackson.databind.deser.Deserializers.Base {

        @Override
        public boolean hasDeserializerFor(tools.jackson.databind.DeserializationConfig config, Class<?> type) {
            return type.isEnum();
        }

        @Override
        public ValueDeserializer<?> findEnumDeserializer(
                JavaType type,
                tools.jackson.databind.DeserializationConfig config,
                tools.jackson.databind.BeanDescription.Supplier description) {
            return new LowerCaseEnum<>(type.getRawClass().asSubclass(Enum.class));
        }
    }

    private static final class LowerCaseEnum<E extends Enum<E>> extends ValueDeserializer<E> {

        private final Class<E> type;

        LowerCaseEnum(Class<?> type) {
            @SuppressWarnings("unchecked")
            Class<E> enumType = (Class<E>) type;
            this.type = enumType;
        }

        @Override
        public E deserialize(JsonParser parser, DeserializationContext context) {
            String text = parser.getValueAsString();
            if (text == null || !parser.currentToken().isScalarValue()) {
                throw InvalidFormatException.from(
                        parser, "expected one of " + written(type), parser.currentToken(), type);
            }
            String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
            throw InvalidFormatException.from(parser, "'" + text + "' is not one of " + written(type), text, type);
        }
    }

    /** The values of an enum as a pack writes them: {@code open, selective, limited, direct}. */
    static String written(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(PackYaml::written).collect(Collectors.joining(", "));
    }

    static String written(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
