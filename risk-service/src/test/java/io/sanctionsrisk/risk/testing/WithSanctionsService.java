package io.sanctionsrisk.risk.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile whose risk-service reads the real sanctions-service (started from its package on schema
 * risk_it of sanctions_test, seeded with the curated data). Refits on demand only.
 */
public interface WithSanctionsService extends QuarkusTestProfile {

    /** The plain profile: refits on demand. */
    class OnDemand implements WithSanctionsService {}
}
