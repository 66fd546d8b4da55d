// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The sealing library is offered to API clients on its own: it must run with nothing but a JDK. */
@AnalyzeClasses(packages = "org.baobab.bidding.sealing", importOptions = ImportOption.DoNotIncludeTests.class)
class SealingArchitectureTests {

    @ArchTest
    static final ArchRule dependsOnTheJdkOnly = classes()
            .that()
            .resideInAPackage("org.baobab.bidding.sealing..")
            .and()
            .doNotHaveSimpleName("package-info")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "javax..",
                    "org.baobab.bidding.sealing..",
                    "org.baobab.bidding.transparency..",
                    "org.baobab.shared.merkle..",
                    "org.baobab.shared.json..",
                    "org.jspecify.annotations..")
            .as("The sealing library and its command-line tool depend on nothing but java.*, javax.* and JSpecify's"
                    + " annotations (and the tool on the transparency log's mathematics and"
                    + " Merkle tree, and the shared JSON reader, themselves JDK-only: TransparencyArchitectureTests): API clients run it with a bare JDK 17, and the browser's"
                    + " implementation is held to the same format by the test vectors, not by shared code");

    @ArchTest
    static final ArchRule theCoreStandsAlone = classes()
            .that()
            .resideInAPackage("org.baobab.bidding.sealing")
            // the package's Spring Modulith annotation (a named interface for the opening module) is not code
            .and()
            .doNotHaveSimpleName("package-info")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "javax..",
                    "org.baobab.bidding.sealing",
                    "org.baobab.shared.json",
                    "org.jspecify.annotations..")
            .as("The sealing library's core (with the canonical JSON the transparency log also signs in, read by the"
                    + " shared JDK-only JSON reader) uses"
                    + " neither its command-line tool nor the transparency package, which both build on it: the"
                    + " layers are core, then transparency, then the tool, with no cycle");
}
