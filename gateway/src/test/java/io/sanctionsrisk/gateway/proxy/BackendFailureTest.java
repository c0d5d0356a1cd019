package io.sanctionsrisk.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.sanctionsrisk.gateway.testing.RecordingBackend;
import io.sanctionsrisk.gateway.testing.TestBackends;
import io.sanctionsrisk.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A backend that is slow, refuses connections or fails: the gateway answers 504, 502 or 503 as problem+json,
 * retries only idempotent reads, opens the backend's breaker and stops calling it, keeps serving the other backend,
 * and closes the breaker again once the backend recovers.
 */
@QuarkusTest
@TestProfile(BackendFailureTest.Impatient.class)
class BackendFailureTest {

    private static final String PROBLEMS = "https://sanctionsrisk.io/problems/";
    private static final int THRESHOLD = 4;
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(60);

    public static class Impatient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.backends.risk.read-timeout", "2s",
                    "gateway.backends.risk.connect-timeout", "2s",
                    "gateway.backends.risk.retries", "2",
                    "gateway.backends.risk.retry-backoff", "10ms",
                    "gateway.backends.risk.breaker.failure-threshold", String.valueOf(THRESHOLD),
                    "gateway.backends.risk.breaker.open-delay", "1s",
                    "gateway.backends.sanctions.breaker.open-delay", "1s");
        }
    }

    @BeforeEach
    void healthyBackendsAndClosedBreakers() {
        TestBackends.resetAll();
        awaitServed(() -> get("/api/v1/model", newId()));
        awaitServed(() -> get("/api/v1/actors", newId()));
        TestBackends.resetAll();
    }

    @Test
    void slowBackendIs504AndTheReadIsNotRepeated() {
        CountDownLatch release = new CountDownLatch(1);
        TestBackends.risk().answer((exchange, received) -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            RecordingBackend.send(exchange, 200, "application/json", "{}");
        });
        try {
            String id = newId();
            problem(get("/api/v1/heatmap", id), 504, "backend-timeout");
            assertEquals(1, TestBackends.risk().count(id), "a timed-out read was sent again");
        } finally {
            release.countDown();
        }
    }

    @Test
    void refusedConnectionIs502() {
        TestBackends.risk().stop();
        problem(post("/api/v1/scores", newId()), 502, "bad-gateway");
        // sanctions-service is a separate backend and is not affected
        assertEquals(200, get("/api/v1/actors", newId()).statusCode());
    }

    @Test
    void readsAreRetriedOnFailureButWritesNever() {
        RecordingBackend risk = TestBackends.risk();
        String read = newId();
        risk.failNext(2, 503);
        get("/api/v1/model", read).then().statusCode(200);
        assertEquals(3, risk.count(read), "GET: one attempt and two retries");

        String head = newId();
        risk.failNext(1, 502);
        given().header("Authorization", Tokens.bearerForUser("viewer"))
                .header("X-Request-Id", head)
                .head("/api/v1/model")
                .then()
                .statusCode(200);
        assertEquals(2, risk.count(head), "HEAD is retried like GET");

        String write = newId();
        risk.failNext(2, 503);
        Response answer = post("/api/v1/scores", write);
        assertEquals(503, answer.statusCode());
        assertEquals(1, risk.count(write), "POST is never sent twice");
    }

    @Test
    void breakerOpensStopsForwardingKeepsTheGatewayReadyAndRecovers() {
        RecordingBackend risk = TestBackends.risk();
        risk.answer((exchange, received) -> RecordingBackend.send(exchange, 503, "application/problem+json", "{}"));
        for (int i = 0; i < THRESHOLD; i++) {
            assertEquals(503, post("/api/v1/scores", newId()).statusCode());
        }

        String refused = newId();
        Response open = post("/api/v1/scores", refused);
        problem(open, 503, "backend-unavailable");
        assertTrue(Long.parseLong(open.header("Retry-After")) >= 1);
        assertEquals(0, risk.count(refused), "an open breaker still forwarded");

        TestBackends.management()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'backends' }.data.sanctions", equalTo("closed"));
        assertEquals(200, get("/api/v1/incidents", newId()).statusCode(), "the other backend is still served");

        risk.reset();
        awaitServed(() -> post("/api/v1/scores", newId()));
        assertEquals(200, get("/api/v1/heatmap", newId()).statusCode());
        TestBackends.management()
                .get("/q/health/ready")
                .then()
                .body("checks.find { it.name == 'backends' }.data.risk", equalTo("closed"));
    }

    @Test
    void stoppedBackendIs503FromTheOpenBreakerOnIncludingFailedTrialsAndRecoversAfterRestart()
            throws InterruptedException {
        RecordingBackend risk = TestBackends.risk();
        risk.stop();
        for (int i = 0; i < THRESHOLD; i++) {
            problem(post("/api/v1/scores", newId()), 502, "bad-gateway");
        }
        // from here on every answer is 503, also the trial calls that find the backend still down
        Instant deadline = Instant.now().plus(RECOVERY_DEADLINE);
        while (!TestBackends.management().get("/q/metrics").asString().contains("outcome=\"trial-failed\"")) {
            assertTrue(Instant.now().isBefore(deadline), "no trial call was made while the backend was down");
            problem(post("/api/v1/scores", newId()), 503, "backend-unavailable");
            Thread.sleep(100);
        }
        problem(post("/api/v1/scores", newId()), 503, "backend-unavailable");
        risk.ensureRunning();
        awaitServed(() -> post("/api/v1/scores", newId()));
    }

    private static void awaitServed(Supplier<Response> request) {
        Instant deadline = Instant.now().plus(RECOVERY_DEADLINE);
        int last = 0;
        while (Instant.now().isBefore(deadline)) {
            last = request.get().statusCode();
            if (last == 200) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the backend was not served again; last status " + last);
    }

    private static void problem(Response response, int status, String type) {
        response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + type))
                .body("status", equalTo(status));
    }

    private static Response get(String path, String id) {
        return given().header("Authorization", Tokens.bearerForUser("viewer"))
                .header("X-Request-Id", id)
                .get(path);
    }

    private static Response post(String path, String id) {
        return given().header("Authorization", Tokens.bearerForClient("bank-risk-engine"))
                .header("X-Request-Id", id)
                .contentType("application/json")
                .body("{\"sector\":\"commercial-bank\",\"country\":\"BD\",\"horizonDays\":365}")
                .post(path);
    }

    private static String newId() {
        return "fault-" + UUID.randomUUID();
    }
}
