package io.sanctionsrisk.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.sanctionsrisk.gateway.testing.TestBackends;
import io.sanctionsrisk.testing.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A flooding client gets 429 while other clients are served. The buckets are tiny and refill about once in 17
 * minutes, so the counts below hold however slowly the test runs.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TinyBuckets.class)
class RateLimitTest {

    private static final int BURST = 5;
    private static final int FLOOD = 12;

    public static class TinyBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.burst", String.valueOf(BURST),
                    "gateway.rate-limit.requests-per-second", "0.001",
                    "gateway.rate-limit.clients.risk-service.burst", "50");
        }
    }

    @BeforeEach
    void healthyBackends() {
        TestBackends.resetAll();
    }

    @Test
    void floodingClientGets429WithRetryAfterWhileAnotherClientIsServed() {
        List<Response> answers = flood(Tokens.bearerForClient("bank-risk-engine"), "/api/v1/heatmap");
        long served = answers.stream().filter(r -> r.statusCode() == 200).count();
        List<Response> limited =
                answers.stream().filter(r -> r.statusCode() == 429).toList();

        assertTrue(served >= 1 && served <= BURST, "served " + served);
        assertEquals(FLOOD - served, limited.size(), "every other answer is a 429");
        Response first = limited.get(0);
        assertEquals("application/problem+json", first.contentType());
        assertEquals(
                "https://sanctionsrisk.io/problems/rate-limited",
                first.jsonPath().getString("type"));
        assertTrue(Long.parseLong(first.header("Retry-After")) >= 1, first.header("Retry-After"));
        for (Response refused : limited) {
            assertFalse(TestBackends.anyReceived(refused.header("X-Request-Id")), "a 429 was forwarded");
        }

        given().header("Authorization", Tokens.bearerForClient("steward-sync"))
                .get("/api/v1/heatmap")
                .then()
                .statusCode(200);
    }

    @Test
    void dashboardUsersHaveABucketEachThoughTheyShareOneClient() {
        List<Response> answers = flood(Tokens.bearerForUser("policy"), "/api/v1/scenarios");
        assertTrue(answers.stream().anyMatch(r -> r.statusCode() == 429));
        given().header("Authorization", Tokens.bearerForUser("analyst"))
                .get("/api/v1/scenarios")
                .then()
                .statusCode(200);
    }

    @Test
    void aClientCanHaveItsOwnLargerBucket() {
        List<Response> answers = flood(Tokens.bearerForClient("risk-service"), "/api/v1/incidents");
        assertTrue(answers.stream().allMatch(r -> r.statusCode() == 200), "risk-service has a burst of 50");
    }

    private static List<Response> flood(String bearer, String path) {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            answers.add(given().header("Authorization", bearer)
                    .header("X-Request-Id", "flood-" + UUID.randomUUID())
                    .get(path));
        }
        return answers;
    }
}
