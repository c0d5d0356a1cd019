package io.sanctionsrisk.cadence.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanctionsrisk.cadence.CadenceData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps the frozen curated fixture equal to what the seed CSV files give today. Regenerate it with
 * {@value #COMMAND}.
 */
class CuratedFixtureTest {

    static final String COMMAND = "./mvnw -B -ntp -q -pl cadence-model test -Dtest=CuratedFixtureTest"
            + " -Dcurated.regenerate=true -Dsurefire.failIfNoSpecifiedTests=false";

    private static final Path SEED = Path.of("..", "sanctions-service", "src", "main", "resources", "seed");
    private static final Path FIXTURE = Path.of("src", "test", "resources", CuratedData.RESOURCE);

    @Test
    void theFrozenFixtureMatchesTheSeedFiles() throws Exception {
        String generated = CuratedSeed.generate(SEED, COMMAND);
        if (Boolean.getBoolean("curated.regenerate")) {
            Files.writeString(FIXTURE, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(FIXTURE, StandardCharsets.UTF_8));
    }

    @Test
    void theFixtureHoldsTheCuratedWindowWithItsHeistsAndWeightedSanctions() {
        CadenceData data = CuratedData.load();
        assertEquals(3987, data.windowEnd());
        assertEquals(44, data.eventCount());
        assertEquals(28, data.sanctions().stream().filter(s -> s.weight() > 0).count());
    }
}
