package io.sanctionsrisk.risk.scenario;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.risk.testing.WithSanctionsService;
import io.sanctionsrisk.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hypothetical sanctions given by their measures only, weighed by the real sanctions-service's rubric levels. */
@QuarkusTest
@TestProfile(WithSanctionsService.OnDemand.class)
class ScenarioMeasuresTest {

    private final SnapshotFixtures fixtures;

    ScenarioMeasuresTest(SnapshotFixtures fixtures) {
        this.fixtures = fixtures;
    }

    private static Map<String, Object> withMeasures(List<String> measures) {
        return Map.of(
                "startDate",
                "2026-01-01",
                "paths",
                200,
                "seed",
                7,
                "addSanctions",
                List.of(Map.of("date", "2026-02-01", "measures", measures)));
    }

    @Test
    void derivesTheSeverityOfMeasuresFromTheSanctionsServicesRubric() {
        fixtures.fromSanctionsService();
        // levels 3, 4 and 4, three financial measures: 4 + 1
        given().auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType(ContentType.JSON)
                .body(withMeasures(List.of("asset-freeze", "banking-restriction", "bulk-cash-ban")))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(201)
                .body("inputs.addSanctions[0].severity", equalTo(5))
                .body("inputs.addSanctions[0].weight", equalTo(5.0f));
        // a designation of cyber actors alone: level 2
        given().auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType(ContentType.JSON)
                .body(withMeasures(List.of("cyber-actor-designation")))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(201)
                .body("inputs.addSanctions[0].severity", equalTo(2));
    }

    @Test
    void rejectsAnUnknownMeasureWith422NamingIt() {
        fixtures.fromSanctionsService();
        given().auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType(ContentType.JSON)
                .body(withMeasures(List.of("asset-freeze", "stern-letter")))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://sanctionsrisk.io/problems/invalid-scenario"))
                .body("errors.field", hasItem("addSanctions[0].measures[1]"));
    }
}
