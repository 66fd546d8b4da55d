// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OCDS 1.1.5 schemas (JSON Schema draft-04, with {@code date-time} and {@code uri} format checks) as a test oracle,
 * read from the OCDS oracles beside the project ({@code ../shared/ocds-oracles}, passed by the {@code ocds-conformance}
 * Maven profile as the system property {@value #ORACLES_PROPERTY}); nothing is copied into the project.
 *
 * <p>Any module's test can check the releases it publishes:
 *
 * <pre>{@code
 * @Test
 * @EnabledIfSystemProperty(named = OcdsSchema.ORACLES_PROPERTY, matches = ".+")
 * void myReleasesAreValidOcds() throws Exception {
 *     String json = web.body("/api/ocds/releases?ocid=" + ocid);
 *     assertThat(OcdsSchema.releasePackageErrors(json)).isEmpty();
 *     assertThat(OcdsSchema.emptyFields(json)).isEmpty();
 * }
 * }</pre>
 */
public final class OcdsSchema {

    /** The system property naming the {@code ocds-oracles} folder. */
    public static final String ORACLES_PROPERTY = "baobab.ocds.oracles";

    static final String SCHEMA_ID = "https://standard.open-contracting.org/schema/1__1__5/";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private OcdsSchema() {}

    /** The {@code ocds-oracles} folder; fails if the property is not set (guard the test with it). */
    public static Path oracles() {
        String folder = System.getProperty(ORACLES_PROPERTY);
        if (folder == null || folder.isBlank()) {
            throw new IllegalStateException(ORACLES_PROPERTY + " is not set: the OCDS oracles are not available");
        }
        return Path.of(folder).toAbsolutePath().normalize();
    }

    /** The errors of a release package against {@code release-package-schema.json}; empty when valid. */
    public static List<String> releasePackageErrors(String json) {
        return errors("release-package-schema.json", json);
    }

    /** The errors of a record package against {@code record-package-schema.json}; empty when valid. */
    public static List<String> recordPackageErrors(String json) {
        return errors("record-package-schema.json", json);
    }

    /** The errors of a single release against {@code release-schema.json}; empty when valid. */
    public static List<String> releaseErrors(String json) {
        return errors("release-schema.json", json);
    }

    /** Each error as {@code keyword /instance/path: message}. */
    public static List<String> errors(String schemaFile, String json) {
        return validate(schemaFile, json).stream()
                .map(e -> e.getKeyword() + " " + e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }

    /** The validator's errors, for tests that look at keywords and locations. */
    public static List<Error> validate(String schemaFile, String json) {
        return schema(schemaFile).validate(json, InputFormat.JSON);
    }

    /**
     * The JSON Pointers of the fields that are present but empty ({@code ""}, {@code {}}, {@code []}, {@code null}):
     * OCDS forbids them, and the schema does not catch them all.
     */
    public static List<String> emptyFields(String json) {
        List<String> found = new ArrayList<>();
        empty(MAPPER.readTree(json), "", found);
        return found;
    }

    /** The {@code ocid/id} pairs that occur more than once in a release package ({@code releases}). */
    public static List<String> duplicateReleaseIds(String releasePackageJson) {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (JsonNode release : MAPPER.readTree(releasePackageJson).path("releases")) {
            String key =
                    release.path("ocid").asString() + "/" + release.path("id").asString();
            if (!seen.add(key)) {
                duplicates.add(key);
            }
        }
        return duplicates;
    }

    private static void empty(JsonNode node, String path, List<String> found) {
        if (node.isNull() || (node.isString() && node.asString().isEmpty()) || (node.isContainer() && node.isEmpty())) {
            found.add(path);
        } else if (node.isObject()) {
            node.properties().forEach(e -> empty(e.getValue(), path + "/" + e.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                empty(node.get(i), path + "/" + i, found);
            }
        }
    }

    private static Schema schema(String file) {
        return SCHEMAS.computeIfAbsent(file, f -> {
            Path folder = oracles().resolve("standard-1.1/schema");
            if (!Files.isRegularFile(folder.resolve(f))) {
                throw new IllegalStateException("no " + f + " in " + folder);
            }
            SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_POINTER)
                    .locale(Locale.ENGLISH)
                    .build();
            // the package schemas $ref the release schema by its https id: serve every id from the local folder
            Map<String, String> byId = new java.util.HashMap<>();
            for (String name : List.of(
                    "release-schema.json",
                    "release-package-schema.json",
                    "record-package-schema.json",
                    "versioned-release-validation-schema.json")) {
                try {
                    byId.put(SCHEMA_ID + name, Files.readString(folder.resolve(name)));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_4,
                    builder -> builder.schemaRegistryConfig(config).schemas(byId));
            return registry.getSchema(SchemaLocation.of(SCHEMA_ID + f));
        });
    }
}
