package io.sanctionsrisk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanctionsrisk.testing.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A portfolio of 100,000 institutions scored in one NDJSON batch, sent straight to the packaged risk-service
 * and through the gateway: the time from sending the request to the last byte of the answer, with the client
 * only counting bytes and lines, so that the figure is the server's work plus the loopback transfer. Median
 * over rounds. Runs with the gateway overhead benchmark ({@code -Pgateway-bench}; see BENCHMARKS.md).
 */
class BatchScoreBench {

    private static final int INSTITUTIONS = Integer.getInteger("bench.batch.institutions", 100_000);
    private static final int ROUNDS = Integer.getInteger("bench.batch.rounds", 5);
    private static final String[] SECTORS = {"commercial-bank", "central-bank", "crypto-exchange", "payment-processor"};
    private static final String[] COUNTRIES = {"BD", "VN", "EC", "TW", "NP", "MX", "IN", "CL", "ZA", "US", "JP", "KR"};
    private static final String[] SWIFT = {"none", "indirect", "direct"};

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    @Test
    void oneHundredThousandInstitutionsInOneBatch() throws Exception {
        Suite suite = Suite.get();
        String authorization = Tokens.bearerForClient("bank-risk-engine");
        byte[] body = portfolio();
        String direct = suite.risk.baseUrl() + "/api/v1/scores/batch";
        String viaGateway = suite.gateway.baseUrl() + "/api/v1/scores/batch";
        GatewayOverheadBench.awaitScores(suite.gateway.baseUrl(), authorization);

        run(direct, authorization, body); // warm-up
        run(viaGateway, authorization, body);
        double[] directSeconds = new double[ROUNDS];
        double[] gatewaySeconds = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            directSeconds[round] = run(direct, authorization, body);
            gatewaySeconds[round] = run(viaGateway, authorization, body);
        }
        String report = String.format(
                Locale.ROOT,
                "| %,d institutions, NDJSON in and out (%.1f MiB in) | median | min | max |%n|---|---:|---:|---:|%n"
                        + "| straight to the risk-service | %.2f s | %.2f s | %.2f s |%n"
                        + "| through the gateway | %.2f s | %.2f s | %.2f s |%n"
                        + "(%d rounds after one warm-up each; load average at the end: %s)%n",
                INSTITUTIONS,
                body.length / 1048576.0,
                BenchReport.median(directSeconds),
                Arrays.stream(directSeconds).min().orElseThrow(),
                Arrays.stream(directSeconds).max().orElseThrow(),
                BenchReport.median(gatewaySeconds),
                Arrays.stream(gatewaySeconds).min().orElseThrow(),
                Arrays.stream(gatewaySeconds).max().orElseThrow(),
                ROUNDS,
                BenchReport.loadAverage());
        BenchReport.write("batch-score.md", report);
    }

    /** Seconds from sending the batch to the last byte of the answer; fails unless every institution came back. */
    private double run(String url, String authorization, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-ndjson")
                .header("Accept", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(200, response.statusCode(), url);
        assertEquals(INSTITUTIONS, lines, "institutions scored by " + url);
        return seconds;
    }

    private static byte[] portfolio() {
        StringBuilder text = new StringBuilder(INSTITUTIONS * 110);
        for (int i = 0; i < INSTITUTIONS; i++) {
            text.append("{\"id\":\"inst-")
                    .append(i)
                    .append("\",\"sector\":\"")
                    .append(SECTORS[i % SECTORS.length])
                    .append("\",\"country\":\"")
                    .append(COUNTRIES[(i / SECTORS.length) % COUNTRIES.length])
                    .append("\",\"horizonDays\":365,\"exposure\":{\"swiftConnectivity\":\"")
                    .append(SWIFT[i % SWIFT.length])
                    .append("\"}}\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
