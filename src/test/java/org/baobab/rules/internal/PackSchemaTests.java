// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas pack authors use in their editor ({@code rules/pack.schema.json}, {@code calendar.schema.json},
 * served at {@code /api/rules/schema.json}) accept every shipped pack, refuse a broken one, and describe exactly the
 * fields and enum values the reader's records bind: a field added to a record and not to the schema fails here.
 */
class PackSchemaTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyShippedPackAndCalendarValidatesAgainstTheSchema() {
        for (String country : List.of("CI", "CM", "SN")) {
            assertThat(errors("pack", "rulepacks/" + country + "/pack.yaml"))
                    .as(country + " pack.yaml")
                    .isEmpty();
            assertThat(errors("calendar", "rulepacks/" + country + "/calendar.yaml"))
                    .as(country + " calendar.yaml")
                    .isEmpty();
        }
    }

    @Test
    void theSchemaRefusesABrokenPack() {
        assertThat(errors("pack", "broken-rulepacks/bad-method/SN/pack.yaml"))
                .anySatisfy(e -> assertThat(e).contains("/procedures/1/ocds"));
    }

    @Test
    void theSchemaDescribesTheFieldsAndValuesTheRecordsBind() {
        List<String> differences = new ArrayList<>();
        JsonNode pack = schemaJson("pack");
        compare(PackDocument.class, pack, pack, "", differences);
        JsonNode calendar = schemaJson("calendar");
        compare(CalendarDocument.class, calendar, calendar, "", differences);
        assertThat(differences).isEmpty();
    }

    private static void compare(Type type, JsonNode node, JsonNode root, String path, List<String> differences) {
        JsonNode schema = resolve(node, root);
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (List.class.isAssignableFrom(raw)) {
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            compare(item, schema.path("items"), root, path + "[]", differences);
        } else if (raw.isRecord()) {
            JsonNode object = objectBranch(schema);
            Set<String> fields = new TreeSet<>(Arrays.stream(raw.getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList());
            Set<String> described = new TreeSet<>(object.path("properties").propertyNames());
            if (!fields.equals(described)) {
                differences.add(path + ": record " + fields + " but schema " + described);
                return;
            }
            for (RecordComponent c : raw.getRecordComponents()) {
                compare(
                        c.getGenericType(),
                        object.path("properties").path(c.getName()),
                        root,
                        path + "." + c.getName(),
                        differences);
            }
        } else if (raw.isEnum()) {
            List<String> written = Arrays.stream(raw.getEnumConstants())
                    .map(e -> PackYaml.written((Enum<?>) e))
                    .toList();
            List<String> described = new ArrayList<>();
            schema.path("enum").values().forEach(v -> described.add(v.asString()));
            if (!written.equals(described)) {
                differences.add(path + ": enum " + written + " but schema " + described);
            }
        }
    }

    private static JsonNode resolve(JsonNode node, JsonNode root) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            resolved = root.at(resolved.get("$ref").asString().substring(1));
        }
        return resolved;
    }

    /** The object form of a field that may also be written as a plain text ({@code oneOf} string or object). */
    private static JsonNode objectBranch(JsonNode schema) {
        if (schema.has("oneOf")) {
            for (JsonNode branch : schema.get("oneOf").values()) {
                if (branch.path("type").asString().equals("object")) {
                    return branch;
                }
            }
        }
        return schema;
    }

    private static List<String> errors(String schemaName, String yamlResource) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(
                        Map.of("https://baobab.test/" + schemaName, read("rules/" + schemaName + ".schema.json"))));
        Schema schema = registry.getSchema(SchemaLocation.of("https://baobab.test/" + schemaName));
        return schema.validate(read(yamlResource), InputFormat.YAML).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }

    private static JsonNode schemaJson(String name) {
        return JSON.readTree(read("rules/" + name + ".schema.json"));
    }

    private static String read(String resource) {
        try (InputStream in = PackSchemaTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
