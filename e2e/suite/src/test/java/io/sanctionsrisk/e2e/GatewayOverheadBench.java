package io.sanctionsrisk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanctionsrisk.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the gateway costs: the same authenticated request with the same token, sent through the gateway and
 * straight to the risk-service, in alternating rounds of the same run on the same machine, so that noise from
 * other processes falls on both sides alike. Reports the median over rounds of throughput, p50 and p99, and the
 * ratios. Not a test of speed: it only fails if a request does not answer 2xx. Run with
 * {@code ./mvnw -B -ntp verify -pl e2e/suite -am -Pgateway-bench -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false} (see BENCHMARKS.md).
 */
class GatewayOverheadBench {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 7);
    private static final int REQUESTS_PER_ROUND = Integer.getInteger("bench.requests", 2_000);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 2_000);

    private static final String SCORE_PATH = "/api/v1/scores";
    private static final String SCORE_BODY = "{\"sector\":\"commercial-bank\",\"country\":\"BD\",\"horizonDays\":365}";

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    @Test
    void gatewayAgainstDirect() throws Exception {
        Suite suite = Suite.get();
        String authorization = Tokens.bearerForClient("bank-risk-engine");
        String viaGateway = suite.gateway.baseUrl() + SCORE_PATH;
        String direct = suite.risk.baseUrl() + SCORE_PATH;
        awaitScores(suite.gateway.baseUrl(), authorization);

        run(viaGateway, authorization, WARM_UP);
        run(direct, authorization, WARM_UP);

        List<Round> gatewayRounds = new ArrayList<>();
        List<Round> directRounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // alternate which side goes first, so a drift in machine load does not favour one side
            if (round % 2 == 0) {
                gatewayRounds.add(run(viaGateway, authorization, REQUESTS_PER_ROUND));
                directRounds.add(run(direct, authorization, REQUESTS_PER_ROUND));
            } else {
                directRounds.add(run(direct, authorization, REQUESTS_PER_ROUND));
                gatewayRounds.add(run(viaGateway, authorization, REQUESTS_PER_ROUND));
            }
        }
        Round gateway = Round.medianOf(gatewayRounds);
        Round straight = Round.medianOf(directRounds);
        String report = String.format(
                Locale.ROOT,
                "| path | throughput (req/s) | p50 (ms) | p99 (ms) |%n"
                        + "|---|---:|---:|---:|%n"
                        + "| through the gateway | %.0f | %.2f | %.2f |%n"
                        + "| straight to the risk-service | %.0f | %.2f | %.2f |%n%n"
                        + "gateway/direct throughput: %.2f; added latency at p50: %.2f ms, at p99: %.2f ms%n"
                        + "(%d rounds x %d requests, %d concurrent connections, medians over rounds; load average"
                        + " at the end: %s)%n",
                gateway.throughput,
                gateway.p50Millis,
                gateway.p99Millis,
                straight.throughput,
                straight.p50Millis,
                straight.p99Millis,
                gateway.throughput / straight.throughput,
                gateway.p50Millis - straight.p50Millis,
                gateway.p99Millis - straight.p99Millis,
                ROUNDS,
                REQUESTS_PER_ROUND,
                CONCURRENCY,
                BenchReport.loadAverage());
        BenchReport.write("gateway-overhead.md", report);
    }

    /** Waits until the gateway answers a score: the risk-service has fitted its first snapshot. */
    static void awaitScores(String gateway, String authorization) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = Http.send("POST", gateway + SCORE_PATH, authorization, "application/json", SCORE_BODY)
                    .statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(1_000);
        }
        assertEquals(200, status, "the risk-service never answered a score (no snapshot fitted?)");
    }

    private Round run(String url, String authorization, int requests) throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CONCURRENCY; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        HttpResponse<String> response = send(url, authorization);
                        latencies[i] = System.nanoTime() - sent;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(
                                    url + " answered " + response.statusCode() + ": " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsed = System.nanoTime() - start;
        Arrays.sort(latencies);
        return new Round(
                requests / (elapsed / 1e9),
                latencies[(int) Math.floor(0.50 * (requests - 1))] / 1e6,
                latencies[(int) Math.floor(0.99 * (requests - 1))] / 1e6);
    }

    private HttpResponse<String> send(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SCORE_BODY))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private record Round(double throughput, double p50Millis, double p99Millis) {

        static Round medianOf(List<Round> rounds) {
            return new Round(
                    BenchReport.median(
                            rounds.stream().mapToDouble(Round::throughput).toArray()),
                    BenchReport.median(
                            rounds.stream().mapToDouble(Round::p50Millis).toArray()),
                    BenchReport.median(
                            rounds.stream().mapToDouble(Round::p99Millis).toArray()));
        }
    }
}
