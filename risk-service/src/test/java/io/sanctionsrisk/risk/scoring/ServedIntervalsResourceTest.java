package io.sanctionsrisk.risk.scoring;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every served number of the heatmap and of the scores lies inside its own interval, and the intervals carry the
 * cadence parameters' uncertainty (the snapshot's stored posterior draws) beside the marks'.
 */
@QuarkusTest
class ServedIntervalsResourceTest {

    private static final List<String> SECTORS =
            List.of("central-bank", "commercial-bank", "crypto-exchange", "defi-bridge");
    private static final List<String> COUNTRIES = List.of("JP", "BD", "VN", "KR");

    private final SnapshotFixtures fixtures;

    ServedIntervalsResourceTest(SnapshotFixtures fixtures) {
        this.fixtures = fixtures;
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 365, 730})
    void everyHeatmapCellAndTheTotalLieInsideTheirIntervals(int horizon) {
        LoadedSnapshot snapshot = fixtures.simulated();
        assertNotNull(snapshot.uncertainty(), "the refit stores posterior draws");
        assertEquals(200, snapshot.uncertainty().draws().size());
        JsonPath heatmap = given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .queryParam("horizonDays", horizon)
                .get("/api/v1/heatmap")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        assertEquals(200, heatmap.getInt("draws"));
        assertTrue(heatmap.getBoolean("parameterUncertainty"));
        List<Map<String, Object>> cells = heatmap.getList("cells");
        assertEquals(16, cells.size());
        for (Map<String, Object> cell : cells) {
            assertInside(cell, "cell " + cell.get("sector") + "/" + cell.get("region") + " at " + horizon);
        }
        Map<String, Object> total = heatmap.getMap("total");
        assertInside(total, "total at " + horizon);
        @SuppressWarnings("unchecked")
        Map<String, Object> interval = (Map<String, Object>) total.get("interval");
        // parameter uncertainty: the total's count is uncertain although the total's share is 1
        assertTrue(
                number(interval, "expectedCountUpper") > number(interval, "expectedCountLower") * 1.05,
                "the total's interval reflects the cadence draws: " + interval);
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 365, 730})
    void everyScoreLiesInsideItsIntervalWithOrWithoutExposure(int horizon) {
        fixtures.simulated();
        for (int i = 0; i < SECTORS.size(); i++) {
            for (Map<String, Object> exposure :
                    List.<Map<String, Object>>of(Map.of(), Map.of("cryptoCustody", "hot-wallet"))) {
                JsonPath score = given().auth()
                        .oauth2(Tokens.forUser("analyst"))
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "sector",
                                SECTORS.get(i),
                                "country",
                                COUNTRIES.get(i),
                                "horizonDays",
                                horizon,
                                "exposure",
                                exposure))
                        .post("/api/v1/scores")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .using(JsonPathConfig.jsonPathConfig()
                                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
                String where = SECTORS.get(i) + " " + exposure + " at " + horizon;
                Map<String, Object> in = score.getMap("interval");
                assertEquals(200, ((Number) in.get("draws")).intValue(), where);
                assertEquals(true, in.get("parameterUncertainty"), where);
                within(in, "expectedCount", score.getDouble("expectedCount"), where);
                within(in, "probability", score.getDouble("probabilityAtLeastOne"), where);
                within(in, "score", score.getDouble("score"), where);
                within(in, "expectedAttemptedLoss", score.getDouble("expectedLoss.attempted"), where);
                within(in, "expectedRealisedLoss", score.getDouble("expectedLoss.realised"), where);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertInside(Map<String, Object> cell, String where) {
        Map<String, Object> in = (Map<String, Object>) cell.get("interval");
        assertNotNull(in, where);
        assertEquals(0.9, number(in, "level"));
        within(in, "expectedCount", number(cell, "expectedCount"), where);
        within(in, "probability", number(cell, "probabilityAtLeastOne"), where);
        within(in, "expectedLoss", number(cell, "expectedLoss"), where);
        within(in, "expectedAttemptedLoss", number(cell, "expectedAttemptedLoss"), where);
        if (cell.containsKey("score")) {
            within(in, "score", number(cell, "score"), where);
        }
    }

    private static void within(Map<String, Object> interval, String name, double point, String where) {
        double lower = number(interval, name + "Lower");
        double upper = number(interval, name + "Upper");
        assertTrue(
                lower <= point && point <= upper,
                where + ": " + name + " " + point + " outside [" + lower + ", " + upper + "]");
    }

    private static double number(Map<String, ?> m, String key) {
        Object v = m.get(key);
        assertNotNull(v, key + " missing in " + m);
        return ((Number) v).doubleValue();
    }
}
