// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baobab.shared.json.JsonReader.Numbers.DECIMALS;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import org.baobab.audit.AuditEntry;
import org.baobab.audit.CanonicalJson;
import org.baobab.audit.internal.ChainHash;
import org.baobab.shared.json.JsonReader;
import org.baobab.shared.merkle.MerkleTree;
import org.junit.jupiter.api.Test;

/** The offline verifier's own pieces: its RFC 9162 walk, its JSON reader, and that it needs nothing but the JDK. */
class JournalCheckTests {

    @Test
    void theReaderTakesWhatJsonWritersWriteAndRefusesAmbiguity() {
        assertThat(JsonReader.read(
                        " {\"a\": \"\\u00e9\\n\\/\", \"b\": [1, -2.5, true, null], \"c\": 12345678901234567890}",
                        DECIMALS))
                .isEqualTo(Map.of(
                        "a",
                        "é\n/",
                        "b",
                        java.util.Arrays.asList(1L, new java.math.BigDecimal("-2.5"), true, null),
                        "c",
                        new java.math.BigDecimal("12345678901234567890")));
        assertThatThrownBy(() -> JsonReader.read("{\"a\":1,\"a\":2}", DECIMALS)).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> JsonReader.read("{\"a\":1} x", DECIMALS)).hasMessageContaining("after the JSON value");
        assertThatThrownBy(() -> JsonReader.read("[1,", DECIMALS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVerifierIsPlainJava() {
        classes()
                .that()
                .resideInAPackage("org.baobab.audit.cli..")
                .should()
                .onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                                "java..", "org.jspecify..", "org.baobab.audit.cli..", "org.baobab.shared.json..")
                        .or(JavaClass.Predicates.belongToAnyOf(
                                AuditEntry.class, CanonicalJson.class, ChainHash.class, MerkleTree.class)))
                .as(
                        "anyone runs the journal's verifier with a JDK alone: it uses the journal's hash and canonical"
                                + " JSON, the log's Merkle tree and the shared JSON reader, which are plain Java too, and nothing of the platform")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.baobab.audit"));
    }
}
