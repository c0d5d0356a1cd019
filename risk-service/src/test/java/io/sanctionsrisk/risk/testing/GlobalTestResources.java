package io.sanctionsrisk.risk.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.sanctionsrisk.testing.KeycloakTestResource;

/**
 * Registers the real Keycloak and the real sanctions-service (from its package) for every @QuarkusTest of the
 * module.
 */
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = RiskTestResource.class, restrictToAnnotatedClass = false)
public final class GlobalTestResources {

    private GlobalTestResources() {}
}
