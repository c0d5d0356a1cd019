package io.sanctionsrisk.e2e;

import io.sanctionsrisk.testing.KeycloakServer;
import io.sanctionsrisk.testing.KeycloakTestResource;
import io.sanctionsrisk.testing.ServiceProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole suite as it runs in production, started once per test JVM: the real Keycloak with the realm file, the
 * packaged sanctions-service and risk-service on their own PostgreSQL databases, and the packaged gateway in front.
 */
final class Suite {

    private static Suite instance;

    final KeycloakServer keycloak;
    final ServiceProcess sanctions;
    final ServiceProcess risk;
    final ServiceProcess gateway;

    private Suite(KeycloakServer keycloak, ServiceProcess sanctions, ServiceProcess risk, ServiceProcess gateway) {
        this.keycloak = keycloak;
        this.sanctions = sanctions;
        this.risk = risk;
        this.gateway = gateway;
    }

    static synchronized Suite get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static Suite start() {
        Path work = Path.of(required("e2e.work.dir"));
        // Each run starts from empty databases; a restart during the run keeps what was written, as in production.
        emptyDatabase("e2e_sanctions");
        emptyDatabase("e2e_risk");
        KeycloakServer keycloak = KeycloakTestResource.server();
        String issuer = keycloak.issuer();

        Map<String, String> sanctionsConfig = new LinkedHashMap<>();
        sanctionsConfig.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/e2e_sanctions");
        sanctionsConfig.put("quarkus.datasource.username", "e2e");
        sanctionsConfig.put("quarkus.datasource.password", "e2e");
        sanctionsConfig.put("quarkus.oidc.auth-server-url", issuer);
        ServiceProcess sanctions = ServiceProcess.start(
                "sanctions-service", Path.of(required("e2e.sanctions.jar")), sanctionsConfig, work);

        Map<String, String> riskConfig = new LinkedHashMap<>();
        riskConfig.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/e2e_risk");
        riskConfig.put("quarkus.datasource.username", "e2e");
        riskConfig.put("quarkus.datasource.password", "e2e");
        riskConfig.put("quarkus.oidc.auth-server-url", issuer);
        riskConfig.put("quarkus.oidc-client.auth-server-url", issuer);
        riskConfig.put("quarkus.oidc-client.credentials.secret", keycloak.credential("SR_RISK_SERVICE_SECRET"));
        riskConfig.put("quarkus.rest-client.sanctions.url", sanctions.baseUrl());
        riskConfig.put("risk.refit.initial-delay", "1s");
        riskConfig.put("risk.refit.check-interval", "5s");
        // A small bootstrap of the sanctions term keeps each refit to seconds, as the module's tests do: the
        // authorization matrix and the alert flow ask for refits one after another, each waiting on the lease.
        riskConfig.put("risk.refit.bootstrap-replicates", "19");
        riskConfig.put("risk.refit.bootstrap-budget", "5s");
        // The prod profile posts webhooks only to https URLs of public addresses; the e2e receiver (AlertFlowIT)
        // listens on plain http on loopback, so this run allows exactly that and nothing more.
        riskConfig.put("risk.webhooks.addresses.allowed-schemes", "http,https");
        riskConfig.put("risk.webhooks.addresses.allowed-ranges", "127.0.0.1/32");
        ServiceProcess risk = ServiceProcess.start("risk-service", Path.of(required("e2e.risk.jar")), riskConfig, work);

        Map<String, String> gatewayConfig = new LinkedHashMap<>();
        gatewayConfig.put("quarkus.oidc.auth-server-url", issuer);
        gatewayConfig.put("gateway.backends.sanctions.url", sanctions.baseUrl());
        gatewayConfig.put("gateway.backends.risk.url", risk.baseUrl());
        // The matrix sends a few hundred requests from the dashboard client; flooding is tested on its own.
        gatewayConfig.put("gateway.rate-limit.requests-per-second", "2000");
        gatewayConfig.put("gateway.rate-limit.burst", "4000");
        // Every e2e caller is 127.0.0.1, so the per-address buckets (before the token check) would limit the
        // benchmarks' whole traffic as one client; AddressRateLimitTest covers them with small values.
        gatewayConfig.put("gateway.rate-limit.per-address.requests-per-second", "10000");
        gatewayConfig.put("gateway.rate-limit.per-address.burst", "100000");
        ServiceProcess gateway =
                ServiceProcess.start("gateway", Path.of(required("e2e.gateway.jar")), gatewayConfig, work);

        Suite suite = new Suite(keycloak, sanctions, risk, gateway);
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stop, "e2e-suite-stop"));
        return suite;
    }

    private void stop() {
        gateway.stop();
        risk.stop();
        sanctions.stop();
        keycloak.close();
    }

    /** Drops everything the e2e role owns in the database: the services' Flyway migrations start from nothing. */
    private static void emptyDatabase(String database) {
        try (Connection connection =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "e2e", "e2e");
                Statement statement = connection.createStatement()) {
            statement.execute("drop owned by e2e");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the database " + database, e);
        }
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; e2e/suite/pom.xml sets it");
        }
        return value;
    }
}
