// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class RulesArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.baobab.rules");

    @Test
    void theEngineIsFreeOfFrameworks() {
        noClasses()
                .that()
                .resideInAPackage("org.baobab.rules.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..", "org.baobab.rules")
                .as("the rules engine is plain Java (no Spring, no Jackson, no module API), tested alone")
                .check(classes);
    }

    @Test
    void controllersArePackagePrivate() {
        classes()
                .that()
                .resideInAPackage("org.baobab.rules.web..")
                .and()
                .haveSimpleNameEndingWith("Controller")
                .should()
                .notBePublic()
                .as("web controllers are reached through HTTP only")
                .check(classes);
    }

    @Test
    void nothingReadsTheClockDirectly() {
        noClasses()
                .should()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(java.time.Instant.class, "now")
                .as("time comes from the injected Clock")
                .check(classes);
    }
}
