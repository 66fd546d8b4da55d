// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The validator is wired right: it accepts the OCDS fictional example and finds the errors the OCDS validator (CoVE)
 * finds in its bad file. Without that, a passing conformance test would prove nothing.
 */
@EnabledIfSystemProperty(named = OcdsSchema.ORACLES_PROPERTY, matches = ".+")
class OcdsOracleTests {

    @Test
    void theFictionalExampleIsValid() throws IOException {
        Path folder = OcdsSchema.oracles().resolve("sample-data/fictional-example/1.1");
        List<Path> packages;
        try (Stream<Path> files = Files.list(folder)) {
            packages =
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(packages).hasSizeGreaterThanOrEqualTo(7);
        for (Path file : packages) {
            assertThat(OcdsSchema.releasePackageErrors(Files.readString(file)))
                    .as(file.getFileName().toString())
                    .isEmpty();
        }
        try (Stream<Path> files = Files.list(folder.resolve("record"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                assertThat(OcdsSchema.recordPackageErrors(Files.readString(file)))
                        .as(file.getFileName().toString())
                        .isEmpty();
            }
        }
    }

    @Test
    void theBadFileGivesTheErrorsCoveFinds() throws IOException {
        String json =
                Files.readString(OcdsSchema.oracles().resolve("cove-ocds/fixtures/badfile_all_validation_errors.json"));
        List<Error> errors = OcdsSchema.validate("release-package-schema.json", json);
        Set<String> found = new TreeSet<>();
        errors.forEach(e -> found.add(e.getKeyword() + " " + e.getInstanceLocation()));
        // badfile_all_validation_errors_results.json: 14 errors (type and format errors named by CoVE by their kind)
        List<String> expected = List.of(
                "minLength /releases/0/id",
                "pattern /version",
                "type /releases/0/tender/value/amount",
                "type /releases/0/buyer",
                "required /releases/0/tender",
                "required /releases/0",
                "type /releases/0/tender/numberOfTenderers",
                "type /releases/0/ocid",
                "type /releases/0/tender/title",
                "type /releases/0/parties",
                "format /releases/0/date",
                "format /uri",
                "enum /releases/0/tender/value/currency",
                "minItems /releases/0/tag");
        List<String> missed = expected.stream().filter(e -> !found.contains(e)).toList();
        assertThat(missed).as("expected errors not found; found: %s", found).isEmpty();
        assertThat(OcdsSchema.emptyFields(json)).contains("/releases/0/id", "/releases/0/tag");
    }
}
