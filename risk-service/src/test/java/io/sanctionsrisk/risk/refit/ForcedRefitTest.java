package io.sanctionsrisk.risk.refit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sanctionsrisk.risk.testing.Eventually;
import io.sanctionsrisk.risk.testing.SanctionsServiceProcess;
import io.sanctionsrisk.risk.testing.WithSanctionsService;
import io.sanctionsrisk.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/model/refits?force=true: a steward refits on unchanged data and a new snapshot is stored, recorded
 * with its trigger and the steward, and served; every portfolio is re-scored on it.
 */
@QuarkusTest
@TestProfile(WithSanctionsService.OnDemand.class)
class ForcedRefitTest {

    @Test
    void aStewardForcesANewSnapshotOnUnchangedDataAndPortfoliosFollow() {
        SanctionsServiceProcess.ensureRunning();
        JsonPath current = given().auth()
                .oauth2(Tokens.forUser("steward"))
                .post("/api/v1/model/refits")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long before = current.getLong("model.snapshotId");
        long dataVersion = current.getLong("model.versions.data");
        given().auth()
                .oauth2(Tokens.forUser("steward"))
                .post("/api/v1/model/refits")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("unchanged"));

        String portfolio = given().auth()
                .oauth2(Tokens.forClient("bank-risk-engine"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "forced"))
                .post("/api/v1/portfolios")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        given().auth()
                .oauth2(Tokens.forClient("bank-risk-engine"))
                .contentType("text/csv")
                .body("institutionId,sector,country\nb1,commercial-bank,BD\nb2,crypto-exchange,KR\n".getBytes())
                .put("/api/v1/portfolios/" + portfolio + "/institutions")
                .then()
                .statusCode(200)
                .body("scoring.snapshotId", equalTo((int) before));

        JsonPath forced = given().auth()
                .oauth2(Tokens.forUser("steward"))
                .queryParam("force", "true")
                .post("/api/v1/model/refits")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("created"))
                .body("model.fit.trigger", equalTo(RefitService.FORCED))
                .body("model.fit.origin", equalTo("created"))
                .extract()
                .jsonPath();
        long after = forced.getLong("model.snapshotId");
        assertTrue(after > before);
        assertEquals(dataVersion, forced.getLong("model.versions.data"));
        assertEquals(current.getDouble("model.parameters.mu"), forced.getDouble("model.parameters.mu"));
        given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .get("/api/v1/model")
                .then()
                .statusCode(200)
                .body("snapshotId", equalTo((int) after))
                .body("fit.requestedBy", equalTo(forced.getString("model.fit.requestedBy")));

        JsonPath scores = Eventually.await(
                "the portfolio re-scored on the forced snapshot",
                Duration.ofSeconds(60),
                () -> given().auth()
                        .oauth2(Tokens.forClient("bank-risk-engine"))
                        .get("/api/v1/portfolios/" + portfolio + "/scores")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(),
                s -> s.getLong("snapshotId") == after);
        assertEquals(before, scores.getLong("previousSnapshotId"));
        // the same data fitted again: the same scores, no change
        assertEquals(scores.getList("items.previousScore"), scores.getList("items.score"));
        assertEquals(List.of(false, false), scores.getList("items.bandChanged"));
    }

    @Test
    void onlyAStewardMayForceAndForceIsTrueOrFalse() {
        for (String client : List.of("bank-risk-engine", "steward-sync")) {
            int expected = client.equals("steward-sync") ? 200 : 403;
            given().auth()
                    .oauth2(Tokens.forClient(client))
                    .queryParam("force", "false")
                    .post("/api/v1/model/refits")
                    .then()
                    .statusCode(expected);
        }
        given().auth()
                .oauth2(Tokens.forClient("bank-risk-engine"))
                .queryParam("force", "true")
                .post("/api/v1/model/refits")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://sanctionsrisk.io/problems/forbidden"));
        given().auth()
                .oauth2(Tokens.forUser("steward"))
                .queryParam("force", "yes")
                .post("/api/v1/model/refits")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("force"));
    }
}
