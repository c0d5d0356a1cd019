package io.sanctionsrisk.sanctions.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The production body limit (the test profile lowers it), so a 50,000-incident bundle fits. */
public class BenchmarkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.limits.max-body-size", "128M",
                "quarkus.log.level", "WARN",
                // The import's own timing lines (read, validate, apply).
                "quarkus.log.category.\"io.sanctionsrisk.sanctions\".level", "INFO");
    }
}
