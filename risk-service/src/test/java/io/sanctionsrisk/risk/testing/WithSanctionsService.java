package io.sanctionsrisk.risk.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A test profile whose risk-service reads the real sanctions-service, started from its package on a schema of
 * sanctions_test and seeded with the curated data by the service itself. Refits on demand only, unless the
 * profile's configuration says otherwise.
 */
public interface WithSanctionsService extends QuarkusTestProfile {

    /** The schema of sanctions_test the sanctions-service of this profile runs on. */
    default String sanctionsSchema() {
        return "risk_it";
    }

    /**
     * The shared instance (schema risk_it), refits on demand, reading 7 records a page so that a refit walks
     * the incident list over several pages by cursor.
     */
    class OnDemand implements WithSanctionsService {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("risk.sanctions.page-size", "7");
        }
    }
}
