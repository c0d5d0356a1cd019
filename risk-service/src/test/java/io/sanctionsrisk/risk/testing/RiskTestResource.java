package io.sanctionsrisk.risk.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.sanctionsrisk.testing.KeycloakServer;
import io.sanctionsrisk.testing.KeycloakTestResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points the risk-service under test at the test Keycloak for its own service-account tokens (client
 * risk-service) and at the sanctions-service: the real one, started from its package, for test profiles that
 * implement {@link WithSanctionsService}; otherwise a loopback port where nothing listens (an unreachable
 * sanctions-service), so the endpoint tests do not depend on it.
 */
public class RiskTestResource implements QuarkusTestResourceLifecycleManager {

    private String profile;

    @Override
    public void setContext(Context context) {
        this.profile = context.testProfile();
    }

    @Override
    public Map<String, String> start() {
        KeycloakServer keycloak = KeycloakTestResource.server();
        String schema = sanctionsSchema();
        String sanctionsUrl =
                schema != null ? SanctionsServiceProcess.started(schema).baseUrl() : "http://127.0.0.1:" + closedPort();
        return Map.of(
                "quarkus.oidc-client.auth-server-url", keycloak.issuer(),
                "quarkus.oidc-client.credentials.secret", keycloak.credential("SR_RISK_SERVICE_SECRET"),
                "quarkus.rest-client.sanctions.url", sanctionsUrl);
    }

    @Override
    public void stop() {
        // The processes are shared by every test class of the JVM; shutdown hooks stop them.
    }

    /** The profile's sanctions-service schema, or null when the profile does not use the sanctions-service. */
    private String sanctionsSchema() {
        if (profile == null || profile.isBlank()) {
            return null;
        }
        try {
            Class<?> type = Class.forName(profile, true, Thread.currentThread().getContextClassLoader());
            if (!WithSanctionsService.class.getName().equals(implemented(type))) {
                return null;
            }
            // by reflection: the profile may come from another class loader than this resource
            Object instance = type.getDeclaredConstructor().newInstance();
            return (String) type.getMethod("sanctionsSchema").invoke(instance);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("test profile " + profile + " cannot be created", e);
        }
    }

    private static String implemented(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            for (Class<?> i : t.getInterfaces()) {
                if (i.getName().equals(WithSanctionsService.class.getName())) {
                    return i.getName();
                }
            }
        }
        return null;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
