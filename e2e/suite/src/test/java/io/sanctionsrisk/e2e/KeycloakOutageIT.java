package io.sanctionsrisk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sanctionsrisk.testing.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Keycloak going down does not break callers whose tokens are still valid: the gateway and the backends verify
 * signatures with the keys they cached. Runs last, because it stops the suite's Keycloak for good.
 */
@Order(Integer.MAX_VALUE)
class KeycloakOutageIT {

    @Test
    void stillValidTokensKeepWorkingWhileKeycloakIsDown() {
        Suite suite = Suite.get();
        String viewer = Tokens.bearerForUser("viewer");
        String steward = Tokens.bearerForClient("steward-sync");
        assertEquals(200, Http.get(suite.gateway.baseUrl() + "/api/v1/sanctions", viewer).statusCode());
        assertEquals(200, Http.get(suite.risk.baseUrl() + "/api/v1/model", viewer).statusCode());

        suite.keycloak.close();
        assertFalse(suite.keycloak.isAlive());

        assertEquals(200, Http.get(suite.gateway.baseUrl() + "/api/v1/sanctions", viewer).statusCode());
        assertEquals(200, Http.get(suite.gateway.baseUrl() + "/api/v1/model", viewer).statusCode());
        assertEquals(200, Http.get(suite.sanctions.baseUrl() + "/api/v1/data-version", steward).statusCode());
        assertEquals(200, Http.get(suite.risk.baseUrl() + "/api/v1/model", viewer).statusCode());
        // Without Keycloak nobody can forge a way in either.
        assertEquals(401, Http.get(suite.gateway.baseUrl() + "/api/v1/sanctions", "Bearer not-a-token").statusCode());
    }
}
