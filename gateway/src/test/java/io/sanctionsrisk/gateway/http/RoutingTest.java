package io.sanctionsrisk.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sanctionsrisk.gateway.testing.RawHttp;
import io.sanctionsrisk.gateway.testing.RecordingBackend;
import io.sanctionsrisk.gateway.testing.RecordingBackend.Received;
import io.sanctionsrisk.gateway.testing.TestBackends;
import io.sanctionsrisk.testing.Tokens;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which requests go where, and what crosses the gateway with them. */
@QuarkusTest
class RoutingTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void healthyBackends() {
        TestBackends.resetAll();
    }

    @Test
    void forwardsPathQueryTokenAndRequestIdUnchanged() {
        String id = newId();
        String bearer = Tokens.bearerForUser("viewer");
        given().header("Authorization", bearer)
                .header("X-Request-Id", id)
                .urlEncodingEnabled(false)
                .when()
                .get("/api/v1/incidents/INC-2016-BB?from=2014-01-01&sector=central%20bank&x=a%2Fb")
                .then()
                .statusCode(200)
                .header("X-Request-Id", id)
                .body("backend", equalTo("sanctions"))
                .body("uri", equalTo("/api/v1/incidents/INC-2016-BB?from=2014-01-01&sector=central%20bank&x=a%2Fb"));
        Received got = TestBackends.sanctions().received(id).orElseThrow();
        assertEquals(bearer, got.header("Authorization"));
        assertTrue(TestBackends.risk().received(id).isEmpty());
    }

    @Test
    void longestPrefixWinsAndPrefixesEndAtASlash() {
        String id = newId();
        given().header("Authorization", Tokens.bearerForUser("policy"))
                .header("X-Request-Id", id)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/model/fits")
                .then()
                .statusCode(200)
                .body("backend", equalTo("risk"));
        // /model/fitsX is not below /model/fits: it falls to /model, which offers no POST
        given().header("Authorization", Tokens.bearerForUser("steward"))
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/model/fitsX")
                .then()
                .statusCode(405);
        String other = newId();
        given().header("Authorization", Tokens.bearerForUser("admin"))
                .header("X-Request-Id", other)
                .get("/api/v1/sanctionsX")
                .then()
                .statusCode(404);
        assertFalse(TestBackends.anyReceived(other));
    }

    @Test
    void unknownPathsAre404ProblemsAndNeverForwarded() {
        for (String path : List.of(
                "/api/v1/nothing-here",
                "/api/v2/sanctions",
                "/api/v1",
                "/api",
                // "/" leads to the dashboard (DashboardTest); a look-alike of its path does not
                "/dashboardX",
                "/anything",
                "/api/v1/sanctionsX")) {
            String id = newId();
            Response response = given().header("Authorization", Tokens.bearerForUser("admin"))
                    .header("X-Request-Id", id)
                    .when()
                    .get(path);
            response.then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/not-found"))
                    .body("status", equalTo(404))
                    .body("instance", equalTo(path))
                    .body("requestId", equalTo(id));
            assertFalse(TestBackends.anyReceived(id), path + " reached a backend");
        }
    }

    @Test
    void pathsABackendCouldReadDifferentlyAre400AndNeverForwarded() {
        String bearer = Tokens.bearerForUser("admin");
        for (String path : List.of(
                "/api/v1/sanctions/../../q/metrics",
                "/api/v1/sanctions/./UNSC-2094",
                "/api/v1/sanctions/%2e%2e/x",
                "/api/v1/sanctions/a%2Fb",
                "/api/v1/sanctions/a%5Cb",
                "/api/v1//sanctions",
                "/api/v1/sanctions;jsessionid=1",
                "/api/v1/sanctions/%00")) {
            String id = newId();
            RawHttp.Answer answer = RawHttp.exchange(
                    gateway,
                    "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Request-Id: " + id
                            + "\r\nAuthorization: " + bearer);
            assertEquals(400, answer.status(), path + ": " + answer.head());
            assertFalse(TestBackends.anyReceived(id), path + " reached a backend");
        }
    }

    @Test
    void requestIdIsKeptWhenWellFormedAndReplacedOtherwise() {
        String bearer = Tokens.bearerForClient("risk-service");
        String kept = "0b9e-REQ_42.a:b";
        Response response = given().header("Authorization", bearer)
                .header("X-Request-Id", kept)
                .get("/api/v1/timeline");
        assertEquals(kept, response.header("X-Request-Id"));
        assertEquals(kept, TestBackends.sanctions().received(kept).orElseThrow().requestId());

        for (String bad : List.of("has space", "x".repeat(129), "<script>", "-leading-dash", "")) {
            Response replaced = given().header("Authorization", bearer)
                    .header("X-Request-Id", bad)
                    .get("/api/v1/timeline");
            String generated = replaced.header("X-Request-Id");
            assertTrue(generated.matches(UUID_PATTERN), generated);
            assertTrue(TestBackends.sanctions().received(generated).isPresent(), "backend saw another id");
        }

        Response none = given().header("Authorization", bearer).get("/api/v1/timeline");
        String generated = none.header("X-Request-Id");
        assertTrue(generated.matches(UUID_PATTERN), generated);
        assertTrue(TestBackends.sanctions().received(generated).isPresent());
    }

    @Test
    void hopByHopCookiesAndForwardingClaimsStayAtTheGateway() {
        String id = newId();
        given().header("Authorization", Tokens.bearerForUser("analyst"))
                .header("X-Request-Id", id)
                .header("Cookie", "session=secret")
                .header("Connection", "keep-alive, X-Secret-Hop")
                .header("X-Secret-Hop", "1")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=6.6.6.6")
                .header("Accept-Language", "en")
                .get("/api/v1/heatmap?horizonDays=30")
                .then()
                .statusCode(200);
        Received got = TestBackends.risk().received(id).orElseThrow();
        assertNull(got.header("Cookie"));
        assertNull(got.header("X-Secret-Hop"));
        assertNull(got.header("Forwarded"));
        assertEquals("127.0.0.1", got.header("X-Forwarded-For"));
        assertEquals("http", got.header("X-Forwarded-Proto"));
        assertTrue(got.header("X-Forwarded-Host").startsWith("localhost")
                || got.header("X-Forwarded-Host").startsWith("127.0.0.1"));
        assertEquals("en", got.header("Accept-Language"));
    }

    @Test
    void backendLocationIsMadeRelativeAndItsCachingOverridden() {
        RecordingBackend sanctions = TestBackends.sanctions();
        sanctions.answer((exchange, received) -> {
            exchange.getResponseHeaders().add("Location", sanctions.url() + "/api/v1/incidents/NEW-1");
            exchange.getResponseHeaders().add("Cache-Control", "public, max-age=600");
            exchange.getResponseHeaders().add("X-Frame-Options", "ALLOWALL");
            RecordingBackend.send(exchange, 201, "application/json", "{\"naturalKey\":\"NEW-1\"}");
        });
        given().header("Authorization", Tokens.bearerForClient("steward-sync"))
                .contentType("application/json")
                .body("{\"naturalKey\":\"NEW-1\"}")
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .header("Location", "/api/v1/incidents/NEW-1")
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .body("naturalKey", equalTo("NEW-1"));
    }

    @Test
    void apiAnswersCarryTheSecurityHeaders() {
        Response ok = given().header("Authorization", Tokens.bearerForClient("bank-risk-engine"))
                .get("/api/v1/heatmap?horizonDays=365");
        Response refused = given().get("/api/v1/heatmap");
        Response unknown = given().get("/nowhere");
        for (Response response : List.of(ok, refused, unknown)) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Cache-Control", "no-store")
                    .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                    .header("Strict-Transport-Security", emptyOrNullString());
        }
        assertEquals("default-src 'none'; frame-ancestors 'none'", ok.header("Content-Security-Policy"));
        assertEquals(200, ok.statusCode());
    }

    @Test
    void headIsForwardedAndAnsweredWithoutBody() {
        String id = newId();
        given().header("Authorization", Tokens.bearerForUser("viewer"))
                .header("X-Request-Id", id)
                .head("/api/v1/data-version")
                .then()
                .statusCode(200)
                .body(emptyOrNullString());
        assertEquals("HEAD", TestBackends.sanctions().received(id).orElseThrow().method());
    }

    private static String newId() {
        return "route-" + UUID.randomUUID();
    }
}
