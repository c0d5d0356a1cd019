package io.sanctionsrisk.risk.model;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sanctionsrisk.testing.Tokens;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An inline fit's body is bounded before it is bound: its arrays are counted on the token stream (413 naming the
 * field), and it is read only once a fit slot is held, so a full replica answers 503 busy without reading it.
 */
@QuarkusTest
@TestProfile(FitBodyBoundsTest.SmallLimits.class)
class FitBodyBoundsTest {

    private static final String FITS = "/api/v1/model/fits";
    private static final String TOO_LARGE = "https://sanctionsrisk.io/problems/payload-too-large";

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "risk.fits.max-events", "10",
                    "risk.fits.max-sanctions", "3",
                    "risk.fits.max-concurrent", "1",
                    "risk.fits.queue-wait", "200ms");
        }
    }

    @TestHTTPResource("/")
    URL service;

    @Test
    void tooManyEventsOrSanctionsAre413NamingTheField() {
        String events = IntStream.range(0, 11).mapToObj(i -> i + ".5").collect(Collectors.joining(","));
        tooLarge("{\"windowDays\": 100, \"events\": [" + events + "]}", "events");
        String dates = IntStream.range(1, 12)
                .mapToObj(i -> "\"2020-01-" + String.format("%02d", i) + "\"")
                .collect(Collectors.joining(","));
        tooLarge(
                "{\"windowStart\": \"2020-01-01\", \"windowEnd\": \"2020-12-31\", \"eventDates\": [" + dates + "]}",
                "eventDates");
        String sanctions = IntStream.range(0, 4)
                .mapToObj(i -> "{\"time\": " + i + ", \"weight\": 1}")
                .collect(Collectors.joining(","));
        tooLarge("{\"windowDays\": 100, \"events\": [1.5], \"sanctions\": [" + sanctions + "]}", "sanctions");
        // counted before binding: the rest of the body need not even be valid
        tooLarge("{\"events\": [" + events + "], \"unknown\": true, \"kernelShape\": \"x\"}", "events");
    }

    @Test
    void atTheLimitTheBodyIsBoundAndChecked() {
        String events = IntStream.range(0, 10).mapToObj(i -> i * 9 + ".5").collect(Collectors.joining(","));
        given().auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType(ContentType.JSON)
                .body("{\"windowDays\": 100, \"events\": [" + events + "], \"kernelShape\": 1}")
                .post(FITS)
                .then()
                .statusCode(200)
                .body("eventCount", equalTo(10));
    }

    @Test
    void anEmptyBodyIs400() {
        given().auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType(ContentType.JSON)
                .body("  ")
                .post(FITS)
                .then()
                .statusCode(400)
                .body("type", equalTo("https://sanctionsrisk.io/problems/malformed-body"));
    }

    @Test
    void aFullReplicaAnswers503WithoutReadingTheBody() throws Exception {
        String bearer = Tokens.bearerForUser("policy");
        // a fit whose body is still on its way holds the replica's one slot
        try (Socket stalled = new Socket(service.getHost(), service.getPort())) {
            OutputStream out = stalled.getOutputStream();
            out.write(("POST " + FITS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer
                            + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"windowDays\": 100,")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // a malformed body would be a 400 once read; with the slot taken it is never read
            long deadline = System.nanoTime() + 30_000_000_000L;
            int status;
            do {
                status = given().auth()
                        .oauth2(Tokens.forUser("policy"))
                        .contentType(ContentType.JSON)
                        .body("{not json")
                        .post(FITS)
                        .then()
                        .extract()
                        .statusCode();
            } while (status != 503 && System.nanoTime() < deadline);
            assertEquals(503, status, "the stalled fit never took the slot");
            given().auth()
                    .oauth2(Tokens.forUser("policy"))
                    .contentType(ContentType.JSON)
                    .body("{not json")
                    .post(FITS)
                    .then()
                    .statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .body("type", equalTo("https://sanctionsrisk.io/problems/busy"));

            // the stalled body ends malformed: 400, and the slot is free again
            out.write(" ".repeat(1000 - "{\"windowDays\": 100,".length()).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = stalled.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertTrue(head.startsWith("HTTP/1.1 400"), head);
        }
        given().auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType(ContentType.JSON)
                .body("{not json")
                .post(FITS)
                .then()
                .statusCode(400);
    }

    private static void tooLarge(String body, String field) {
        given().auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType(ContentType.JSON)
                .body(body)
                .post(FITS)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo(TOO_LARGE))
                .body("errors[0].field", equalTo(field));
    }
}
