// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class TransparencyArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.baobab.bidding");

    @Test
    void theLogsMathematicsIsPlainJava() {
        classes()
                .that()
                .resideInAPackage("org.baobab.bidding.transparency..")
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "org.jspecify..",
                        "org.baobab.bidding.transparency..",
                        "org.baobab.bidding.sealing",
                        "org.baobab.shared.merkle..")
                .as("the Merkle tree and receipt check use the JDK only: anyone can re-use them to check a receipt"
                        + " without the platform; their canonical JSON is the sealing library's (its core package,"
                        + " JDK-only too, SealingArchitectureTests), the one implementation of the format's"
                        + " definition, and never its command-line tool, which builds on this package")
                .check(classes);
    }

    @Test
    void theMerkleTreeIsPlainJava() {
        classes()
                .that()
                .resideInAPackage("org.baobab.shared.merkle..")
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.jspecify..", "org.baobab.shared.merkle..")
                .as("the RFC 9162 tree is shared by the log, the sealing tool and the journal's verifier, all of which"
                        + " run with a bare JDK")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.baobab.shared.merkle"));
    }
}
