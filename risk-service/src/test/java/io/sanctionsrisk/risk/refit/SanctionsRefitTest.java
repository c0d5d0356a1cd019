package io.sanctionsrisk.risk.refit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isOneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.sanctionsrisk.risk.dataset.DatasetEvent;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import io.sanctionsrisk.risk.testing.SanctionsServiceApi;
import io.sanctionsrisk.risk.testing.SanctionsServiceProcess;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.risk.testing.WithSanctionsService;
import io.sanctionsrisk.testing.Tokens;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/v1/model/refits against the real sanctions-service, read with the risk-service's own account. */
@QuarkusTest
@TestProfile(WithSanctionsService.OnDemand.class)
class SanctionsRefitTest {

    private final SnapshotFixtures fixtures;
    private final SnapshotStore snapshots;

    SanctionsRefitTest(SnapshotFixtures fixtures, SnapshotStore snapshots) {
        this.fixtures = fixtures;
        this.snapshots = snapshots;
    }

    @BeforeEach
    void sanctionsServiceRuns() {
        SanctionsServiceProcess.ensureRunning();
    }

    @Test
    void theSnapshotKnowsWhenEachHeistWasAttributedAndServesTheHonestTests() {
        JsonPath refit = given().auth()
                .oauth2(Tokens.forUser("steward"))
                .post("/api/v1/model/refits")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // the sanctions-service's attribution dates reach the model's input, one for one
        JsonPath incidents = given().baseUri(SanctionsServiceProcess.shared().baseUrl())
                .auth()
                .oauth2(Tokens.forUser("viewer"))
                .queryParam("size", 500)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        java.util.Map<String, String> attributed = new java.util.HashMap<>();
        List<java.util.Map<String, Object>> items = incidents.getList("items");
        for (java.util.Map<String, Object> i : items) {
            if (i.get("attributedOn") != null) {
                attributed.put((String) i.get("key"), (String) i.get("attributedOn"));
            }
        }
        LoadedSnapshot snapshot = snapshots.serving().orElseThrow();
        long withDate = 0;
        for (DatasetEvent e : snapshot.dataset().events()) {
            assertEquals(
                    attributed.get(e.key()),
                    e.attributedOn() == null ? null : e.attributedOn().toString());
            if (e.attributedOn() != null) {
                withDate++;
                double known = e.knownFrom(snapshot.dataset().windowStart());
                assertTrue(known >= e.time(), "a heist is never known before it happens");
                assertEquals(
                        Math.max(
                                e.time(),
                                e.attributedOn().toEpochDay()
                                        - snapshot.dataset().windowStart().toEpochDay()
                                        + 1.0),
                        known);
            }
        }
        assertTrue(withDate > 0, "the curated seed dates its attributions");

        // the bootstrap of the sanctions term, the Akaike weights and the served-model choice are served
        JsonPath model = given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .get("/api/v1/model")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(refit.getLong("model.snapshotId"), model.getLong("snapshotId"));
        assertEquals(4, model.getInt("diagnostics.sanctionsBootstrap.replicatesRequested"));
        int run = model.getInt("diagnostics.sanctionsBootstrap.replicatesRun");
        // the test profile's 20 s budget leaves room for at least one of the 4 replicates, so the p-value is served
        assertTrue(run >= 1 && run <= 4, "replicates run: " + run);
        double p = model.getDouble("diagnostics.sanctionsBootstrap.pValue");
        int exceedances = model.getInt("diagnostics.sanctionsBootstrap.exceedances");
        assertEquals((1.0 + exceedances) / (1.0 + run), p, 1e-12);
        assertTrue(model.getDouble("diagnostics.sanctionsBootstrap.monteCarloError") >= 0);
        assertEquals(run < 4, model.getBoolean("diagnostics.sanctionsBootstrap.hitBudget"));
        List<Float> weights = model.getList("diagnostics.aicWeights.weight", Float.class);
        assertEquals(2 + model.getList("diagnostics.kernelShapes").size(), weights.size());
        assertEquals(1.0, weights.stream().mapToDouble(Float::doubleValue).sum(), 1e-5);
        assertEquals(model.getInt("parameters.kernelShape"), model.getInt("diagnostics.servedModel.kernelShape"));
        assertEquals("stationary", model.getString("diagnostics.servedModel.baseline"));
        assertTrue(model.getString("diagnostics.servedModel.baselineReason").contains("AIC"));
        assertEquals("adaptive", model.getString("diagnostics.servedModel.marks"));
    }

