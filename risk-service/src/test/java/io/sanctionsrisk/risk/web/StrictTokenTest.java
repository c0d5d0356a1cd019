package io.sanctionsrisk.risk.web;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.testing.StrictTokenChecks;

/** This service checks tokens as strictly as the gateway (the checks are in {@link StrictTokenChecks}). */
@QuarkusTest
class StrictTokenTest extends StrictTokenChecks {

    @Override
    protected String path() {
        return "/api/v1/model/snapshots";
    }

    @Override
    protected String machineClient() {
        return "bank-risk-engine";
    }
}
