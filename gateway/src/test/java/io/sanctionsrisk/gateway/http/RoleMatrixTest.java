package io.sanctionsrisk.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.sanctionsrisk.gateway.testing.RecordingBackend;
import io.sanctionsrisk.gateway.testing.RecordingBackend.Received;
import io.sanctionsrisk.gateway.testing.TestBackends;
import io.sanctionsrisk.testing.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md's route table, written out here independently of the gateway's configuration: every route class x every
 * demo user and service client gets exactly the status the table says, is forwarded to the owning service when
 * allowed, and never reaches a backend when refused.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final Set<String> EVERYONE =
            Set.of("compliance-viewer", "risk-analyst", "policy-analyst", "data-steward", "admin");
    private static final Set<String> SCORERS = Set.of("risk-analyst", "admin");
    private static final Set<String> POLICY = Set.of("policy-analyst", "admin");
    private static final Set<String> STEWARDS = Set.of("data-steward", "admin");
    private static final Set<String> PORTFOLIO_READERS = Set.of("compliance-viewer", "risk-analyst", "admin");

    /** The realm's demo users and service clients with the realm roles DESIGN.md gives them. */
    private static final Map<String, Set<String>> PRINCIPALS = Map.of(
            "user:viewer", Set.of("compliance-viewer"),
            "user:analyst", Set.of("compliance-viewer", "risk-analyst"),
            "user:policy", Set.of("compliance-viewer", "policy-analyst"),
            "user:steward", Set.of("compliance-viewer", "data-steward"),
            "user:admin", EVERYONE,
            "client:bank-risk-engine", Set.of("risk-analyst"),
            "client:steward-sync", Set.of("data-steward"),
            "client:risk-service", Set.of("compliance-viewer"));

    /**
     * Where a browser (the dashboard's users) only reads, whatever its roles: changes to the system of record and the
     * model need a machine client (or a browser token with the explicit write scope, which the realm does not grant).
     */
    private static final Set<String> DATA_WRITE_PREFIXES = Set.of(
            "/api/v1/sanctions",
            "/api/v1/incidents",
            "/api/v1/actors",
            "/api/v1/imports",
            "/api/v1/sources",
            "/api/v1/model/refits",
            "/api/v1/portfolios",
            "/api/v1/webhooks");

    private record RouteCase(String method, String path, String backend, Set<String> roles) {}

    private static final List<RouteCase> ROUTES = List.of(
            new RouteCase("GET", "/api/v1/sanctions?authority=UNSC&page=0", "sanctions", EVERYONE),
            new RouteCase("GET", "/api/v1/sanctions/UNSC-2094", "sanctions", EVERYONE),
            new RouteCase("GET", "/api/v1/incidents?from=2014-01-01&region=southern-asia", "sanctions", EVERYONE),
            new RouteCase("GET", "/api/v1/incidents/BANGLADESH-BANK-2016", "sanctions", EVERYONE),
            new RouteCase("GET", "/api/v1/actors", "sanctions", EVERYONE),
            new RouteCase("GET", "/api/v1/taxonomy/sectors", "sanctions", EVERYONE),
            new RouteCase("GET", "/api/v1/taxonomy/regions", "sanctions", EVERYONE),
            new RouteCase("GET", "/api/v1/taxonomy/countries", "sanctions", EVERYONE),
            new RouteCase("GET", "/api/v1/imports", "sanctions", EVERYONE),
            new RouteCase("GET", "/api/v1/exports?format=stix", "sanctions", EVERYONE),
            new RouteCase("GET", "/api/v1/sources/proposals?status=pending", "sanctions", EVERYONE),
            new RouteCase("GET", "/api/v1/timeline?bucket=year", "sanctions", EVERYONE),
            new RouteCase("GET", "/api/v1/data-version", "sanctions", EVERYONE),
            new RouteCase("GET", "/api/v1/history?entity=incident&key=BANGLADESH-BANK-2016", "sanctions", STEWARDS),
            new RouteCase("HEAD", "/api/v1/data-version", "sanctions", EVERYONE),
            new RouteCase("GET", "/api/v1/model", "risk", EVERYONE),
            new RouteCase("GET", "/api/v1/model/intensity?from=0&to=365&step=7", "risk", EVERYONE),
            new RouteCase("GET", "/api/v1/heatmap?horizonDays=365", "risk", EVERYONE),
            new RouteCase("GET", "/api/v1/scenarios", "risk", EVERYONE),
            new RouteCase("GET", "/api/v1/scenarios/42", "risk", EVERYONE),
            new RouteCase("GET", "/api/v1/backtests", "risk", EVERYONE),
            new RouteCase("POST", "/api/v1/scores", "risk", SCORERS),
            new RouteCase("POST", "/api/v1/scores/batch", "risk", SCORERS),
            new RouteCase("POST", "/api/v1/scenarios", "risk", POLICY),
            new RouteCase("POST", "/api/v1/scenarios/42/runs", "risk", POLICY),
            new RouteCase("POST", "/api/v1/model/fits", "risk", POLICY),
            new RouteCase("POST", "/api/v1/backtests", "risk", POLICY),
            new RouteCase("POST", "/api/v1/sanctions", "sanctions", STEWARDS),
            new RouteCase("PUT", "/api/v1/sanctions/UNSC-2094", "sanctions", STEWARDS),
            new RouteCase("DELETE", "/api/v1/sanctions/UNSC-2094", "sanctions", STEWARDS),
            new RouteCase("POST", "/api/v1/incidents", "sanctions", STEWARDS),
            new RouteCase("PUT", "/api/v1/incidents/BANGLADESH-BANK-2016", "sanctions", STEWARDS),
            new RouteCase("DELETE", "/api/v1/incidents/BANGLADESH-BANK-2016", "sanctions", STEWARDS),
            new RouteCase("POST", "/api/v1/actors", "sanctions", STEWARDS),
            new RouteCase("PUT", "/api/v1/actors/APT38", "sanctions", STEWARDS),
            new RouteCase("DELETE", "/api/v1/actors/APT38", "sanctions", STEWARDS),
            new RouteCase("POST", "/api/v1/imports?dryRun=true", "sanctions", STEWARDS),
            new RouteCase("POST", "/api/v1/sources/ofac-sdn/loads", "sanctions", STEWARDS),
            new RouteCase("POST", "/api/v1/sources/proposals/7/approval", "sanctions", STEWARDS),
            new RouteCase("POST", "/api/v1/model/refits", "risk", STEWARDS),
            new RouteCase("GET", "/api/v1/webhooks", "risk", SCORERS),
            new RouteCase("GET", "/api/v1/webhooks/51", "risk", SCORERS),
            new RouteCase("GET", "/api/v1/webhooks/deliveries?status=dead&subscription=51", "risk", SCORERS),
            new RouteCase("POST", "/api/v1/webhooks", "risk", SCORERS),
            new RouteCase("DELETE", "/api/v1/webhooks/51", "risk", SCORERS),
            new RouteCase("POST", "/api/v1/webhooks/deliveries/7/redeliver", "risk", SCORERS),
            new RouteCase("GET", "/api/v1/portfolios", "risk", PORTFOLIO_READERS),
            new RouteCase(
                    "GET", "/api/v1/portfolios/3f6c2a8e-8d0b-4f7e-9a51-2c1d7b0e9f44/scores", "risk", PORTFOLIO_READERS),
            new RouteCase("POST", "/api/v1/portfolios", "risk", SCORERS),
            new RouteCase(
                    "PUT", "/api/v1/portfolios/3f6c2a8e-8d0b-4f7e-9a51-2c1d7b0e9f44/institutions", "risk", SCORERS));

    /** Methods no role may use on a route: 405 for everyone, never forwarded. */
    private static final List<String[]> NOT_OFFERED = List.of(
            new String[] {"PATCH", "/api/v1/incidents/BANGLADESH-BANK-2016"},
            new String[] {"POST", "/api/v1/heatmap"},
            new String[] {"DELETE", "/api/v1/scores"},
            new String[] {"PUT", "/api/v1/model/refits"},
            new String[] {"POST", "/api/v1/taxonomy/sectors"},
            new String[] {"POST", "/api/v1/model"},
            new String[] {"POST", "/api/v1/timeline"},
            new String[] {"DELETE", "/api/v1/imports/7"},
            new String[] {"PUT", "/api/v1/webhooks/51"},
            new String[] {"OPTIONS", "/api/v1/sanctions"},
            new String[] {"DELETE", "/api/v1/portfolios/3f6c2a8e-8d0b-4f7e-9a51-2c1d7b0e9f44"});

    @BeforeEach
    void healthyBackends() {
        TestBackends.resetAll();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (RouteCase route : ROUTES) {
            for (String principal : PRINCIPALS.keySet().stream().sorted().toList()) {
                boolean browserWrite = principal.startsWith("user:")
                        && !Set.of("GET", "HEAD").contains(route.method())
                        && DATA_WRITE_PREFIXES.stream().anyMatch(route.path()::startsWith);
                boolean allowed =
                        !browserWrite && PRINCIPALS.get(principal).stream().anyMatch(route.roles()::contains);
                cases.add(Arguments.of(principal, route.method(), route.path(), route.backend(), allowed));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> allowed={4}")
    @MethodSource("matrix")
    void principalGetsExactlyWhatTheRouteTableSays(
            String principal, String method, String path, String backend, boolean allowed) {
        String id = "matrix-" + UUID.randomUUID();
        String bearer = bearer(principal);
        Response response = send(method, path, given().header("Authorization", bearer), id);

        RecordingBackend owner = "sanctions".equals(backend) ? TestBackends.sanctions() : TestBackends.risk();
        RecordingBackend other = "sanctions".equals(backend) ? TestBackends.risk() : TestBackends.sanctions();
        if (allowed) {
            assertEquals(200, response.statusCode(), response.asString());
            Received got = owner.received(id).orElseThrow(() -> new AssertionError("not forwarded to " + backend));
            assertEquals(method, got.method());
            assertEquals(path, got.uri());
            assertEquals(bearer, got.header("Authorization"));
            assertTrue(other.received(id).isEmpty());
        } else {
            response.then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/forbidden"))
                    .body("requestId", equalTo(id));
            assertFalse(TestBackends.anyReceived(id), "a forbidden request reached a backend");
        }
    }

    static Stream<Arguments> routes() {
        return ROUTES.stream().map(route -> Arguments.of(route.method(), route.path()));
    }

    @ParameterizedTest(name = "no token: {0} {1} -> 401")
    @MethodSource("routes")
    void everyRouteWithoutTokenIs401(String method, String path) {
        String id = "matrix-" + UUID.randomUUID();
        Response response = send(method, path, given(), id);
        assertEquals(401, response.statusCode());
        if (!"HEAD".equals(method)) {
            response.then()
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/unauthorized"));
        }
        assertFalse(TestBackends.anyReceived(id));
    }

    static Stream<Arguments> notOffered() {
        return NOT_OFFERED.stream().map(pair -> Arguments.of(pair[0], pair[1]));
    }

    @ParameterizedTest(name = "admin: {0} {1} -> 405")
    @MethodSource("notOffered")
    void methodsTheTableDoesNotOfferAre405EvenForAdmin(String method, String path) {
        String id = "matrix-" + UUID.randomUUID();
        Response response = send(method, path, given().header("Authorization", Tokens.bearerForUser("admin")), id);
        response.then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sanctionsrisk.io/problems/method-not-allowed"));
        assertTrue(response.header("Allow").contains("GET"), response.header("Allow"));
        assertFalse(TestBackends.anyReceived(id));
    }

    private static Response send(String method, String path, RequestSpecification request, String id) {
        request.header("X-Request-Id", id).urlEncodingEnabled(false);
        if (Set.of("POST", "PUT").contains(method)) {
            request.contentType("application/json").body("{\"probe\":true}");
        }
        return request.when().request(method, path);
    }

    private static String bearer(String principal) {
        String name = principal.substring(principal.indexOf(':') + 1);
        return principal.startsWith("user:") ? Tokens.bearerForUser(name) : Tokens.bearerForClient(name);
    }
}
