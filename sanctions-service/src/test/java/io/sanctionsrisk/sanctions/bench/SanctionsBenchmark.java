package io.sanctionsrisk.sanctions.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.IncidentData;
import io.sanctionsrisk.sanctions.dto.DataVersionView;
import io.sanctionsrisk.sanctions.dto.TaxonomyEntries.CountryEntry;
import io.sanctionsrisk.sanctions.exporting.ExportSnapshot;
import io.sanctionsrisk.sanctions.exporting.ExportSnapshot.Stamped;
import io.sanctionsrisk.sanctions.exporting.StixBundleWriter;
import io.sanctionsrisk.sanctions.service.TaxonomyService;
import io.sanctionsrisk.testing.Tokens;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of BENCHMARKS.md, not a test: it asserts nothing about time. Run with
 * {@code ./mvnw -pl sanctions-service verify -Pbench}. Imports two generated 50,000-incident STIX bundles
 * through the API (so 100,000 incidents), re-imports one unchanged, then times list and filter queries over
 * HTTP with a real token. Figures go to stdout and to {@code target/benchmark/sanctions-service.md}.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@Tag("benchmark")
class SanctionsBenchmark {

    static final int INCIDENTS_PER_BUNDLE = 50_000;
    static final int WARM_UP = 50;
    static final int SAMPLES = 400;
    static final String[] VECTORS = {
        "swift-fraud", "atm-cash-out", "exchange-hot-wallet", "bridge-key-compromise",
        "supply-chain", "watering-hole", "social-engineering", "undisclosed"
    };

    @TestHTTPResource("/")
    URL base;

    @Inject
    TaxonomyService taxonomy;

    @Inject
    ObjectMapper mapper;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final StringBuilder report = new StringBuilder();

    @Test
    void importsAndQueries() throws Exception {
        line("| step | result |");
        line("| --- | --- |");
        byte[] first = bundle("A", 1);
        byte[] second = bundle("B", 2);
        line("| STIX bundle of 50,000 incidents | %.1f MiB, %d objects |", first.length / 1048576.0, objects(first));
        line("| dry run of the bundle (read and validate only) | %s |", timedImport(first, true));
        line("| import 50,000 new incidents (STIX) | %s |", timedImport(first));
        line("| re-import the same bundle (all unchanged) | %s |", timedImport(first));
        line("| import 50,000 more (100,000 in total) | %s |", timedImport(second));
        line("");
        line("| query over 100,000 incidents (size 50) | p50 ms | p99 ms |");
        line("| --- | --- | --- |");
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("list, first page", "/api/v1/incidents");
        queries.put("list, page 1000 (offset 50,000)", "/api/v1/incidents?page=1000");
        queries.put(
                "list, deep page by cursor (after 50,000 rows)",
                "/api/v1/incidents?cursor=" + nextCursor("/api/v1/incidents?page=999"));
        queries.put("country=US", "/api/v1/incidents?country=US");
        queries.put("region=eastern-asia", "/api/v1/incidents?region=eastern-asia");
        queries.put("sector + year", "/api/v1/incidents?sector=crypto-exchange&from=2019-01-01&to=2019-12-31");
        queries.put("actor + vector", "/api/v1/incidents?actor=BENCH-ACTOR-3&vector=swift-fraud");
        queries.put("sort=-realisedUsd", "/api/v1/incidents?sort=-realisedUsd");
        queries.put("one incident by key", "/api/v1/incidents/BENCH-A-025000");
        queries.put("timeline, month buckets, all years", "/api/v1/timeline");
        for (Map.Entry<String, String> query : queries.entrySet()) {
            double[] percentiles = time(query.getValue());
            line("| %s | %.1f | %.1f |", query.getKey(), percentiles[0], percentiles[1]);
        }
        Path out = Path.of("target", "benchmark", "sanctions-service.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n" + report);
    }

