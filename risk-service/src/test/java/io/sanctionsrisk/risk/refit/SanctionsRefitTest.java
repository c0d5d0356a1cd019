package io.sanctionsrisk.risk.refit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isOneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
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

    SanctionsRefitTest(SnapshotFixtures fixtures) {
        this.fixtures = fixtures;
    }

    @BeforeEach
    void sanctionsServiceRuns() {
        SanctionsServiceProcess.ensureRunning();
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
