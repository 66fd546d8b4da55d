// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * Every test sits in one tier (docs/testing.md), so that {@code -Punit} runs no Spring and {@code -Papplication}
 * leaves the browser out: a test class with no tier tag must be a plain unit test.
 */
@AnalyzeClasses(packages = "org.baobab", importOptions = ImportOption.OnlyIncludeTests.class)
class TestTiersTests {

    private static final DescribedPredicate<JavaClass> DRIVE_CHROMIUM = DescribedPredicate.describe(
            "use the Browser",
            test -> test.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().getName().equals("org.baobab.Browser")));

    @ArchTest
    static final ArchRule browserTestsAreTagged = classes()
            .that(DRIVE_CHROMIUM)
            .and()
            .haveSimpleNameEndingWith("Tests")
            .and()
            .doNotHaveSimpleName("BrowserAvailabilityTests")
            .should()
            .beAnnotatedWith(BrowserTest.class)
            .because("a test that drives Chromium belongs to the browser tier");

    @ArchTest
    static final ArchRule springStartsOnlyThroughATierAnnotation = noClasses()
            .that()
            .haveSimpleNameEndingWith("Tests")
            .should()
            .beAnnotatedWith(SpringBootTest.class)
            .orShould()
            .beAnnotatedWith(ApplicationModuleTest.class)
            .because("a Spring test uses @IntegrationTest or @ModuleTest, which tag it with its tier");
}
