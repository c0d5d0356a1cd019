package io.sanctionsrisk.gateway.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.gateway.testing.RawHttp;
import io.sanctionsrisk.gateway.testing.RecordingBackend.Received;
import io.sanctionsrisk.gateway.testing.TestBackends;
import io.sanctionsrisk.testing.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies cross the gateway as streams, in both directions, and a body over the route's limit is refused with 413
 * before any backend sees it whole. The streaming proofs are liveness checks, not timings: each side waits for the
 * other to have seen the first part before sending the rest, which only completes if nothing buffers the whole body.
 */
@QuarkusTest
class BodyStreamingTest {

    /** gateway.limits.max-body-size (1M), the limit of /api/v1/incidents. */
    private static final int DEFAULT_LIMIT = 1024 * 1024;

    private static final long WAIT_SECONDS = 60;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void healthyBackends() {
        TestBackends.resetAll();
    }

    @Test
    void declaredLengthOverTheLimitIs413BeforeAnyBackendSeesIt() {
        String id = newId();
        RawHttp.Answer answer = RawHttp.exchange(
                gateway,
                "POST /api/v1/incidents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + (DEFAULT_LIMIT + 1) + "\r\nX-Request-Id: " + id + "\r\nAuthorization: "
                        + Tokens.bearerForClient("steward-sync"));
        assertEquals(413, answer.status(), answer.head());
        assertTrue(answer.body().contains("https://sanctionsrisk.io/problems/payload-too-large"), answer.body());
        assertFalse(TestBackends.anyReceived(id));
    }

    @Test
    void importsHaveTheirOwnLargerLimit() {
        String id = newId();
        RawHttp.Answer answer = RawHttp.exchange(
                gateway,
                "POST /api/v1/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                        + "Content-Length: " + (128L * 1024 * 1024 + 1) + "\r\nX-Request-Id: " + id
                        + "\r\nAuthorization: " + Tokens.bearerForClient("steward-sync"));
        assertEquals(413, answer.status(), answer.head());
        assertFalse(TestBackends.anyReceived(id));
    }

    @Test
    void chunkedBodyOverTheLimitIs413AndTheBackendNeverGetsItWhole() {
        String id = newId();
        byte[] part = new byte[256 * 1024];
        RawHttp.Answer answer = RawHttp.exchange(
                gateway,
                "POST /api/v1/incidents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nX-Request-Id: " + id + "\r\nAuthorization: "
                        + Tokens.bearerForClient("steward-sync"),
                RawHttp.chunk(part),
                RawHttp.chunk(part),
                RawHttp.chunk(part),
                RawHttp.chunk(part),
                RawHttp.chunk(part),
                RawHttp.chunk(part));
        assertEquals(413, answer.status(), answer.head());
        assertTrue(answer.body().contains("payload-too-large"), answer.body());
        assertFalse(
                TestBackends.sanctions().received(id).map(Received::complete).orElse(false),
                "the backend received the oversized body whole");
    }

