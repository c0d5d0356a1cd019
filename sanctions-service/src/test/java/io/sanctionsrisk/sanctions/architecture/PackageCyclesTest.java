package io.sanctionsrisk.sanctions.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The service's packages form a graph without cycles: each package can be read knowing only those below it. */
class PackageCyclesTest {

    private static final String ROOT = "io.sanctionsrisk.sanctions";

    @Test
    void mainPackagesHaveNoCycles() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        // The root package is a slice of its own: "(*)" alone would leave it out.
        slices().assignedFrom(new RootAndFirstLevel(ROOT))
                .should()
                .beFreeOfCycles()
                .check(classes);
    }
}
