package io.sanctionsrisk.cadence.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelArchitectureTest {

    private static JavaClasses model;

    @BeforeAll
    static void importModel() {
        model = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.sanctionsrisk.cadence");
    }

    @Test
    void modelHasNoPackageCycles() {
        slices().matching("io.sanctionsrisk.cadence.(*)..")
                .should()
                .beFreeOfCycles()
                .check(model);
    }

    @Test
    void rootPackageDependsOnNoSubPackage() {
        noClasses()
                .that()
                .resideInAPackage("io.sanctionsrisk.cadence")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.sanctionsrisk.cadence.*..")
                .check(model);
    }

    @Test
    void modelImportsNoFramework() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..",
                        "jakarta..",
                        "javax.persistence..",
                        "com.fasterxml..",
                        "org.hibernate..",
                        "io.smallrye..",
                        "org.eclipse.microprofile..",
                        "io.sanctionsrisk.risk..")
                .check(model);
    }
}