    @Test
    void refitFitsTheSanctionsServicesDataAtItsCurrentVersion() {
        long version = SanctionsServiceApi.dataVersion();
        JsonPath refit = given().auth()
                .oauth2(Tokens.forUser("steward"))
                .post("/api/v1/model/refits")
                .then()
                .statusCode(200)
                .body("outcome", isOneOf("created", "reused", "unchanged"))
                .body("model.versions.data", equalTo((int) version))
                .body("model.freshness.sanctionsServiceReachable", equalTo(true))
                .body("model.freshness.stale", equalTo(false))
                .extract()
                .jsonPath();
        long incidents = SanctionsServiceApi.total("incidents");
        long excludedIncidents = refit.getList("model.data.excluded.kind").stream()
                .filter("incident"::equals)
                .count();
        assertEquals(incidents, refit.getInt("model.data.events") + excludedIncidents);
        long sanctions = SanctionsServiceApi.total("sanctions");
        long excludedSanctions = refit.getList("model.data.excluded.kind").stream()
                .filter("sanction"::equals)
                .count();
        assertEquals(
                sanctions,
                refit.getInt("model.data.sanctions") + refit.getInt("model.data.easingSanctions") + excludedSanctions);

        // the same data again: nothing to fit
        given().auth()
                .oauth2(Tokens.forUser("admin"))
                .post("/api/v1/model/refits")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("unchanged"))
                .body("model.snapshotId", equalTo(refit.getInt("model.snapshotId")));
    }

    @Test
    void aNewSanctionChangesTheDataVersionAndTheRefitFitsIt() {
        LoadedSnapshot before = fixtures.fromSanctionsService();
        String key = SanctionsServiceApi.addSanction("2020-06-15");
        try {
            long version = SanctionsServiceApi.dataVersion();
            assertNotEquals(before.row().getDataVersion(), version);
            JsonPath after = given().auth()
                    .oauth2(Tokens.forUser("steward"))
                    .post("/api/v1/model/refits")
                    .then()
                    .statusCode(200)
                    .body("outcome", equalTo("created"))
                    .body("model.versions.data", equalTo((int) version))
                    .body("model.fit.trigger", equalTo("request"))
                    .extract()
                    .jsonPath();
            assertNotEquals(before.id(), after.getLong("model.snapshotId"));
            assertEquals(before.dataset().effectiveSanctionCount() + 1, after.getInt("model.data.sanctions"));
            given().auth()
                    .oauth2(Tokens.forUser("viewer"))
                    .queryParam("from", "2020-01-01")
                    .queryParam("to", "2020-12-31")
                    .get("/api/v1/model/intensity")
                    .then()
                    .statusCode(200)
                    .body("snapshotId", equalTo(after.getInt("model.snapshotId")))
                    .body("sanctions.key", hasItem(key));
        } finally {
            SanctionsServiceApi.deleteSanction(key);
        }
        // back to the earlier records under a newer data version: the earlier fit is reused, not redone
        given().auth()
                .oauth2(Tokens.forUser("steward"))
                .post("/api/v1/model/refits")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("reused"))
                .body("model.inputDigest", equalTo(before.row().getInputDigest()))
                .body("model.parameters.mu", equalTo((float) before.parameters().mu()));
    }

    @Test
    void onlyDataStewardsAndAdminsRefit() {
        given().post("/api/v1/model/refits").then().statusCode(401).contentType("application/problem+json");
        for (String user : List.of("viewer", "analyst", "policy")) {
            given().auth()
                    .oauth2(Tokens.forUser(user))
                    .post("/api/v1/model/refits")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/forbidden"));
        }
        for (String client : List.of("bank-risk-engine", "risk-service")) {
            given().auth()
                    .oauth2(Tokens.forClient(client))
                    .post("/api/v1/model/refits")
                    .then()
                    .statusCode(403);
        }
        for (String user : List.of("steward", "admin")) {
            given().auth()
                    .oauth2(Tokens.forUser(user))
                    .post("/api/v1/model/refits")
                    .then()
                    .statusCode(200);
        }
        given().auth()
                .oauth2(Tokens.forClient("steward-sync"))
                .post("/api/v1/model/refits")
                .then()
                .statusCode(200);
    }

    @Test
    void concurrentRefitsOfNewDataFitOnce() throws Exception {
        fixtures.fromSanctionsService();
        String key = SanctionsServiceApi.addSanction("2019-09-01");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<JsonPath> refit = () -> given().auth()
                    .oauth2(Tokens.forUser("steward"))
                    .post("/api/v1/model/refits")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Future<JsonPath>> answers = pool.invokeAll(List.of(refit, refit));
            JsonPath first = answers.get(0).get();
            JsonPath second = answers.get(1).get();
            assertEquals(
                    List.of("created", "unchanged"),
                    java.util.stream.Stream.of(first.getString("outcome"), second.getString("outcome"))
                            .sorted()
                            .toList());
            assertEquals(first.getLong("model.snapshotId"), second.getLong("model.snapshotId"));
        } finally {
            pool.shutdown();
            SanctionsServiceApi.deleteSanction(key);
        }
    }
}
