// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.json;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baobab.shared.json.JsonReader.Numbers.DECIMALS;
import static org.baobab.shared.json.JsonReader.Numbers.SAFE_INTEGERS;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one JSON reader of the sealing tool and the journal's verifier: its two ways with numbers, its refusals. */
class JsonReaderTests {

    @Test
    void readsIntegersOnlyOrDecimalsToo() {
        String text = "[0, -7, 9007199254740991]";
        assertThat(JsonReader.read(text, SAFE_INTEGERS)).isEqualTo(List.of(0L, -7L, 9_007_199_254_740_991L));
        assertThat(JsonReader.read(text, DECIMALS)).isEqualTo(List.of(0L, -7L, 9_007_199_254_740_991L));
        assertThat(JsonReader.read("[1.50, 2e-3, 9007199254740992]", DECIMALS))
                .isEqualTo(List.of(new BigDecimal("1.50"), new BigDecimal("2e-3"), 9_007_199_254_740_992L));
        for (String notAnInteger :
                List.of("1.5", "2e3", "9007199254740992", "-9007199254740992", "123456789012345678")) {
            assertThatThrownBy(() -> JsonReader.read(notAnInteger, SAFE_INTEGERS))
                    .as(notAnInteger)
                    .isInstanceOf(JsonReader.JsonException.class);
        }
    }

    @Test
    void refusesWhatRfc8259ForbidsOrIJsonCallsAmbiguous() {
        for (String bad : List.of(
                "{\"a\":1,\"a\":2}",
                "01",
                "-01",
                "1.",
                "1e",
                "[1,]",
                "{\"a\":1,}",
                "\"\u0001\"",
                "\"\\ud800\"",
                "\"\\udc00x\"",
                "\"\\x\"",
                "'a'",
                "tru",
                "[1] x",
                "[".repeat(66) + "]".repeat(66))) {
            for (JsonReader.Numbers numbers : JsonReader.Numbers.values()) {
                assertThatThrownBy(() -> JsonReader.read(bad, numbers))
                        .as(bad)
                        .isInstanceOf(JsonReader.JsonException.class)
                        .hasMessageStartingWith("not valid JSON: ");
            }
        }
    }

    @Test
    void saysWhereTheTextWentWrong() {
        assertThatThrownBy(() -> JsonReader.read("{\"a\": tru}", DECIMALS))
                .isInstanceOfSatisfying(JsonReader.JsonException.class, e -> {
                    assertThat(e.position()).isEqualTo(6);
                    assertThat(e.reason()).isEqualTo("unexpected word");
                });
    }

    @Test
    void givesObjectsInDocumentOrderAndNothingToChange() {
        Object value = JsonReader.read("{\"b\": [\"\\ud83d\\ude00\"], \"a\": null}", SAFE_INTEGERS);
        assertThat(value).isInstanceOf(Map.class);
        assertThat(List.copyOf(((Map<?, ?>) value).keySet())).isEqualTo(List.of("b", "a"));
        assertThat(((Map<?, ?>) value).get("b")).isEqualTo(List.of("\uD83D\uDE00"));
        assertThatThrownBy(() -> ((Map<?, ?>) value).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theReaderIsPlainJava() {
        classes()
                .that()
                .resideInAPackage("org.baobab.shared.json..")
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.jspecify..", "org.baobab.shared.json..")
                .as("the JSON reader is shared by the sealing library and tool and the journal's verifier, all of"
                        + " which run with a bare JDK")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.baobab.shared.json"));
    }
}
