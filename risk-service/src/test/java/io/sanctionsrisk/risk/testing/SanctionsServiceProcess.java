package io.sanctionsrisk.risk.testing;

import io.sanctionsrisk.testing.KeycloakTestResource;
import io.sanctionsrisk.testing.ServiceProcess;
import io.sanctionsrisk.testing.SharedServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real sanctions-service, run from its package against the test PostgreSQL database sanctions_test in a
 * schema of its own (so the sanctions-service's own tests, which clean the default schema, never meet it), with
 * the same Keycloak as the tests. Each schema starts empty once per JVM and is seeded by the service itself.
 */
public final class SanctionsServiceProcess {

    /**
     * The database the sanctions-service processes use; {@code RISK_TEST_SANCTIONS_JDBC} points two concurrent
     * builds on one machine at different databases.
     */
    public static final String JDBC_BASE =
            System.getenv().getOrDefault("RISK_TEST_SANCTIONS_JDBC", "jdbc:postgresql://127.0.0.1:5432/sanctions_test");

    private SanctionsServiceProcess() {}

    /** The shared instance of the module's tests (schema risk_it). */
    public static ServiceProcess shared() {
        return started("risk_it");
    }

    /** An instance on its own freshly emptied schema, started on first use and then reused for the JVM. */
    public static ServiceProcess started(String schema) {
        return SharedServices.getOrStart("sanctions-service-" + schema, () -> {
            dropSchema(schema);
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put(
                    "quarkus.oidc.auth-server-url",
                    KeycloakTestResource.server().issuer());
            properties.put("quarkus.datasource.jdbc.url", JDBC_BASE + "?currentSchema=" + schema);
            properties.put("quarkus.datasource.username", "sanctions");
            properties.put("quarkus.datasource.password", "sanctions");
            properties.put("quarkus.flyway.schemas", schema);
            properties.put("quarkus.log.console.json.enabled", "false");
            return ServiceProcess.start("sanctions-service-" + schema, jar(), properties, workDir());
        });
    }

    /** Starts the shared instance again if a test stopped it. */
    public static ServiceProcess ensureRunning() {
        ServiceProcess process = shared();
        if (!process.isAlive()) {
            process.restart();
        }
        return process;
    }

    private static Path jar() {
        String jar = System.getProperty("sanctions.service.jar");
        if (jar == null || jar.isBlank()) {
            throw new IllegalStateException("system property sanctions.service.jar is not set (risk-service's surefire"
                    + " configuration sets it)");
        }
        Path path = Path.of(jar);
        if (!path.toFile().isFile()) {
            throw new IllegalStateException(path + " does not exist: build the sanctions-service first (the full"
                    + " reactor does, or ./mvnw -pl sanctions-service package -DskipTests)");
        }
        return path;
    }

    private static Path workDir() {
        return Path.of(System.getProperty("test.services.dir", "target/test-services"));
    }

    private static void dropSchema(String schema) {
        if (!schema.matches("[a-z_]+")) {
            throw new IllegalArgumentException("schema name " + schema);
        }
        try (Connection connection = DriverManager.getConnection(JDBC_BASE, "sanctions", "sanctions");
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("could not reset schema " + schema + " in sanctions_test", e);
        }
    }
}
