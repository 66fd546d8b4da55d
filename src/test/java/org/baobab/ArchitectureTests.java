// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The house rules, each with the reason it exists. */
@AnalyzeClasses(packages = "org.baobab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .should()
            .resideInAPackage("..web..")
            .andShould()
            .notBePublic()
            .as("Controllers live in a module's web package and are package-private: other modules call the"
                    + " module's API, never its controllers");

    @ArchTest
    static final ArchRule noFieldInjection = fields().should()
            .notBeAnnotatedWith(Autowired.class)
            .as("Constructor injection only: dependencies are visible and final");

    @ArchTest
    static final ArchRule noLegacyDates = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.util.Date")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.util.Calendar")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.text.SimpleDateFormat")
            .as("java.time only: legal deadlines need unambiguous instants and dates");

    @ArchTest
    static final ArchRule timeComesFromTheClock = noClasses()
            .should()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(java.time.LocalDate.class, "now")
            .orShould()
            .callMethod(java.time.LocalDateTime.class, "now")
            .orShould()
            .callMethod(java.time.ZonedDateTime.class, "now")
            .orShould()
            .callMethod(java.time.OffsetDateTime.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .as("Time is read from the injected java.time.Clock, so that deadlines can be tested and the server"
                    + " clock stays the single authority");

    @ArchTest
    static final ArchRule noStandardStreams = noClasses()
            .that()
            .resideOutsideOfPackages("org.baobab.bidding.sealing.cli", "org.baobab.audit.cli", "org.baobab.rules.cli")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .as(
                    "Log through SLF4J, never System.out/err: logs are collected and filtered for secrets (the sealing"
                            + " command-line tool, the journal's and the rule packs', which talk to the person running them, are the exceptions)");

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule frameworkFreeCores = noClasses()
            .that()
            .resideInAnyPackage("..engine..", "..crypto..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "jakarta.persistence..")
            .allowEmptyShould(true)
            .as("Rule engines and cryptographic cores are plain Java: testable alone, reusable by API clients");

    @ArchTest
    static final ArchRule plainRulesOfEvaluationAwardAndOpening = noClasses()
            .that()
            .haveFullyQualifiedName("org.baobab.evaluation.Stage")
            .or()
            .haveFullyQualifiedName("org.baobab.evaluation.ResultCalculator")
            .or()
            .haveFullyQualifiedName("org.baobab.evaluation.Ranking")
            .or()
            .haveFullyQualifiedName("org.baobab.evaluation.Quorum")
            .or()
            .haveFullyQualifiedName("org.baobab.evaluation.Settlement")
            .or()
            .haveFullyQualifiedName("org.baobab.evaluation.EvaluationSetup")
            .or()
            .haveFullyQualifiedName("org.baobab.evaluation.Recommendations")
            .or()
            .haveFullyQualifiedName("org.baobab.award.AwardStatus")
            .or()
            .haveFullyQualifiedName("org.baobab.award.AwardRules")
            .or()
            .haveFullyQualifiedName("org.baobab.opening.BidFormReader")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..", "..internal..")
            .as("The evaluation's arithmetic and stages, the award's statuses and checks, the opening's bid form reader"
                    + " are plain Java: tested in milliseconds without Spring or a database");

    @ArchTest
    static final ArchRule noH2 = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.h2..", "org.hsqldb..")
            .as("Baobab runs and is tested on PostgreSQL only");
}
