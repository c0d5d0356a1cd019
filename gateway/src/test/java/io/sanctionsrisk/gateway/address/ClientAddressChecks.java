package io.sanctionsrisk.gateway.address;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanctionsrisk.gateway.testing.TestBackends;
import io.sanctionsrisk.testing.Tokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What both client-address tests do: requests that claim a client address, and what the gateway made of it. */
final class ClientAddressChecks {

    /** Per-address bucket of the tests' profiles: three requests, then 429 for about 17 minutes. */
    static final int BURST = 3;

    static Map<String, String> profile(String trustedProxies) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        config.put("quarkus.http.proxy.allow-x-forwarded", "true");
        config.put("quarkus.http.proxy.allow-forwarded", "true");
        config.put("quarkus.http.proxy.trusted-proxies", trustedProxies);
        config.put("gateway.rate-limit.per-address.burst", String.valueOf(BURST));
        config.put("gateway.rate-limit.per-address.requests-per-second", "0.001");
        return config;
    }

    private ClientAddressChecks() {}

    /** Statuses of requests without a valid token, the i-th claiming to come from 198.51.100.(i+1). */
    static List<Integer> claimingDistinctAddresses(int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String claimed = "198.51.100." + i;
            statuses.add(given().header("Authorization", "Bearer not.a.token")
                    .header("X-Forwarded-For", claimed)
                    .header("Forwarded", "for=" + claimed)
                    .get("/api/v1/heatmap")
                    .statusCode());
        }
        return statuses;
    }

    /** The X-Forwarded-For the backend received for a proxied request that claims 203.0.113.7. */
    static String forwardedToTheBackend() {
        String id = "addr-" + UUID.randomUUID();
        given().header("Authorization", Tokens.bearerForUser("viewer"))
                .header("X-Request-Id", id)
                .header("X-Forwarded-For", "203.0.113.7")
                .header("Forwarded", "for=203.0.113.7")
                .get("/api/v1/heatmap")
                .then()
                .statusCode(200);
        return TestBackends.risk()
                .received(id)
                .orElseThrow(() -> new AssertionError("the request did not reach the backend"))
                .header("X-Forwarded-For");
    }

    static long count(List<Integer> statuses, int status) {
        return statuses.stream().filter(s -> s == status).count();
    }

    static void assertAll401(List<Integer> statuses) {
        assertEquals(statuses.size(), count(statuses, 401), statuses.toString());
    }
}
