package io.sanctionsrisk.cadence.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.cadence.CadenceData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The frozen curated fixture is the reference data of the fitter's regression tests: the seed as of commit 66c5d6e
 * (44 heists, 28 weighted sanctions, 2015-01-01 to 2025-11-30), on which the reference optima were measured. The
 * live catalogue grows; the fixture does not follow it, so the reference numbers stay comparable. {@value
 * #COMMAND} writes a fixture from today's seed for a new reference (the numbers in the tests then change).
 */
class CuratedFixtureTest {

    static final String COMMAND = "./mvnw -B -ntp -q -pl cadence-model test -Dtest=CuratedFixtureTest"
            + " -Dcurated.regenerate=true -Dsurefire.failIfNoSpecifiedTests=false";

    private static final Path SEED = Path.of("..", "sanctions-service", "src", "main", "resources", "seed");
    private static final Path FIXTURE = Path.of("src", "test", "resources", CuratedData.RESOURCE);

    @Test
    void regeneratesFromTheSeedOnlyWhenAsked() throws Exception {
        String generated = CuratedSeed.generate(SEED, COMMAND);
        if (Boolean.getBoolean("curated.regenerate")) {
            Files.writeString(FIXTURE, generated, StandardCharsets.UTF_8);
        }
        assertTrue(generated.startsWith("# generated from"), "the generator names its source and command");
    }

    @Test
    void theFixtureHoldsTheCuratedWindowWithItsHeistsAndWeightedSanctions() {
        CadenceData data = CuratedData.load();
        assertEquals(3987, data.windowEnd());
        assertEquals(44, data.eventCount());
        assertEquals(28, data.sanctions().stream().filter(s -> s.weight() > 0).count());
    }
}