    /** A bundle as the service itself would export it, written by the exporter from generated records. */
    private byte[] bundle(String series, long seed) throws IOException {
        Random random = new Random(seed);
        TaxonomyService.Snapshot snapshot = taxonomy.snapshot();
        List<CountryEntry> countries = new ArrayList<>(snapshot.countries().values());
        List<String> sectors = new ArrayList<>(snapshot.sectors().keySet());
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        List<Stamped<ActorData>> actors = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ActorData actor = new ActorData(
                    "BENCH-ACTOR-" + i, "Bench actor " + i, List.of("Alias " + i), null, "Bench", null, null);
            actors.add(new Stamped<>(actor, now, now, 0));
        }
        List<Stamped<IncidentData>> incidents = new ArrayList<>(INCIDENTS_PER_BUNDLE);
        for (int i = 1; i <= INCIDENTS_PER_BUNDLE; i++) {
            LocalDate first = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(9_500));
            long attempted = 1_000L + random.nextInt(1_000_000_000);
            IncidentData incident = new IncidentData(
                    String.format(Locale.ROOT, "BENCH-%s-%06d", series, i),
                    first,
                    "day",
                    random.nextBoolean() ? first.minusDays(30 + random.nextInt(700)) : null,
                    "BENCH-ACTOR-" + (1 + random.nextInt(5)),
                    random.nextInt(101),
                    "Bench victim " + random.nextInt(5_000),
                    sectors.get(random.nextInt(sectors.size())),
                    countries.get(random.nextInt(countries.size())).alpha2(),
                    VECTORS[random.nextInt(VECTORS.length)],
                    attempted,
                    (long) (attempted * random.nextDouble()),
                    random.nextInt(10) == 0,
                    "Generated for the benchmark",
                    "Bench",
                    "https://example.org/bench/" + i,
                    first.plusDays(200),
                    "Bench attribution",
                    first.plusDays(2),
                    null,
                    null);
            incidents.add(new Stamped<>(incident, now, now, 0));
        }
        ExportSnapshot data =
                new ExportSnapshot(new DataVersionView(seed, now), actors, List.of(), incidents, snapshot);
        ByteArrayOutputStream out = new ByteArrayOutputStream(96 << 20);
        StixBundleWriter.write(data, mapper, out);
        return out.toByteArray();
    }

    private String timedImport(byte[] bundle) throws Exception {
        return timedImport(bundle, false);
    }

    private String timedImport(byte[] bundle, boolean dryRun) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/imports?dryRun=" + dryRun))
                .header("Authorization", "Bearer " + Tokens.forClient("steward-sync"))
                .header("Content-Type", "application/stix+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bundle))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
        }
        var answer = mapper.readTree(response.body());
        return String.format(
                Locale.ROOT,
                "%.2f s (%s %d, updated %d, unchanged %d)",
                seconds,
                dryRun ? "would create" : "created",
                answer.path("created").path("incidents").asInt(),
                answer.path("updated").path("incidents").asInt(),
                answer.path("unchanged").path("incidents").asInt());
    }

    /** p50 and p99 in milliseconds of a GET, after a warm-up. */
    private double[] time(String path) throws Exception {
        String token = Tokens.forClient("bank-risk-engine");
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        for (int i = 0; i < WARM_UP; i++) {
            check(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), path);
        }
        double[] millis = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis[i] = (System.nanoTime() - start) / 1e6;
            check(response, path);
        }
        Arrays.sort(millis);
        return new double[] {percentile(millis, 0.50), percentile(millis, 0.99)};
    }

    /** The nextCursor of a list answer: the page after page 999 starts after row 50,000. */
    private String nextCursor(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + Tokens.forClient("bank-risk-engine"))
                .GET()
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        check(response, path);
        String cursor = mapper.readTree(response.body()).path("nextCursor").asText(null);
        if (cursor == null) {
            throw new IllegalStateException(path + " answered no nextCursor");
        }
        return cursor;
    }

    private static void check(HttpResponse<byte[]> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static long objects(byte[] bundle) {
        String text = new String(bundle, StandardCharsets.UTF_8);
        long count = 0;
        for (int at = text.indexOf("\"spec_version\""); at >= 0; at = text.indexOf("\"spec_version\"", at + 1)) {
            count++;
        }
        return count;
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
