package io.sanctionsrisk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.testing.KeycloakServer;
import io.sanctionsrisk.testing.KeycloakTestResource;
import io.sanctionsrisk.testing.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged sanctions-service in a 256 MiB heap ({@code -Xmx256m}): a 100 MB single-line CSV dry run is
 * answered 413 or 422 and the service stays up; a streamed export of many records completes while writes go on.
 * The service runs on its own schema ({@code lowmem}) of the e2e database, beside the suite's services.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LowMemoryImportIT {

    private static final String SCHEMA = "lowmem";
    private static final long BODY_BYTES = 100L * 1000 * 1000;
    private static final int INCIDENTS = 20_000;
    private static final int WRITES = 30;

    private static Process service;
    private static String base;
    private static String management;
    private static Path log;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startWithASmallHeap() throws Exception {
        try (Connection connection =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/e2e_sanctions", "e2e", "e2e");
                Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
            sql.execute("create schema " + SCHEMA);
        }
        KeycloakServer keycloak = KeycloakTestResource.server();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        // health and metrics answer on the management interface, as the service is packaged
        int managementPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            managementPort = socket.getLocalPort();
        }
        management = "http://127.0.0.1:" + managementPort;
        Path work = Path.of(Suite.required("e2e.work.dir"));
        Files.createDirectories(work);
        log = work.resolve("sanctions-service-lowmem.log");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/e2e_sanctions?currentSchema=" + SCHEMA,
                "-Dquarkus.datasource.username=e2e",
                "-Dquarkus.datasource.password=e2e",
                "-Dquarkus.oidc.auth-server-url=" + keycloak.issuer(),
                "-jar",
                Suite.required("e2e.sanctions.jar"));
        service = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        Instant deadline = Instant.now().plusSeconds(300);
        while (!ready()) {
            assertTrue(service.isAlive(), "the service exited; see " + log);
            assertTrue(Instant.now().isBefore(deadline), "the service was not ready in time; see " + log);
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void a100MegabyteSingleLineCsvDryRunIsRefusedAndTheServiceStaysUp() throws Exception {
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/imports?dryRun=true&kind=actors"))
                .header("Authorization", "Bearer " + Tokens.forUser("steward"))
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new OneLine(BODY_BYTES)), BODY_BYTES))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(
                response.statusCode() == 413 || response.statusCode() == 422,
                "status " + response.statusCode() + ": " + response.body());
        assertTrue(response.body().contains("sanctions.imports.max-"), response.body());
        assertTrue(service.isAlive(), "the service died; see " + log);
        assertTrue(ready(), "the service is not ready after the 100 MB body; see " + log);
        System.out.printf(
                "LOW-MEMORY 100 MB single-line CSV dry run at -Xmx256m: %d in %d ms; heap after %d MiB; ready after%n",
                response.statusCode(), millis, heapMiB());
    }

    @Test
    @Order(2)
    void aLargeExportStreamsInASmallHeapWhileWritesGoOn() throws Exception {
        importIncidents();
        String token = Tokens.forUser("viewer");
        String steward = Tokens.forUser("steward");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicBoolean exporting = new AtomicBoolean(true);
        try {
            Future<List<Long>> writer = pool.submit(() -> {
                List<Long> millis = new ArrayList<>();
                int i = 0;
                while (exporting.get() || i < WRITES) {
                    long begun = System.nanoTime();
                    String key = "LOWMEM-ACTOR-" + i++;
                    HttpResponse<String> created = HTTP.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/actors"))
                                    .header("Authorization", "Bearer " + steward)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"key\":\"" + key + "\",\"name\":\"Actor " + key + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(201, created.statusCode(), created.body());
                    millis.add((System.nanoTime() - begun) / 1_000_000);
                }
                return millis;
            });
            long begun = System.nanoTime();
            HttpResponse<InputStream> export = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/exports?format=json"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, export.statusCode());
            long version =
                    Long.parseLong(export.headers().firstValue("X-Data-Version").orElseThrow());
            long bytes = 0;
            String head = null;
            try (InputStream body = export.body()) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = body.read(buffer)) > 0) {
                    if (head == null) {
                        head = new String(buffer, 0, Math.min(n, 64), StandardCharsets.UTF_8);
                    }
                    bytes += n;
                }
            }
            long exportMillis = (System.nanoTime() - begun) / 1_000_000;
            exporting.set(false);
            List<Long> writes = writer.get(5, TimeUnit.MINUTES);
            assertTrue(head.startsWith("{\"dataVersion\":" + version + ","), head);
            assertTrue(bytes > INCIDENTS * 200L, "the export is too small: " + bytes);
            assertTrue(ready(), "the service is not ready after the export; see " + log);
            System.out.printf(
                    "LOW-MEMORY export at -Xmx256m: %d bytes (%d incidents and more) in %d ms at data version %d;"
                            + " %d writes meanwhile, slowest %d ms; heap after %d MiB%n",
                    bytes,
                    INCIDENTS,
                    exportMillis,
                    version,
                    writes.size(),
                    writes.stream().mapToLong(Long::longValue).max().orElse(0),
                    heapMiB());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void importIncidents() throws Exception {
        StringBuilder csv = new StringBuilder("key,first_action_date,date_precision,intrusion_start_date,actor,"
                + "attribution_confidence,victim,sector,country,vector,attempted_usd,realised_usd,destructive,note,"
                + "source,source_url\r\n");
        for (int i = 0; i < INCIDENTS; i++) {
            csv.append(String.format(
                    "LOWMEM-%06d,2019-%02d-%02d,day,,APT38,50,Generated bank %d,commercial-bank,VN,swift-fraud,%d,%d,"
                            + "false,A generated incident for the low-memory test,Generated,https://example.org/%d\r\n",
                    i, 1 + i % 12, 1 + i % 28, i % 500, 1_000_000 + i, i % 3 == 0 ? 0 : 1000 + i, i));
        }
        HttpResponse<String> imported = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/imports"))
                        .header("Authorization", "Bearer " + Tokens.forUser("steward"))
                        .header("Content-Type", "text/csv")
                        .timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, imported.statusCode(), imported.body());
    }

    private static boolean ready() {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(management + "/q/health/ready"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The heap in use as the service's own metrics report it, or -1. */
    private static long heapMiB() throws Exception {
        HttpResponse<String> metrics = HTTP.send(
                HttpRequest.newBuilder(URI.create(management + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher matcher = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)")
                .matcher(metrics.body());
        double sum = 0;
        boolean found = false;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(1));
            found = true;
        }
        return found ? (long) (sum / (1024 * 1024)) : -1;
    }

    /** One line: an actor key, a comma, then one field of 'x' up to the size; no line end. */
    private static final class OneLine extends InputStream {
        private final long size;
        private long sent;

        OneLine(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (sent >= size) {
                return -1;
            }
            return sent++ < 7 ? "LOWMEM,".charAt((int) sent - 1) : 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (sent >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - sent);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
