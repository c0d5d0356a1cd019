package io.sanctionsrisk.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of the code map in the module README: no cycles, and the leaves stay leaves. */
class ArchitectureTest {

    private static final String ROOT = "io.sanctionsrisk.gateway";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** Each package is a slice, the root package included (it wires the others together). */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (!name.equals(ROOT) && !name.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            String relative = name.equals(ROOT) ? "(root)" : name.substring(ROOT.length() + 1);
            int dot = relative.indexOf('.');
            return SliceIdentifier.of(dot < 0 ? relative : relative.substring(0, dot));
        }

        @Override
        public String getDescription() {
            return "the gateway's top-level packages";
        }
    };

    @Test
    void noPackageCycles() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(classes);
    }

    @Test
    void webAndRoutingDependOnNoOtherGatewayPackage() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".web..", ROOT + ".routing..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT,
                        ROOT + ".http..",
                        ROOT + ".proxy..",
                        ROOT + ".isolation..",
                        ROOT + ".ratelimit..",
                        ROOT + ".health..",
                        ROOT + ".dashboard..")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheRootPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT)
                .check(classes);
    }
}
