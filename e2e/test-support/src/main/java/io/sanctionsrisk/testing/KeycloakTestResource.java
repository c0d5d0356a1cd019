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

    /** JVM-wide record of the running server, readable from every class loader. */
    private static final String SHARED_PROPERTY = "io.sanctionsrisk.testing.keycloak";

    /** The running server, started on first use and shared by every class loader of the JVM. */
    public static KeycloakServer server() {
        synchronized (System.getProperties()) {
            if (server == null || !server.isAlive()) {
                String shared = System.getProperty(SHARED_PROPERTY);
                server = shared == null ? null : KeycloakServer.attach(shared).orElse(null);
            }
            if (server == null) {
                server = KeycloakServer.start(
                        Path.of(required("keycloak.dist.dir")),
                        Path.of(required("keycloak.realm.file")),
                        Path.of(required("keycloak.credentials.file")),
                        Path.of(required("keycloak.work.dir")));
                System.setProperty(SHARED_PROPERTY, server.describe());
            }
            return server;
        }
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
