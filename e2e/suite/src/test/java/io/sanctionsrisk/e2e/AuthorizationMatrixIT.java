package io.sanctionsrisk.e2e;

import static io.sanctionsrisk.e2e.Principal.ADMIN;
import static io.sanctionsrisk.e2e.Principal.ALL_ROLES;
import static io.sanctionsrisk.e2e.Principal.POLICY;
import static io.sanctionsrisk.e2e.Principal.STEWARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route of DESIGN.md's table, called by every demo user and service client of the realm and by every kind of
 * caller without a valid token, at the gateway and straight at the backend that owns the route: each call gets
 * exactly the expected status. The matrix is written to target/failsafe-reports/authorization-matrix.md.
 */
class AuthorizationMatrixIT {

    private static final String JSON = "application/json";
    private static final Set<String> WRITERS = Set.of(STEWARD, ADMIN);

    private static Suite suite;
    private static List<Principal> principals;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        principals = Principal.all(suite.keycloak);
        awaitFirstSnapshot();
    }

    /** One route: who may call it and what a permitted call answers. */
    record Route(
            String label,
            String method,
            String path,
            String owner,
            Set<String> roles,
            String contentType,
            BiFunction<String, String, String> body,
            int allowedStatus) {

        static Route read(String path, String owner) {
            return new Route("GET " + path, "GET", path, owner, ALL_ROLES, null, (p, t) -> null, 200);
        }
    }

    static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (String path : List.of(
                "/api/v1/sanctions",
                "/api/v1/sanctions/UNSC-2094",
                "/api/v1/incidents?country=BD",
                "/api/v1/actors",
                "/api/v1/taxonomy/sectors",
                "/api/v1/taxonomy/regions",
                "/api/v1/taxonomy/countries",
                "/api/v1/exports?format=json",
                "/api/v1/timeline",
                "/api/v1/data-version")) {
            routes.add(Route.read(path, "sanctions"));
        }
        for (String path : List.of("/api/v1/model", "/api/v1/model/intensity?from=2016-01-01&to=2016-12-31&step=30")) {
            routes.add(Route.read(path, "risk"));
        }
        routes.add(new Route(
                "POST /api/v1/sanctions",
                "POST",
                "/api/v1/sanctions",
                "sanctions",
                WRITERS,
                JSON,
                (principal, target) -> sanctionBody(uniqueKey("SAN", principal, target)),
                201));
        routes.add(new Route(
                "PUT /api/v1/sanctions/{missing}",
                "PUT",
                "/api/v1/sanctions/E2E-MISSING",
                "sanctions",
                WRITERS,
                JSON,
                (principal, target) -> sanctionBody("E2E-MISSING"),
                404));
        routes.add(new Route(
                "DELETE /api/v1/sanctions/{missing}",
                "DELETE",
                "/api/v1/sanctions/E2E-MISSING",
                "sanctions",
                WRITERS,
                null,
                (p, t) -> null,
                404));
        routes.add(new Route(
                "POST /api/v1/incidents",
                "POST",
                "/api/v1/incidents",
                "sanctions",
                WRITERS,
                JSON,
                (principal, target) -> incidentBody(uniqueKey("INC", principal, target)),
                201));
        routes.add(new Route(
                "DELETE /api/v1/incidents/{missing}",
                "DELETE",
                "/api/v1/incidents/E2E-MISSING",
                "sanctions",
                WRITERS,
                null,
                (p, t) -> null,
                404));
        routes.add(new Route(
                "POST /api/v1/actors",
                "POST",
                "/api/v1/actors",
                "sanctions",
                WRITERS,
                JSON,
                (principal, target) -> actorBody(uniqueKey("ACT", principal, target)),
                201));
        routes.add(new Route(
                "POST /api/v1/imports?dryRun=true",
                "POST",
                "/api/v1/imports?dryRun=true",
                "sanctions",
                WRITERS,
                JSON,
                (principal, target) -> "{\"actors\":[" + actorBody(uniqueKey("IMP", principal, target)) + "]}",
                200));
        routes.add(new Route(
                "POST /api/v1/model/refits",
                "POST",
                "/api/v1/model/refits",
                "risk",
                WRITERS,
                null,
                (p, t) -> null,
                200));
        routes.add(new Route(
                "POST /api/v1/model/fits",
                "POST",
                "/api/v1/model/fits",
                "risk",
                Set.of(POLICY, ADMIN),
                JSON,
                (p, t) -> "{\"windowDays\": 1000, \"events\": [10, 55.5, 56, 300, 310, 620, 900.25],"
                        + " \"sanctions\": [{\"time\": 5, \"weight\": 4}], \"kernelShape\": 1}",
                200));
        return routes;
    }

    @Test
    void everyRouteAnswersEveryCallerExactlyAsTheRouteTableSays() throws IOException {
        List<String> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            for (Principal principal : principals) {
                int expected = expectedStatus(route, principal);
                int expectedAtGateway = browserDataWrite(route, principal) ? 403 : expected;
                int atGateway = call(route, principal, "gateway", suite.gateway.baseUrl());
                String backend = route.owner().equals("risk") ? suite.risk.baseUrl() : suite.sanctions.baseUrl();
                int direct = call(route, principal, "direct", backend);
                if (atGateway != expectedAtGateway || direct != expected) {
                    failures.add(route.label() + " as " + principal + ": expected " + expectedAtGateway
                            + " at the gateway and " + expected + " direct, gateway " + atGateway + ", direct "
                            + direct);
                }
                rows.add("| " + route.label() + " | " + principal + " | " + expected + " | " + atGateway + " | "
                        + direct + " |");
            }
        }
        writeReport(rows);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void unknownPathsAreNotFoundAtTheGatewayAndNeverForwarded() {
        HttpResponse<String> response = Http.get(
                suite.gateway.baseUrl() + "/api/v1/no-such-thing",
                io.sanctionsrisk.testing.Tokens.bearerForUser("admin"));
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    /** The demo users log in through a browser client; the gateway lets their tokens read and analyse only. */
    private static final Set<String> BROWSER_USERS = Set.of("viewer", "analyst", "policy", "steward", "admin");

    private static final List<String> DATA_WRITE_PREFIXES = List.of(
            "/api/v1/sanctions",
            "/api/v1/incidents",
            "/api/v1/actors",
            "/api/v1/imports",
            "/api/v1/sources",
            "/api/v1/model/refits");

    /** A permitted data write by a browser token: the gateway refuses it with 403 (SECURITY.md), the backend not. */
    private static boolean browserDataWrite(Route route, Principal principal) {
        return principal.authenticated()
                && BROWSER_USERS.contains(principal.name())
                && !route.method().equals("GET")
                && DATA_WRITE_PREFIXES.stream().anyMatch(route.path()::startsWith)
                && !Collections.disjoint(route.roles(), principal.roles());
    }

    private static int expectedStatus(Route route, Principal principal) {
        if (!principal.authenticated()) {
            return 401;
        }
        return Collections.disjoint(route.roles(), principal.roles()) ? 403 : route.allowedStatus();
    }

    private static int call(Route route, Principal principal, String target, String baseUrl) {
        String body = route.body().apply(principal.name(), target);
        HttpResponse<String> response =
                Http.send(route.method(), baseUrl + route.path(), principal.header(), route.contentType(), body);
        int status = response.statusCode();
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            assertTrue(
                    type.startsWith("application/problem+json"),
                    route.label() + " as " + principal + " at " + target + " answered " + status + " as " + type);
        }
        return status;
    }

    private static String uniqueKey(String kind, String principal, String target) {
        return ("E2E-" + kind + "-" + principal + "-" + target)
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9-]", "-");
    }

    private static String sanctionBody(String key) {
        return "{\"key\":\"" + key
                + "\",\"authority\":\"UNSC\",\"title\":\"Matrix probe\",\"targetJurisdiction\":\"KP\","
                + "\"announcedDate\":\"2025-06-02\",\"effectiveDate\":\"2025-06-02\",\"measures\":[\"asset-freeze\"],"
                + "\"direction\":\"tightening\",\"source\":\"end-to-end test\",\"version\":0}";
    }

    private static String incidentBody(String key) {
        return "{\"key\":\"" + key + "\",\"firstActionDate\":\"2025-06-03\",\"datePrecision\":\"day\","
                + "\"actor\":\"APT38\",\"attributionConfidence\":50,\"victim\":\"unnamed\",\"sector\":\"commercial-bank\","
                + "\"country\":\"BD\",\"vector\":\"swift-fraud\",\"attemptedUsd\":1000000,\"realisedUsd\":0,"
                + "\"destructive\":false,\"source\":\"end-to-end test\"}";
    }

    private static String actorBody(String key) {
        return "{\"key\":\"" + key + "\",\"name\":\"Matrix probe actor\",\"aliases\":[\"probe\"]}";
    }

    private static void awaitFirstSnapshot() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            if (Http.get(
                                    suite.risk.baseUrl() + "/api/v1/model",
                                    io.sanctionsrisk.testing.Tokens.bearerForUser("viewer"))
                            .statusCode()
                    == 200) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(
                "the risk-service fitted no snapshot within 5 minutes; see " + suite.risk.log());
    }

    private static void writeReport(List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Authorization matrix (gateway and direct to the owning backend)");
        lines.add("");
        lines.add("| route | caller | expected | gateway | direct |");
        lines.add("| --- | --- | --- | --- | --- |");
        lines.addAll(rows);
        Path report = Path.of(Suite.required("e2e.report"));
        Files.createDirectories(report.getParent());
        Files.write(report, lines);
        System.out.println(String.join(System.lineSeparator(), lines));
    }
}
