package io.sanctionsrisk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.testing.Tokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Outages seen from a client of the gateway: a backend that dies is answered fast with 503 problem+json and is
 * served again once it is back. The Keycloak outage has its own class, which runs last.
 */
class ResilienceIT {

    @Test
    void aKilledBackendGivesProblem503AtTheGatewayAndRecoversAfterRestart() {
        Suite suite = Suite.get();
        String viewer = Tokens.bearerForUser("viewer");
        String modelUrl = suite.gateway.baseUrl() + "/api/v1/model";
        String sanctionsUrl = suite.gateway.baseUrl() + "/api/v1/sanctions";
        awaitStatus(modelUrl, viewer, 200, Duration.ofMinutes(5));

        suite.risk.kill();
        try {
            // The first calls find the connection refused (502 or 503); once the breaker is open every call is 503.
            int last = 0;
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> response = Http.get(modelUrl, viewer);
                last = response.statusCode();
                assertTrue(last == 502 || last == 503, "a dead backend answered " + last);
                assertTrue(response.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith("application/problem+json"));
            }
            assertEquals(503, last, "the breaker should be open after repeated failures");
            // The other backend is still served.
            assertEquals(200, Http.get(sanctionsUrl, viewer).statusCode());
        } finally {
            suite.risk.restart();
        }
        awaitStatus(modelUrl, Tokens.bearerForUser("viewer"), 200, Duration.ofMinutes(2));
    }

    static void awaitStatus(String url, String authorization, int status, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = Http.get(url, authorization).statusCode();
            if (last == status) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(url + " answered " + last + ", not " + status + ", within " + timeout);
    }
}
