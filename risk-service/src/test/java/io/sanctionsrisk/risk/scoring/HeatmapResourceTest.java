package io.sanctionsrisk.risk.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.testing.AuditRows;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.testing.Tokens;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HeatmapResourceTest {

    private final SnapshotFixtures fixtures;
    private final AuditRows audit;

    HeatmapResourceTest(SnapshotFixtures fixtures, AuditRows audit) {
        this.fixtures = fixtures;
        this.audit = audit;
    }

    @Test
    void everyCellIsListedAndTheCellsSumToTheTotal() {
        LoadedSnapshot snapshot = fixtures.simulated();
        JsonPath heatmap = heatmap("viewer", "730");
        assertEquals(730, heatmap.getInt("horizonDays"));
        assertEquals(LocalDate.parse(heatmap.getString("from")).plusDays(730).toString(), heatmap.getString("to"));
        assertTrue(!LocalDate.parse(heatmap.getString("from"))
                .isBefore(snapshot.dataset().windowEnd().plusDays(1)));
        assertEquals("cadence-1", heatmap.getString("modelVersion"));
        assertEquals(snapshot.row().getDataVersion(), heatmap.getLong("dataVersion"));
        assertEquals(snapshot.id(), heatmap.getLong("snapshotId"));
        List<Map<String, Object>> sectors = heatmap.getList("sectors");
        List<Map<String, Object>> regions = heatmap.getList("regions");
        assertEquals(4, sectors.size());
        assertEquals(4, regions.size());
        assertTrue(sectors.contains(Map.of("code", "central-bank", "name", "Central bank")), sectors.toString());
        assertTrue(regions.contains(Map.of("code", "southern-asia", "name", "Southern Asia")), regions.toString());
        // a code the taxonomy does not name is its own name
        assertTrue(regions.contains(Map.of("code", "latin-america", "name", "latin-america")), regions.toString());
        List<Map<String, Object>> cells = heatmap.getList("cells");
        assertEquals(16, cells.size());
        Set<String> seen = new HashSet<>();
        double count = 0;
        double loss = 0;
        double attempted = 0;
        for (Map<String, Object> cell : cells) {
            assertTrue(seen.add(cell.get("sector") + "/" + cell.get("region")));
            double m = number(cell, "expectedCount");
            assertTrue(m > 0, "every cell has a positive count: " + cell);
            assertEquals(-Math.expm1(-m), number(cell, "probabilityAtLeastOne"), 1e-15);
            count += m;
            loss += number(cell, "expectedLoss");
            attempted += number(cell, "expectedAttemptedLoss");
        }
        double total = heatmap.getDouble("total.expectedCount");
        assertEquals(total, count, 1e-12 * total);
        assertEquals(heatmap.getDouble("total.expectedLoss"), loss, 1e-9 * loss);
        assertEquals(heatmap.getDouble("total.expectedAttemptedLoss"), attempted, 1e-9 * attempted);
        assertEquals(-Math.expm1(-total), heatmap.getDouble("total.probabilityAtLeastOne"), 1e-15);
        assertEquals("realised", heatmap.getString("lossBasis"));
    }

    @Test
    void aCellEqualsTheScoreOfItsTypicalInstitutionAndALongerHorizonExpectsMore() {
        fixtures.simulated();
        JsonPath heatmap = heatmap("analyst", null);
        assertEquals(365, heatmap.getInt("horizonDays"));
        Map<String, Object> cell = heatmap.getList("cells", Map.class).stream()
                .filter(c -> "crypto-exchange".equals(c.get("sector")) && "eastern-asia".equals(c.get("region")))
                .findFirst()
                .orElseThrow();
        JsonPath score = given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .body(Map.of("sector", "crypto-exchange", "country", "JP"))
                .post("/api/v1/scores")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        assertEquals(number(cell, "expectedCount"), score.getDouble("expectedCount"), 1e-15);
        assertEquals(number(cell, "expectedLoss"), score.getDouble("expectedLoss.realised"), 1e-6);
        assertEquals(heatmap.getString("from"), score.getString("from"));
        assertTrue(
                heatmap("viewer", "3650").getDouble("total.expectedCount") > heatmap.getDouble("total.expectedCount"));
    }

    @Test
    void everyReadingRoleSeesTheHeatmapWithoutAnAuditRowAndNoTokenIs401() {
        fixtures.simulated();
        long before = audit.count();
        for (String user : List.of("viewer", "analyst", "policy", "steward", "admin")) {
            heatmap(user, "30");
        }
        for (String client : List.of("bank-risk-engine", "steward-sync", "risk-service")) {
            given().auth()
                    .oauth2(Tokens.forClient(client))
                    .get("/api/v1/heatmap")
                    .then()
                    .statusCode(200);
        }
        assertEquals(before, audit.count());
        given().get("/api/v1/heatmap")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sanctionsrisk.io/problems/unauthorized"));
    }

    @Test
    void rejectsABadHorizonWith400NamingIt() {
        fixtures.simulated();
        for (String horizon : List.of("0", "3651", "-5", "a year", "1.5")) {
            given().auth()
                    .oauth2(Tokens.forUser("viewer"))
                    .queryParam("horizonDays", horizon)
                    .get("/api/v1/heatmap")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/validation"))
                    .body("errors[0].field", equalTo("horizonDays"));
        }
    }

    @Test
    void answers503WithoutASnapshot() {
        fixtures.deleteAll();
        try {
            given().auth()
                    .oauth2(Tokens.forUser("viewer"))
                    .get("/api/v1/heatmap")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/no-snapshot"));
            given().auth()
                    .oauth2(Tokens.forUser("analyst"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("sector", "central-bank", "country", "JP"))
                    .post("/api/v1/scores")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json");
        } finally {
            fixtures.simulated();
        }
    }

    private static JsonPath heatmap(String user, String horizon) {
        var request = given().auth().oauth2(Tokens.forUser(user));
        if (horizon != null) {
            request = request.queryParam("horizonDays", horizon);
        }
        return request.get("/api/v1/heatmap")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath()
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
