package io.sanctionsrisk.risk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The risk-service's layout: one package per feature over {@code snapshot} and {@code dataset}, which sit over the
 * plain-Java cadence model; no feature imports another, and no package cycles.
 */
class FeaturePackagesTest {

    static final String ROOT = "io.sanctionsrisk.risk";

    /** The packages that answer requests or run jobs; each may use the shared ones, never each other. */
    static final List<String> FEATURES =
            List.of("model", "refit", "scoring", "scenario", "backtest", "health", "card", "webhook", "portfolio");

    /** What every feature may build on. */
    static final List<String> SHARED = List.of("snapshot", "dataset", "sanctions", "audit", "events", "web", "config");

    private static JavaClasses service;

    @BeforeAll
    static void importService() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void hasNoPackageCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(service);
    }

    @Test
    void noFeatureImportsAnother() {
        for (String feature : FEATURES) {
            String[] others = FEATURES.stream()
                    .filter(f -> !f.equals(feature))
                    .map(f -> ROOT + "." + f + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(ROOT + "." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .check(service);
        }
    }

    @Test
    void sharedPackagesImportNoFeature() {
        String[] features = FEATURES.stream().map(f -> ROOT + "." + f + "..").toArray(String[]::new);
        for (String shared : SHARED) {
            noClasses()
                    .that()
                    .resideInAPackage(ROOT + "." + shared + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(features)
                    .check(service);
        }
    }
}
