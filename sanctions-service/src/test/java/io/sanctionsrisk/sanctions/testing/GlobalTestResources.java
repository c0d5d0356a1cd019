package io.sanctionsrisk.sanctions.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.sanctionsrisk.testing.KeycloakTestResource;

/** Registers the real Keycloak for every @QuarkusTest of the module. */
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = false)
public final class GlobalTestResources {

    private GlobalTestResources() {}
}
