package io.sanctionsrisk.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.sanctionsrisk.gateway.testing.TestBackends;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-address buckets come before the token check, so a caller without a valid token is limited too (and the
 * gateway does not verify signatures for it without end). Tiny buckets that refill about once in 17 minutes.
 */
@QuarkusTest
@TestProfile(AddressRateLimitTest.TinyAddressBuckets.class)
class AddressRateLimitTest {

    private static final int BURST = 5;

    public static class TinyAddressBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.per-address.burst",
                    String.valueOf(BURST),
                    "gateway.rate-limit.per-address.requests-per-second",
                    "0.001");
        }
    }

    @Test
    void anAddressThatFloodsWithoutATokenGets429BeforeTheTokenIsChecked() {
        TestBackends.resetAll();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < BURST + 4; i++) {
            Response answer =
                    given().header("Authorization", "Bearer not.a.token").get("/api/v1/heatmap");
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 429) {
                assertEquals(
                        "https://sanctionsrisk.io/problems/rate-limited",
                        answer.jsonPath().getString("type"));
                assertTrue(Long.parseLong(answer.header("Retry-After")) >= 1);
            }
        }
        assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 429), statuses.toString());
        long unauthorized = statuses.stream().filter(s -> s == 401).count();
        assertTrue(unauthorized >= 1 && unauthorized <= BURST, statuses.toString());
        assertEquals(
                statuses.size() - unauthorized,
                statuses.stream().filter(s -> s == 429).count());
        assertTrue(TestBackends.risk().received().isEmpty());
    }
}
