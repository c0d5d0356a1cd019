package io.sanctionsrisk.risk.model;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModelResourceTest {

    private final SnapshotFixtures fixtures;

    ModelResourceTest(SnapshotFixtures fixtures) {
        this.fixtures = fixtures;
    }

    @Test
    void servesTheLatestSnapshotWithParametersErrorsDiagnosticsAndVersions() {
        LoadedSnapshot snapshot = fixtures.simulated();

        JsonPath model = given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .when()
                .get("/api/v1/model")
                .then()
                .statusCode(200)
                .body("snapshotId", equalTo((int) snapshot.id()))
                .body("versions.model", equalTo("cadence-1"))
                .body("versions.code", notNullValue())
                .body("versions.data", equalTo((int) snapshot.row().getDataVersion()))
                .body("inputDigest.length()", equalTo(64))
                .body("parameters.mu", greaterThan(0f))
                .body("parameters.kernelShape", notNullValue())
                .body("estimates.name", hasItems("mu", "kappa", "alpha", "beta", "delta"))
                .body(
                        "diagnostics.comparisons.model",
                        hasItems("homogeneous-poisson", "hawkes-without-sanctions", "sanctions-excited-hawkes"))
                .body("diagnostics.likelihoodRatioTests.size()", equalTo(3))
                .body("diagnostics.goodnessOfFit.gapCount", greaterThan(0))
                .body("marks.cells.heists", greaterThan(0))
                .body("data.events", greaterThan(0))
                .body("freshness.dataAgeSeconds", notNullValue())
                .extract()
                .jsonPath();
        assertEquals(snapshot.dataset().events().size(), model.getInt("data.events"));
        assertEquals(model.getInt("data.events"), model.getInt("diagnostics.eventCount"));
    }

    @Test
    void easingSanctionsAreListedWithWeightZero() {
        LoadedSnapshot snapshot = fixtures.simulated();
        List<Map<String, Object>> sanctions = given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .queryParam(
                        "from", snapshot.dataset().windowStart().minusYears(10).toString())
                .queryParam("step", "30")
                .when()
                .get("/api/v1/model/intensity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("sanctions");
        assertTrue(sanctions.stream().anyMatch(s -> "easing".equals(s.get("direction"))), "data have easing events");
        for (Map<String, Object> s : sanctions) {
            double weight = ((Number) s.get("weight")).doubleValue();
            if ("easing".equals(s.get("direction"))) {
                assertEquals(0.0, weight, "easing must not add pressure: " + s.get("key"));
            } else {
                assertEquals(((Number) s.get("severity")).doubleValue(), weight, "weight = severity: " + s.get("key"));
            }
        }
    }

    @Test
    void answers503WithRetryAfterWhenNoSnapshotExists() {
        fixtures.deleteAll();
        try {
            given().auth()
                    .oauth2(Tokens.forUser("viewer"))
                    .when()
                    .get("/api/v1/model")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://sanctionsrisk.io/problems/no-snapshot"))
                    .body("status", equalTo(503));
            given().auth()
                    .oauth2(Tokens.forUser("viewer"))
                    .when()
                    .get("/api/v1/model/intensity")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json");
        } finally {
            fixtures.simulated();
        }
    }

    @Test
    void refitWithNoSanctionsServiceAnswers503AndKeepsServingTheSnapshot() {
        LoadedSnapshot snapshot = fixtures.simulated();
        given().auth()
                .oauth2(Tokens.forUser("steward"))
                .when()
                .post("/api/v1/model/refits")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://sanctionsrisk.io/problems/sanctions-service-unavailable"));
        given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .when()
                .get("/api/v1/model")
                .then()
                .statusCode(200)
                .body("snapshotId", equalTo((int) snapshot.id()))
                .body("freshness.sanctionsServiceReachable", equalTo(false))
                .body("freshness.lastSyncError", notNullValue());
    }

    @Test
    void intensityHasItsThreePartsAndMarksTheHeists() {
        LoadedSnapshot snapshot = fixtures.simulated();
        JsonPath curve = given().auth()
                .oauth2(Tokens.forUser("policy"))
                .queryParam("step", "30")
                .when()
                .get("/api/v1/model/intensity")
                .then()
                .statusCode(200)
                .body("unit", equalTo("heists per day"))
                .body("points.baseline", everyItem(greaterThan(0f)))
                .extract()
                .jsonPath()
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        List<Map<String, Object>> points = curve.getList("points");
        assertTrue(points.size() > 10);
        for (Map<String, Object> p : points) {
            double total = ((Number) p.get("total")).doubleValue();
            double sum = ((Number) p.get("baseline")).doubleValue()
                    + ((Number) p.get("sanctions")).doubleValue()
                    + ((Number) p.get("selfExcitation")).doubleValue();
            assertEquals(sum, total, 1e-12 * Math.max(1, total));
        }
        assertEquals(
                snapshot.dataset().events().stream()
                        .filter(e -> !e.date().isAfter(snapshot.dataset().windowEnd()))
                        .count(),
                curve.getList("heists").size());
        assertEquals(snapshot.dataset().windowStart().toString(), curve.getString("from"));
    }

    @Test
    void everyRoleReadsTheModelAndTheCurveButNoTokenIs401() {
        LoadedSnapshot snapshot = fixtures.simulated();
        for (String user : List.of("viewer", "analyst", "policy", "steward", "admin")) {
            for (String path : List.of("/api/v1/model", "/api/v1/model/intensity")) {
                given().auth()
                        .oauth2(Tokens.forUser(user))
                        .get(path)
                        .then()
                        .statusCode(200)
                        .body("snapshotId", equalTo((int) snapshot.id()));
            }
        }
        for (String client : List.of("bank-risk-engine", "steward-sync", "risk-service")) {
            given().auth()
                    .oauth2(Tokens.forClient(client))
                    .get("/api/v1/model")
                    .then()
                    .statusCode(200);
        }
        for (String path : List.of("/api/v1/model", "/api/v1/model/intensity")) {
            given().get(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("type", equalTo("https://sanctionsrisk.io/problems/unauthorized"));
            given().auth()
                    .oauth2("eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl")
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void rejectsBadIntensityParametersWith400NamingThem() {
        fixtures.simulated();
        Map<String, Map<String, String>> cases = Map.of(
                "from", Map.of("from", "2016-02-30"),
                "to", Map.of("from", "2020-01-01", "to", "2019-01-01"),
                "step", Map.of("step", "0"),
                "step ", Map.of("step", "seven"),
                "step  ", Map.of("from", "2000-01-01", "to", "2024-12-31", "step", "1"));
        for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
            given().auth()
                    .oauth2(Tokens.forUser("viewer"))
                    .queryParams(c.getValue())
                    .get("/api/v1/model/intensity")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/validation"))
                    .body("errors[0].field", equalTo(c.getKey().trim()));
        }
    }

    @Test
    void unknownPathsAndMethodsAnswerProblemJson() {
        given().auth()
                .oauth2(Tokens.forUser("admin"))
                .get("/api/v1/model/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sanctionsrisk.io/problems/not-found"));
        given().auth()
                .oauth2(Tokens.forUser("admin"))
                .delete("/api/v1/model")
                .then()
                .statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void healthOpenApiAndMetricsNeedNoToken() {
        fixtures.simulated();
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(
                        "checks.name",
                        hasItems("Database connections health check", "sanctions-service (informational)"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("risk_fits_seconds_count{budget=\"within\",kind=\"snapshot\"}"));
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/model/fits'.post.requestBody.content.'application/json'.examples.days",
                        notNullValue())
                .body("paths.'/api/v1/model/refits'.post.responses.'409'", notNullValue());
    }
}
