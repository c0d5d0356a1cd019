package io.sanctionsrisk.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sanctionsrisk.gateway.testing.RecordingBackend.Received;
import io.sanctionsrisk.gateway.testing.TestBackends;
import io.sanctionsrisk.testing.Tokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RoutingTest {

    @BeforeEach
    void healthyBackends() {
        TestBackends.resetAll();
    }

    @Test
    void forwardsPathQueryTokenAndRequestIdUnchanged() {
        String id = "req-" + UUID.randomUUID();
        String bearer = Tokens.bearerForUser("viewer");
        given().header("Authorization", bearer)
                .header("X-Request-Id", id)
                .when()
                .get("/api/v1/incidents/INC-2016-BB?from=2014-01-01&sector=central-bank")
                .then()
                .statusCode(200)
                .header("X-Request-Id", id)
                .body("backend", equalTo("sanctions"))
                .body("uri", equalTo("/api/v1/incidents/INC-2016-BB?from=2014-01-01&sector=central-bank"));
        Received got = TestBackends.sanctions().received(id).orElseThrow();
        assertEquals(bearer, got.header("Authorization"));
        assertTrue(TestBackends.risk().received(id).isEmpty());
    }

    @Test
    void unknownPathIsA404ProblemAndNeverForwarded() {
        String id = "req-" + UUID.randomUUID();
        Response response = given().header("Authorization", Tokens.bearerForUser("admin"))
                .header("X-Request-Id", id)
                .when()
                .get("/api/v1/nothing-here");
        response.then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sanctionsrisk.io/problems/not-found"))
                .body("status", equalTo(404))
                .body("requestId", equalTo(id));
        assertFalse(TestBackends.anyReceived(id));
    }

    @Test
    void echoHasSecurityHeaders() {
        given().header("Authorization", Tokens.bearerForClient("bank-risk-engine"))
                .when()
                .get("/api/v1/heatmap?horizonDays=365")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Request-Id", startsWith(""));
    }
}
