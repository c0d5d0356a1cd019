package io.sanctionsrisk.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the real Keycloak once per test JVM and points the service's OIDC configuration at it. The server outlives
 * application restarts between test profiles and stops when the JVM exits.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    private static KeycloakServer server;

    /** The running server, started on first use. */
    public static synchronized KeycloakServer server() {
        if (server == null) {
            server = KeycloakServer.start(
                    Path.of(required("keycloak.dist.dir")),
                    Path.of(required("keycloak.realm.file")),
                    Path.of(required("keycloak.credentials.file")),
                    Path.of(required("keycloak.work.dir")));
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", server().issuer());
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; a shutdown hook stops it.
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "system property " + property + " is not set; the module's surefire" + " configuration sets it");
        }
        return value;
    }
}
