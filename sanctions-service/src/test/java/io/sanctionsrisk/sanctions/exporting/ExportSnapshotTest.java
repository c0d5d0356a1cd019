package io.sanctionsrisk.sanctions.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sanctionsrisk.sanctions.support.Api;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * An export reads one snapshot and takes no lock: writers commit while it is open, and it shows the data of the
 * one data version it is tagged with, whatever commits meanwhile.
 */
@QuarkusTest
class ExportSnapshotTest {

    private static final Logger LOG = Logger.getLogger(ExportSnapshotTest.class);
    private static final int WRITES = 40;

    @Inject
    ExportService exports;

    @Test
    void writersCommitWhileAnExportIsOpenAndTheExportDoesNotSeeThem() throws Exception {
        long before = Api.dataVersion();
        String key = Api.key("SNAP");
        try (ExportService.OpenExport export = exports.open()) {
            // Before, an export held the data-version row FOR UPDATE: this write would wait for it to end.
            int status = CompletableFuture.supplyAsync(() -> Api.steward()
                            .body(Api.actor(key))
                            .post("/api/v1/actors")
                            .statusCode())
                    .get(60, TimeUnit.SECONDS);
            assertEquals(201, status);
            assertEquals(before + 1, Api.dataVersion());
            assertEquals(before, export.snapshot().version().version());
            List<String> keys = StreamSupport.stream(export.snapshot().actors().spliterator(), false)
                    .map(stamped -> stamped.data().key())
                    .toList();
            assertFalse(keys.isEmpty());
            assertFalse(keys.contains(key), "the snapshot must not see a write committed after it began");
            // Iterating again reads the same snapshot.
            List<String> again = StreamSupport.stream(export.snapshot().actors().spliterator(), false)
                    .map(stamped -> stamped.data().key())
                    .toList();
            assertEquals(keys, again);
        }
        Api.as("viewer")
                .queryParam("format", "csv")
                .queryParam("kind", "actors")
                .get("/api/v1/exports")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString(key));
    }

    @Test
    void aThirdConcurrentExportIsBusy() {
        try (ExportService.OpenExport first = exports.open();
                ExportService.OpenExport second = exports.open()) {
            Api.as("viewer")
                    .get("/api/v1/exports")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "5")
                    .contentType(Api.PROBLEM)
                    .body("type", org.hamcrest.Matchers.equalTo(Api.PROBLEMS + "busy"));
            assertTrue(first.snapshot().version().version() > 0);
            assertTrue(second.snapshot().version().version() > 0);
        }
        Api.as("viewer").get("/api/v1/exports").then().statusCode(200);
    }

    @Test
    void headAndRepeatedExportsGiveTheirSnapshotsBack() throws Exception {
        for (int i = 0; i < 3; i++) {
            Api.as("viewer").head("/api/v1/exports").then().statusCode(200);
            Api.as("viewer").get("/api/v1/exports?format=stix").then().statusCode(200);
        }
        // The snapshots are given back once their responses end: both slots come free.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (ExportService.OpenExport first = exports.open();
                    ExportService.OpenExport second = exports.open()) {
                assertEquals(
                        first.snapshot().version().version(),
                        second.snapshot().version().version());
                return;
            } catch (io.sanctionsrisk.sanctions.web.ApiProblem busy) {
                assertTrue(System.nanoTime() < deadline, "an export's slot was never given back");
                Thread.sleep(100);
            }
        }
    }

    @Test
    void exportsUnderConcurrentWritesAreEachOfOneDataVersion() throws Exception {
        String prefix = Api.key("CONC");
        long base = Api.dataVersion();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> writeMillis = Collections.synchronizedList(new ArrayList<>());
        try {
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 0; i < WRITES; i++) {
                        long started = System.nanoTime();
                        Api.steward()
                                .body(Api.actor(prefix + "-" + i))
                                .post("/api/v1/actors")
                                .then()
                                .statusCode(201);
                        writeMillis.add((System.nanoTime() - started) / 1_000_000);
                    }
                } finally {
                    writing.set(false);
                }
            });
            List<Future<List<long[]>>> exporters = new ArrayList<>();
            for (String format : List.of("json", "csv")) {
                exporters.add(pool.submit(() -> {
                    List<long[]> seen = new ArrayList<>();
                    do {
                        seen.add(exportOnce(format, prefix, base));
                    } while (writing.get());
                    return seen;
                }));
            }
            writer.get(300, TimeUnit.SECONDS);
            int exportsRun = 0;
            int between = 0;
            for (Future<List<long[]>> exporter : exporters) {
                for (long[] seen : exporter.get(300, TimeUnit.SECONDS)) {
                    exportsRun++;
                    if (seen[0] > base && seen[0] < base + WRITES) {
                        between++;
                    }
                }
            }
            assertEquals(base + WRITES, Api.dataVersion());
            LOG.infof(
                    "Exports under concurrent writes: %d exports (%d between the first and last write), %d writes,"
                            + " slowest write %d ms",
                    exportsRun,
                    between,
                    writeMillis.size(),
                    writeMillis.stream().mapToLong(Long::longValue).max().orElse(0));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One export; each write adds one actor and one data version, so an export of one version holds exactly as many
     * of the test's actors as versions passed since the base.
     *
     * @return the data version and the export's duration in ms
     */
    private static long[] exportOnce(String format, String prefix, long base) {
        long started = System.nanoTime();
        var request = Api.as("viewer").queryParam("format", format);
        if (format.equals("csv")) {
            request = request.queryParam("kind", "actors");
        }
        Response response = request.get("/api/v1/exports");
        assertEquals(200, response.statusCode());
        long version = Long.parseLong(response.header("X-Data-Version"));
        long count;
        if (format.equals("json")) {
            assertEquals(version, response.jsonPath().getLong("dataVersion"));
            List<String> keys = response.jsonPath().getList("actors.key");
            count = keys.stream().filter(key -> key.startsWith(prefix + "-")).count();
        } else {
            String body = new String(response.asByteArray(), StandardCharsets.UTF_8);
            count = body.lines().filter(line -> line.startsWith(prefix + "-")).count();
        }
        assertEquals(version - base, count, format + " export at data version " + version + " is not of that version");
        return new long[] {version, (System.nanoTime() - started) / 1_000_000};
    }
}
