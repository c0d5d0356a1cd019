package io.sanctionsrisk.risk.scoring;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.testing.SanctionsServiceProcess;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.risk.testing.WithSanctionsService;
import io.sanctionsrisk.testing.Tokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scores and the heatmap on a snapshot of the real sanctions-service's curated data: the risk-service's generated
 * taxonomy agrees with the service's, and every country of it can be scored.
 */
@QuarkusTest
@TestProfile(WithSanctionsService.OnDemand.class)
class CuratedScoresTest {

    private final SnapshotFixtures fixtures;
    private final Taxonomy taxonomy;

    CuratedScoresTest(SnapshotFixtures fixtures, Taxonomy taxonomy) {
        this.fixtures = fixtures;
        this.taxonomy = taxonomy;
    }

    @Test
    void theGeneratedTaxonomyAgreesWithTheSanctionsServiceAndEveryCountryScores() {
        LoadedSnapshot snapshot = fixtures.fromSanctionsService();
        String service = SanctionsServiceProcess.shared().baseUrl();
        List<Map<String, Object>> countries = taxonomyList(service, "countries");
        List<Map<String, Object>> sectors = taxonomyList(service, "sectors");
        List<Map<String, Object>> regions = taxonomyList(service, "regions");
        assertTrue(countries.size() > 240, "ISO 3166-1 has 249 codes: " + countries.size());
        List<Map<String, Object>> batch = new ArrayList<>();
        for (Map<String, Object> country : countries) {
            String code = (String) country.get("alpha2");
            assertEquals(country.get("region"), taxonomy.regionOf(code).orElse(null), code);
            batch.add(Map.of("id", code, "sector", "commercial-bank", "country", code));
        }
        JsonPath scored = given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .body(batch)
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(countries.size(), scored.getInt("count"));
        assertEquals(snapshot.id(), scored.getLong("snapshotId"));
        for (int i = 0; i < countries.size(); i++) {
            assertEquals(countries.get(i).get("region"), scored.getString("results[" + i + "].region"));
        }

        JsonPath heatmap = given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .get("/api/v1/heatmap")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        Map<String, Object> sectorNames = names(sectors, "code");
        List<Map<String, Object>> heatmapSectors = heatmap.getList("sectors");
        assertEquals(sectorNames.size(), heatmapSectors.size());
        for (Map<String, Object> s : heatmapSectors) {
            assertEquals(sectorNames.get(s.get("code")), s.get("name"), s.toString());
        }
        Map<String, Object> regionNames = names(regions, "code");
        for (Map<String, Object> r : heatmap.<Map<String, Object>>getList("regions")) {
            assertEquals(regionNames.get(r.get("code")), r.get("name"), r.toString());
        }
        List<Map<String, Object>> cells = heatmap.getList("cells");
        assertEquals(heatmapSectors.size() * heatmap.getList("regions").size(), cells.size());
        double count = 0;
        for (Map<String, Object> c : cells) {
            count += ((Number) c.get("expectedCount")).doubleValue();
        }
        double total = heatmap.getDouble("total.expectedCount");
        assertEquals(total, count, 1e-12 * total);
        assertTrue(heatmap.getDouble("total.expectedLoss") > 0);
    }

    private static List<Map<String, Object>> taxonomyList(String baseUrl, String list) {
        return given().baseUri(baseUrl)
                .auth()
                .oauth2(Tokens.forUser("viewer"))
                .get("/api/v1/taxonomy/" + list)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private static Map<String, Object> names(List<Map<String, Object>> entries, String key) {
        Map<String, Object> out = new HashMap<>();
        for (Map<String, Object> e : entries) {
            out.put((String) e.get(key), e.get("name"));
        }
        return out;
    }
}
