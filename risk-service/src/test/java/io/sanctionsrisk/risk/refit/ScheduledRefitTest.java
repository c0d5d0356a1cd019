package io.sanctionsrisk.risk.refit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.sanctionsrisk.risk.testing.Eventually;
import io.sanctionsrisk.risk.testing.SanctionsServiceApi;
import io.sanctionsrisk.risk.testing.SanctionsServiceProcess;
import io.sanctionsrisk.risk.testing.WithSanctionsService;
import io.sanctionsrisk.testing.ServiceProcess;
import io.sanctionsrisk.testing.Tokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduled data-version check against the real sanctions-service: a write there is fitted without anyone
 * asking, and while the sanctions-service is down the last snapshot is served with the age of its data.
 */
@QuarkusTest
@TestProfile(ScheduledRefitTest.Scheduled.class)
class ScheduledRefitTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** Checks every second; data unconfirmed for more than five seconds are stale. */
    public static class Scheduled implements WithSanctionsService {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "risk.refit.schedule-enabled", "true",
                    "risk.refit.check-interval", "1s",
                    "risk.refit.initial-delay", "0s",
                    "risk.refit.stale-after", "5s");
        }
    }

    @BeforeEach
    void sanctionsServiceRunsAndTheSnapshotIsCurrent() {
        SanctionsServiceProcess.ensureRunning();
        long version = SanctionsServiceApi.dataVersion();
        Eventually.await(
                "a snapshot of data version " + version + " from a reachable sanctions-service",
                PATIENCE,
                ScheduledRefitTest::model,
                m -> m.statusCode() == 200
                        && m.json().getLong("versions.data") == version
                        && m.json().getBoolean("freshness.sanctionsServiceReachable"));
    }

    @Test
    void aWriteToTheSanctionsServiceIsFittedByTheScheduledCheck() {
        Model before = model();
        String key = SanctionsServiceApi.addSanction("2021-03-01");
        try {
            long version = SanctionsServiceApi.dataVersion();
            Model after = Eventually.await(
                    "the scheduled check fits data version " + version,
                    PATIENCE,
                    ScheduledRefitTest::model,
                    m -> m.statusCode() == 200 && m.json().getLong("versions.data") == version);
            assertTrue(after.json().getLong("snapshotId") > before.json().getLong("snapshotId"));
            assertEquals("schedule", after.json().getString("fit.trigger"));
            assertEquals(
                    before.json().getInt("data.sanctions") + 1, after.json().getInt("data.sanctions"));
            given().auth()
                    .oauth2(Tokens.forUser("viewer"))
                    .queryParam("from", "2021-01-01")
                    .queryParam("to", "2021-12-31")
                    .get("/api/v1/model/intensity")
                    .then()
                    .statusCode(200)
                    .body("sanctions.key", hasItem(key));
        } finally {
            SanctionsServiceApi.deleteSanction(key);
        }
    }

    @Test
    void servesTheLastSnapshotWithTheAgeOfItsDataWhileTheSanctionsServiceIsDown() {
        Model up = model();
        long snapshotId = up.json().getLong("snapshotId");
        String digest = up.json().getString("inputDigest");
        ServiceProcess sanctions = SanctionsServiceProcess.shared();
        sanctions.stop();
        try {
            Model down = Eventually.await(
                    "the risk-service notices the sanctions-service is down",
                    PATIENCE,
                    ScheduledRefitTest::model,
                    m -> m.statusCode() == 200 && !m.json().getBoolean("freshness.sanctionsServiceReachable"));
            assertEquals(snapshotId, down.json().getLong("snapshotId"));
            assertEquals(digest, down.json().getString("inputDigest"));
            assertTrue(down.json().getString("freshness.lastSyncError").contains("sanctions-service"));

            Model stale = Eventually.await(
                    "the snapshot's data are flagged stale",
                    PATIENCE,
                    ScheduledRefitTest::model,
                    m -> m.statusCode() == 200 && m.json().getBoolean("freshness.stale"));
            assertEquals(snapshotId, stale.json().getLong("snapshotId"));
            assertTrue(stale.json().getLong("freshness.dataAgeSeconds") >= 5);
            assertTrue(stale.json().getString("freshness.staleReasons[0]").contains("last confirmed current"));
            assertEquals(
                    up.json().getString("freshness.lastSuccessfulSync"),
                    stale.json().getString("freshness.lastSuccessfulSync"));

            given().auth()
                    .oauth2(Tokens.forUser("steward"))
                    .post("/api/v1/model/refits")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://sanctionsrisk.io/problems/sanctions-service-unavailable"))
                    .body("detail", containsString("serving snapshot is unchanged"));
            given().get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body(
                            "checks.find { it.name == 'sanctions-service (informational)' }.data.reachable",
                            equalTo(false));
            given().auth()
                    .oauth2(Tokens.forUser("viewer"))
                    .get("/api/v1/model/intensity")
                    .then()
                    .statusCode(200)
                    .body("snapshotId", equalTo((int) snapshotId));
        } finally {
            sanctions.restart();
        }
        Eventually.await(
                "the risk-service sees the sanctions-service again",
                PATIENCE,
                ScheduledRefitTest::model,
                m -> m.statusCode() == 200
                        && m.json().getBoolean("freshness.sanctionsServiceReachable")
                        && !m.json().getBoolean("freshness.stale"));
    }

    private record Model(int statusCode, JsonPath json) {
        @Override
        public String toString() {
            return statusCode + " " + (json == null ? "" : json.prettify());
        }
    }

    private static Model model() {
        var response = given().auth().oauth2(Tokens.forUser("viewer")).get("/api/v1/model");
        return new Model(response.statusCode(), response.statusCode() == 200 ? response.jsonPath() : null);
    }
}
