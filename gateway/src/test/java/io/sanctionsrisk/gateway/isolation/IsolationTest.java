package io.sanctionsrisk.gateway.isolation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.sanctionsrisk.gateway.ratelimit.RateLimiter;
import io.sanctionsrisk.gateway.testing.RawHttp;
import io.sanctionsrisk.gateway.testing.RecordingBackend;
import io.sanctionsrisk.gateway.testing.RecordingBackend.Received;
import io.sanctionsrisk.gateway.testing.TestBackends;
import io.sanctionsrisk.testing.Tokens;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One client misbehaves (bodies declared and never sent, answers never read, fits against a saturated backend, floods
 * of batches) while another client's scores never fail. The misbehaving client is a dashboard user (its own bucket
 * and in-flight count), the well-behaved one the bank's machine client. Counts, not timings: the only clocks are the
 * gateway's own timeouts, and the test waits for their outcome.
 */
@QuarkusTest
@TestProfile(IsolationTest.SmallLimits.class)
class IsolationTest {

    private static final String PROBLEMS = "https://sanctionsrisk.io/problems/";
    private static final int IN_FLIGHT = 6;
    private static final int BUCKET = 1000;

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("gateway.isolation.max-in-flight-per-client", String.valueOf(IN_FLIGHT)),
                    Map.entry("gateway.isolation.body-timeout", "2s"),
                    Map.entry("gateway.isolation.body-idle-timeout", "2s"),
                    Map.entry("gateway.backends.risk.max-connections", "8"),
                    Map.entry("gateway.backends.risk.connect-timeout", "20s"),
                    Map.entry("gateway.backends.risk.breaker.failure-threshold", "2"),
                    Map.entry("gateway.backends.risk.breaker.open-delay", "60s"),
                    Map.entry("gateway.rate-limit.clients.dashboard.burst", String.valueOf(BUCKET)),
                    Map.entry("gateway.rate-limit.clients.dashboard.requests-per-second", "0.001"));
        }
    }

    @TestHTTPResource("/")
    URL gateway;

    @Inject
    RateLimiter limiter;

    private final List<Socket> sockets = new ArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeEach
    void backendThatShedsFitsAndStreamsLargeHeatmaps() {
        // each test spends the users' buckets on its own: one test's flood of batches must not starve the next
        limiter.forgetAll();
        TestBackends.resetAll();
        TestBackends.risk().answer(IsolationTest::respond);
    }

    @AfterEach
    void closeEverything() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        pool.shutdownNow();
    }

    /** Fits: the backend's fit slots are full. Heatmaps with ?large: 64 MiB, more than any socket buffers. */
    private static void respond(HttpExchange exchange, Received received) throws IOException {
        String uri = received.uri();
        if (uri.startsWith("/api/v1/model/fits")) {
            exchange.getResponseHeaders().set("Retry-After", "5");
            RecordingBackend.send(
                    exchange,
                    503,
                    "application/problem+json",
                    "{\"type\":\"" + PROBLEMS + "busy\",\"title\":\"Too many fits at once\",\"status\":503}");
        } else if (uri.startsWith("/api/v1/heatmap?large")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            byte[] block = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1024; i++) {
                    out.write(block);
                }
            }
        } else {
            RecordingBackend.send(exchange, 200, "application/json", "{\"score\":42}");
        }
    }

    @Test
    void aBodyDeclaredAndNeverSentIs408AndNeverReachesABackend() throws Exception {
        String bad = Tokens.bearerForUser("admin");
        List<String> ids = new ArrayList<>();
        List<Future<RawHttp.Answer>> stalled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = newId("stalled");
            ids.add(id);
            stalled.add(pool.submit(() -> RawHttp.exchange(gateway, stalledHead(id, bad, 10))));
        }
        goodClientScores(5);
        for (Future<RawHttp.Answer> answer : stalled) {
            RawHttp.Answer got = answer.get(60, TimeUnit.SECONDS);
            assertEquals(408, got.status(), got.head());
            assertEquals(PROBLEMS + "request-timeout", new JsonObject(got.body()).getString("type"));
        }
        for (String id : ids) {
            assertFalse(TestBackends.anyReceived(id), "a stalled body reached a backend");
        }
    }

    @Test
    void aClientGetsNoMoreThanItsCapOfRequestsUnderWay() throws Exception {
        String bad = Tokens.bearerForUser("analyst");
        List<Future<RawHttp.Answer>> stalled = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT + 3; i++) {
            String id = newId("capped");
            stalled.add(pool.submit(() -> RawHttp.exchange(gateway, stalledHead(id, bad, 10))));
        }
        int timedOut = 0;
        int capped = 0;
        for (Future<RawHttp.Answer> answer : stalled) {
            RawHttp.Answer got = answer.get(60, TimeUnit.SECONDS);
            String type = new JsonObject(got.body()).getString("type");
            if (got.status() == 408) {
                timedOut++;
            } else {
                assertEquals(429, got.status(), got.head());
                assertEquals(PROBLEMS + "too-many-in-flight", type);
                assertNotNull(got.header("Retry-After"));
                capped++;
            }
        }
        assertTrue(timedOut <= IN_FLIGHT, timedOut + " requests were under way at once");
        assertTrue(capped >= 3, "only " + capped + " requests were refused");
    }

    @Test
    void theBackendsLoadSheddingIsPassedOnAndDoesNotOpenTheBreaker() {
        String bad = Tokens.bearerForUser("policy");
        for (int i = 0; i < 6; i++) {
            Response shed = given().header("Authorization", bad)
                    .contentType("application/json")
                    .body("{\"incidents\":[]}")
                    .post("/api/v1/model/fits");
            shed.then().statusCode(503).header("Retry-After", "5").body("type", equalTo(PROBLEMS + "busy"));
        }
        TestBackends.management()
                .get("/q/health/ready")
                .then()
                .body("checks.find { it.name == 'backends' }.data.risk", equalTo("closed"));
        goodClientScores(5);
    }

    @Test
    void aBatchCostsItsItemsAndAnUnaffordableOneNeverReachesTheBackend() {
        String bad = Tokens.bearerForUser("analyst");
        int items = 400;
        StringBuilder ndjson = new StringBuilder();
        List<String> array = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            ndjson.append("{\"sector\":\"commercial-bank\",\"country\":\"BD\"}\n");
            array.add("{\"sector\":\"commercial-bank\",\"country\":\"BD\",\"note\":\"a, [b]\"}");
        }
        String json = "[" + String.join(",", array) + "]";
        // the bucket holds 1000: 400 + 400 fit, the third batch of 400 does not
        batch(bad, "application/x-ndjson", ndjson.toString(), newId("batch"))
                .then()
                .statusCode(200);
        batch(bad, "application/json", json, newId("batch")).then().statusCode(200);
        String refused = newId("batch");
        Response third = batch(bad, "application/x-ndjson", ndjson.toString(), refused);
        third.then().statusCode(429).body("type", equalTo(PROBLEMS + "rate-limited"));
        assertTrue(Long.parseLong(third.header("Retry-After")) >= 1);
        assertFalse(TestBackends.anyReceived(refused), "an unaffordable batch was forwarded");
        // a single request still fits in what is left
        given().header("Authorization", bad).get("/api/v1/heatmap").then().statusCode(200);
        goodClientScores(3);
    }

    @Test
    void oneClientMisbehavingInEveryWayNeverFailsAnother() throws Exception {
        String bad = Tokens.bearerForUser("admin");
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Integer> badStatuses = new ConcurrentLinkedQueue<>();
        // answers never read: each holds a backend connection for as long as the client likes
        for (int i = 0; i < 2; i++) {
            sockets.add(unreadAnswer(bad));
        }
        List<Future<?>> misbehaviour = List.of(
                pool.submit(() -> {
                    while (running.get()) {
                        badStatuses.add(RawHttp.exchange(gateway, stalledHead(newId("stalled"), bad, 10))
                                .status());
                    }
                }),
                pool.submit(() -> {
                    while (running.get()) {
                        badStatuses.add(given().header("Authorization", bad)
                                .contentType("application/json")
                                .body("{}")
                                .post("/api/v1/model/fits")
                                .statusCode());
                        pause(20);
                    }
                }),
                pool.submit(() -> {
                    String items = "{\"sector\":\"commercial-bank\",\"country\":\"BD\"}\n".repeat(100);
                    while (running.get()) {
                        badStatuses.add(batch(bad, "application/x-ndjson", items, newId("flood"))
                                .statusCode());
                    }
                }));
        try {
            goodClientScores(40);
        } finally {
            running.set(false);
        }
        for (Future<?> task : misbehaviour) {
            task.get(60, TimeUnit.SECONDS);
        }
        assertFalse(badStatuses.isEmpty());
        for (int status : badStatuses) {
            // its own refusals (408, 429) and the backend's shedding (503 busy); never a gateway failure
            assertTrue(status == 200 || status == 408 || status == 429 || status == 503, "status " + status);
        }
        assertTrue(badStatuses.contains(429), "the flood was never limited");
        long fits = TestBackends.risk().received().stream()
                .filter(r -> r.uri().startsWith("/api/v1/model/fits"))
                .count();
        assertTrue(fits > 2, "only " + fits + " fits reached the saturated backend: more than the breaker's threshold");
        TestBackends.management()
                .get("/q/health/ready")
                .then()
                .body("checks.find { it.name == 'backends' }.data.risk", equalTo("closed"));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void goodClientScores(int count) {
        String good = Tokens.bearerForClient("bank-risk-engine");
        for (int i = 0; i < count; i++) {
            given().header("Authorization", good)
                    .header("X-Request-Id", newId("good"))
                    .contentType("application/json")
                    .body("{\"sector\":\"commercial-bank\",\"country\":\"BD\",\"horizonDays\":365}")
                    .post("/api/v1/scores")
                    .then()
                    .statusCode(200);
        }
    }

    private static Response batch(String bearer, String contentType, String body, String id) {
        return given().header("Authorization", bearer)
                .header("X-Request-Id", id)
                .contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/scores/batch");
    }

    /** A GET of a large answer whose reader never reads; the socket stays open until the test ends. */
    private Socket unreadAnswer(String bearer) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.getPort());
        socket.setReceiveBufferSize(4096);
        socket.getOutputStream()
                .write(("GET /api/v1/heatmap?large=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String stalledHead(String id, String bearer, int declared) {
        return "POST /api/v1/scores HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + declared + "\r\nX-Request-Id: " + id + "\r\nAuthorization: " + bearer;
    }

    private static String newId(String kind) {
        return kind + "-" + UUID.randomUUID();
    }
}
