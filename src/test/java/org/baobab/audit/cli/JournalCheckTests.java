// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baobab.audit.CanonicalJson;
import org.baobab.audit.internal.ChainHash;
import org.baobab.bidding.transparency.MerkleTree;
import org.junit.jupiter.api.Test;

/** The offline verifier's own pieces: its RFC 9162 walk, its JSON reader, and that it needs nothing but the JDK. */
class JournalCheckTests {

    @Test
    void theInclusionWalkAgreesWithTheLogsTreeForEveryLeafOfEverySize() {
        for (int size = 1; size <= 33; size++) {
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                leaves.add(MerkleTree.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
            }
            MerkleTree.Nodes nodes = MerkleTree.fromLeafHashes(i -> leaves.get((int) i));
            byte[] root = MerkleTree.root(size, nodes);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = MerkleTree.inclusionProof(index, size, nodes);
                assertThat(JournalCheck.leafHash(("leaf " + index).getBytes(StandardCharsets.UTF_8)))
                        .isEqualTo(leaves.get(index));
                assertThat(JournalCheck.included(index, size, leaves.get(index), path, root))
                        .as("leaf %d of %d", index, size)
                        .isTrue();
                // a proof checked against another place or size answers as the log's own check does
                int other = (index + 1) % size;
                assertThat(JournalCheck.included(other, size, leaves.get(index), path, root))
                        .isEqualTo(MerkleTree.verifyInclusion(other, size, leaves.get(index), path, root));
                assertThat(JournalCheck.included(index, size + 1, leaves.get(index), path, root))
                        .isEqualTo(MerkleTree.verifyInclusion(index, size + 1, leaves.get(index), path, root));
                if (!path.isEmpty()) {
                    List<byte[]> altered = new ArrayList<>(path);
                    byte[] sibling = altered.get(0).clone();
                    sibling[0] ^= 1;
                    altered.set(0, sibling);
                    assertThat(JournalCheck.included(index, size, leaves.get(index), altered, root))
                            .as("an altered path")
                            .isFalse();
                }
                assertThat(JournalCheck.included(
                                index,
                                size,
                                JournalCheck.leafHash("another leaf".getBytes(StandardCharsets.UTF_8)),
                                path,
                                root))
                        .as("another leaf")
                        .isFalse();
            }
        }
    }

    @Test
    void theReaderTakesWhatJsonWritersWriteAndRefusesAmbiguity() {
        assertThat(Json.read(" {\"a\": \"\\u00e9\\n\\/\", \"b\": [1, -2.5, true, null], \"c\": 12345678901234567890}"))
                .isEqualTo(Map.of(
                        "a",
                        "é\n/",
                        "b",
                        java.util.Arrays.asList(1L, new java.math.BigDecimal("-2.5"), true, null),
                        "c",
                        new java.math.BigDecimal("12345678901234567890")));
        assertThatThrownBy(() -> Json.read("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> Json.read("{\"a\":1} x")).hasMessageContaining("after the JSON value");
        assertThatThrownBy(() -> Json.read("[1,")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVerifierIsPlainJava() {
        classes()
                .that()
                .resideInAPackage("org.baobab.audit.cli..")
                .should()
                .onlyDependOnClassesThat(
                        JavaClass.Predicates.resideInAnyPackage("java..", "org.jspecify..", "org.baobab.audit.cli..")
                                .or(JavaClass.Predicates.belongToAnyOf(CanonicalJson.class, ChainHash.class)))
                .as("anyone runs the journal's verifier with a JDK alone: it uses the journal's hash and canonical"
                        + " JSON, which are plain Java too, and nothing of the platform")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.baobab.audit"));
    }
}
