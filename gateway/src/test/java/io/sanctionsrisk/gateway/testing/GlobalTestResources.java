package io.sanctionsrisk.gateway.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.sanctionsrisk.testing.KeycloakTestResource;

/** Registers the real Keycloak and the recording backends for every @QuarkusTest of the module. */
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestBackends.class, restrictToAnnotatedClass = false)
public final class GlobalTestResources {

    private GlobalTestResources() {}
}
