package io.sanctionsrisk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsrisk.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Outages seen from a client of the gateway: a backend that dies is answered fast with 503 problem+json and is
 * served again once it is back. The Keycloak outage has its own class, which runs last.
 */
class ResilienceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aKilledBackendGivesProblem503AtTheGatewayAndRecoversAfterRestart() {
        Suite suite = Suite.get();
        String viewer = Tokens.bearerForUser("viewer");
        String modelUrl = suite.gateway.baseUrl() + "/api/v1/model";
        String sanctionsUrl = suite.gateway.baseUrl() + "/api/v1/sanctions";
        awaitStatus(modelUrl, viewer, 200, Duration.ofMinutes(5));

        suite.risk.kill();
        long[] outageLatencies = new long[30];
        int refusedByBreaker = 0;
        Instant restarting;
        try {
            // The first calls find the connection refused (502 or 503); once the breaker is open every call is 503.
            int last = 0;
            for (int i = 0; i < outageLatencies.length; i++) {
                long sent = System.nanoTime();
                HttpResponse<String> response = Http.get(modelUrl, viewer);
                outageLatencies[i] = System.nanoTime() - sent;
                last = response.statusCode();
                assertTrue(last == 502 || last == 503, "a dead backend answered " + last);
                if (last == 503) {
                    refusedByBreaker++;
                }
                assertTrue(response.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith("application/problem+json"));
            }
            assertEquals(503, last, "the breaker should be open after repeated failures");
            // The other backend is still served.
            assertEquals(200, Http.get(sanctionsUrl, viewer).statusCode());
        } finally {
            // timed from the restart's start: the JVM and Quarkus boot are part of the outage
            restarting = Instant.now();
            suite.risk.restart();
        }
        awaitStatus(modelUrl, Tokens.bearerForUser("viewer"), 200, Duration.ofMinutes(2));
        Duration recovery = Duration.between(restarting, Instant.now());
        report(outageLatencies, refusedByBreaker, recovery);
    }

    @Test
    void anAcknowledgedImportSurvivesAKilledSanctionsService() throws IOException {
        Suite suite = Suite.get();
        String gateway = suite.gateway.baseUrl();
        String feed = Tokens.bearerForClient("steward-sync");
        HttpResponse<String> imported = Http.send(
                "POST", gateway + "/api/v1/imports", feed, "application/stix+json", RealFlowIT.bundle("E2E-DURABLE"));
        assertEquals(200, imported.statusCode(), imported.body());
        long acknowledged = JSON.readTree(imported.body()).path("dataVersion").asLong();

        // No clean shutdown: the process dies the moment after it answered.
        suite.sanctions.kill();
        suite.sanctions.restart();
        String viewer = Tokens.bearerForUser("viewer");
        awaitStatus(gateway + "/api/v1/incidents/E2E-DURABLE", viewer, 200, Duration.ofMinutes(2));

        JsonNode incident = JSON.readTree(
                Http.get(gateway + "/api/v1/incidents/E2E-DURABLE", viewer).body());
        assertEquals(4_000_000L, incident.path("realisedUsd").asLong(), incident.toString());
        JsonNode version =
                JSON.readTree(Http.get(gateway + "/api/v1/data-version", viewer).body());
        assertTrue(
                version.path("version").asLong() >= acknowledged,
                "the data version went back after a kill: " + version + " < " + acknowledged);
    }

    /** The figures RELIABILITY.md quotes, written next to the failsafe reports. */
    private static void report(long[] outageLatencies, int refusedByBreaker, Duration recovery) {
        double[] millis =
                Arrays.stream(outageLatencies).mapToDouble(n -> n / 1e6).toArray();
        String text = String.format(
                Locale.ROOT,
                "| risk-service killed | value |%n|---|---:|%n"
                        + "| answers refused at once by the open breaker (503), of %d | %d |%n"
                        + "| median answer time while down | %.1f ms |%n"
                        + "| slowest answer while down | %.1f ms |%n"
                        + "| from the start of the restart until the gateway serves 200 again | %.1f s |%n",
                millis.length,
                refusedByBreaker,
                BenchReport.median(millis),
                Arrays.stream(millis).max().orElseThrow(),
                recovery.toMillis() / 1e3);
        try {
            Path out = Path.of(Suite.required("e2e.report")).resolveSibling("reliability.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(text);
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