    @Test
    void bodyOfExactlyTheLimitIsForwarded() throws Exception {
        byte[] body = randomBytes(DEFAULT_LIMIT);
        String id = newId();
        HttpResponse<String> response = client().send(
                        post("/api/v1/incidents", id, Tokens.bearerForClient("steward-sync"))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Received got = TestBackends.sanctions().received(id).orElseThrow();
        assertEquals(DEFAULT_LIMIT, got.bodyBytes());
        assertEquals(sha256(body), got.sha256());
    }

    @Test
    void largeImportIsStreamedToTheBackendIntact() throws Exception {
        byte[] body = randomBytes(24 * 1024 * 1024);
        String id = newId();
        HttpResponse<String> response = client().send(
                        post("/api/v1/imports?dryRun=true", id, Tokens.bearerForClient("steward-sync"))
                                .header("Content-Type", "application/stix+json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Received got = TestBackends.sanctions().received(id).orElseThrow();
        assertTrue(got.complete());
        assertEquals(body.length, got.bodyBytes());
        assertEquals(sha256(body), got.sha256());
        assertEquals(String.valueOf(body.length), got.header("Content-Length"));
    }

    @Test
    void chunkedUploadReachesTheBackendWhileTheCallerIsStillSending() throws Exception {
        int first = 512 * 1024;
        int rest = 2 * 1024 * 1024;
        CountDownLatch backendSawFirstPart = new CountDownLatch(1);
        // half the first part: the client library reads one buffer ahead of what it has sent
        TestBackends.sanctions().observeBody(bytes -> {
            if (bytes >= first / 2) {
                backendSawFirstPart.countDown();
            }
        });
        AtomicBoolean waitedInVain = new AtomicBoolean();
        InputStream body = new GatedStream(first, rest, () -> {
            if (!backendSawFirstPart.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                waitedInVain.set(true);
            }
        });
        String id = newId();
        HttpResponse<String> response = client().send(
                        post("/api/v1/imports", id, Tokens.bearerForClient("steward-sync"))
                                .header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(waitedInVain.get(), "the backend saw nothing until the whole body had been sent");
        Received got = TestBackends.sanctions().received(id).orElseThrow();
        assertEquals(first + rest, got.bodyBytes());
        assertTrue(got.header("Transfer-Encoding").equalsIgnoreCase("chunked"));
    }

    @Test
    void answerReachesTheCallerWhileTheBackendIsStillSending() throws Exception {
        byte[] firstPart = "{\"type\":\"bundle\",\"objects\":[".getBytes(StandardCharsets.UTF_8);
        byte[] restPart = "{\"type\":\"incident\"}]}".getBytes(StandardCharsets.UTF_8);
        CountDownLatch callerSawFirstPart = new CountDownLatch(1);
        AtomicBoolean waitedInVain = new AtomicBoolean();
        TestBackends.sanctions().answer((exchange, received) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/stix+json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(firstPart);
                out.flush();
                try {
                    if (!callerSawFirstPart.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        waitedInVain.set(true);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                out.write(restPart);
            }
        });
        HttpResponse<InputStream> response = client().send(
                        HttpRequest.newBuilder(URI.create(gateway + "api/v1/exports?format=stix"))
                                .header("Authorization", Tokens.bearerForUser("viewer"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (InputStream in = response.body()) {
            byte[] head = in.readNBytes(firstPart.length);
            assertArrayEquals(firstPart, head);
            callerSawFirstPart.countDown();
            byte[] tail = in.readAllBytes();
            assertArrayEquals(restPart, tail);
        }
        assertFalse(waitedInVain.get(), "the caller saw nothing until the backend had sent everything");
    }

    @Test
    void expectContinueIsHonoured() throws Exception {
        byte[] body = "{\"naturalKey\":\"X\"}".getBytes(StandardCharsets.UTF_8);
        String id = newId();
        HttpResponse<String> response = client().send(
                        post("/api/v1/actors", id, Tokens.bearerForClient("steward-sync"))
                                .expectContinue(true)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Received got = TestBackends.sanctions().received(id).orElseThrow();
        assertEquals(body.length, got.bodyBytes());
        assertEquals(null, got.header("Expect"));
    }

    @Test
    void formBodiesAreStreamedToo() {
        String id = newId();
        given().header("Authorization", Tokens.bearerForUser("policy"))
                .header("X-Request-Id", id)
                .formParam("horizonDays", "365")
                .post("/api/v1/scenarios")
                .then()
                .statusCode(200);
        assertEquals(
                "horizonDays=365".length(),
                TestBackends.risk().received(id).orElseThrow().bodyBytes());
    }

    private HttpRequest.Builder post(String path, String id, String bearer) {
        return HttpRequest.newBuilder(URI.create(gateway + path.substring(1)))
                .header("Authorization", bearer)
                .header("X-Request-Id", id)
                .header("Content-Type", "application/json");
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String newId() {
        return "body-" + UUID.randomUUID();
    }

    /** Yields {@code first} bytes, then runs the gate (which may wait), then yields {@code rest} bytes. */
    private static final class GatedStream extends InputStream {
        interface Gate {
            void pass() throws InterruptedException;
        }

        private final long first;
        private final long total;
        private final Gate gate;
        private long position;
        private boolean gatePassed;

        GatedStream(long first, long rest, Gate gate) {
            this.first = first;
            this.total = first + rest;
            this.gate = gate;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position == first && !gatePassed) {
                gatePassed = true;
                try {
                    gate.pass();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            if (position >= total) {
                return -1;
            }
            long limit = position < first ? first : total;
            int n = (int) Math.min(length, limit - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) ('a' + (position + i) % 26);
            }
            position += n;
            return n;
        }
    }
}
