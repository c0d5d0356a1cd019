package io.sanctionsrisk.sanctions.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sanctionsrisk.sanctions.support.Api;
import io.sanctionsrisk.testing.Tokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A PostgreSQL restart ({@code pg_ctl restart -m fast}) in the middle of a write load loses no acknowledged write:
 * every incident the service answered 201 for is in the database afterwards. Runs against a private cluster made
 * for the test (never a shared server), so it is off by default: {@code -Drestart-test=true}. Prints the figures
 * RELIABILITY.md quotes.
 */
@QuarkusTest
@TestProfile(PostgresRestartTest.OnPrivateCluster.class)
@EnabledIfSystemProperty(named = "restart-test", matches = "true")
class PostgresRestartTest {

    private static final int WRITERS = 4;
    private static final long BEFORE_MILLIS = 4_000;
    private static final long AFTER_MILLIS = 8_000;

    private static PrivatePostgres cluster;

    /** One cluster per JVM, whichever class loader asks first (the profile is read by several). */
    static PrivatePostgres cluster() {
        synchronized (System.getProperties()) {
            if (cluster == null) {
                String shared = System.getProperty(PrivatePostgres.SHARED_PROPERTY);
                if (shared != null) {
                    cluster = PrivatePostgres.attach(shared);
                } else {
                    cluster = PrivatePostgres.create();
                    System.setProperty(PrivatePostgres.SHARED_PROPERTY, cluster.describe());
                    PrivatePostgres started = cluster;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "private-postgres-stop"));
                }
            }
            return cluster;
        }
    }

    public static class OnPrivateCluster implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            if (!Boolean.getBoolean("restart-test")) {
                return Map.of(); // the test is off: make no cluster (this is called when tests are discovered)
            }
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    cluster().jdbcUrl() + "?reWriteBatchedInserts=true",
                    "quarkus.datasource.username",
                    PrivatePostgres.USER,
                    "quarkus.datasource.password",
                    "unused");
        }
    }

    private final DataSource dataSource;

    PostgresRestartTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void aRestartDuringWritesLosesNoAcknowledgedWrite() throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("select inet_server_port()")) {
            rs.next();
            assertEquals(cluster().port, rs.getInt(1), "the service must write to the private cluster");
        }
        String token = Tokens.forUser("steward");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong restartedAt = new AtomicLong();
        AtomicLong firstAckAfterRestart = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            writers.submit(() -> {
                while (running.get()) {
                    String key = Api.key("RST");
                    int status;
                    try {
                        status = given().auth()
                                .oauth2(token)
                                .contentType(ContentType.JSON)
                                .body(Api.incident(key, null))
                                .post("/api/v1/incidents")
                                .statusCode();
                    } catch (RuntimeException e) {
                        status = -1; // no answer at all
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    if (status == 201) {
                        acknowledged.add(key);
                        long restart = restartedAt.get();
                        if (restart > 0) {
                            firstAckAfterRestart.compareAndSet(0, System.nanoTime());
                        }
                    }
                }
                return null;
            });
        }
        Thread.sleep(BEFORE_MILLIS);
        long beforeRestart = acknowledged.size();
        long t0 = System.nanoTime();
        cluster().restart();
        restartedAt.set(t0);
        long restartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        Thread.sleep(AFTER_MILLIS);
        running.set(false);
        writers.shutdown();
        assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));

        List<String> lost = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(cluster().jdbcUrl(), PrivatePostgres.USER, "");
                PreparedStatement exists = c.prepareStatement("select 1 from incident where incident_key = ?")) {
            for (String key : acknowledged) {
                exists.setString(1, key);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        lost.add(key);
                    }
                }
            }
        }
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, n) -> byStatus.put(status, n.get()));
        System.out.printf(
                "postgres-restart: writers=%d acknowledged=%d (before restart %d) lost=%d statuses=%s"
                        + " pg_ctl-restart-ms=%d first-ack-after-restart-ms=%d%n",
                WRITERS,
                acknowledged.size(),
                beforeRestart,
                lost.size(),
                byStatus,
                restartMillis,
                firstAckAfterRestart.get() == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(firstAckAfterRestart.get() - t0));
        assertEquals(List.of(), lost, "acknowledged writes missing after the restart");
        assertTrue(acknowledged.size() > beforeRestart, "no write was acknowledged after the restart");
        assertTrue(
                byStatus.keySet().stream().allMatch(s -> s == 201 || s == 503 || s == 500 || s == -1),
                "unexpected answers: " + byStatus);
    }
}
