package io.sanctionsrisk.risk.scenario;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.ServedModel;
import io.sanctionsrisk.risk.snapshot.ServedModels;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.testing.Tokens;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scenario paths under posterior draws: the delta's interval with parameter uncertainty is reported apart from the
 * Monte Carlo error, contains the simulated mean, and the numbers depend on the seed alone, not the thread count.
 */
@QuarkusTest
class ScenarioUncertaintyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnapshotFixtures fixtures;
    private final ServedModels served;

    ScenarioUncertaintyTest(SnapshotFixtures fixtures, ServedModels served) {
        this.fixtures = fixtures;
        this.served = served;
    }

    private static ScenarioInputs inputs(long seed) {
        return new ScenarioInputs(
                "draws",
                LocalDate.of(2025, 1, 1),
                365,
                3000,
                seed,
                false,
                ScenarioService.REALISED,
                List.of(new ScenarioInputs.Sanction("HYP-1", LocalDate.of(2025, 2, 1), "UNSC", List.of(), 5, 5.0)),
                List.of(),
                null,
                null);
    }

    @Test
    void aScenarioIsTheSameOnOneThreadAsOnTwoAndChangesWithTheSeed() {
        LoadedSnapshot snapshot = fixtures.simulated();
        ServedModel model = served.of(snapshot);
        assertTrue(model.hasParameterDraws());
        assertEquals(200, model.cadenceDraws().size());
        assertEquals(model, served.of(snapshot), "built once per snapshot");
        ScenarioResult one = ScenarioSimulation.compute(model, inputs(7), 1);
        ScenarioResult two = ScenarioSimulation.compute(model, inputs(7), 2);
        assertEquals(one, two);
        ScenarioResult other = ScenarioSimulation.compute(model, inputs(8), 2);
        assertNotEquals(
                one.total().delta().count().mean(),
                other.total().delta().count().mean());
        // the parameter interval comes from the draws' mean equation: it does not move with the path seed
        assertEquals(one.uncertainty().deltaCount(), other.uncertainty().deltaCount());
    }

    @Test
    void theDeltasParameterIntervalIsReportedApartFromTheMonteCarloErrorAndContainsTheMean() throws Exception {
        fixtures.simulated();
        String body = given().auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "startDate",
                        "2025-01-01",
                        "paths",
                        4000,
                        "seed",
                        11,
                        "addSanctions",
                        List.of(Map.of("date", "2025-02-01", "severity", 5))))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        JsonNode result = JSON.readTree(body).get("result");
        JsonNode u = result.get("uncertainty");
        assertNotNull(u, body);
        assertEquals(0.9, u.get("level").asDouble());
        assertEquals(200, u.get("draws").asInt());
        assertTrue(u.get("parameterUncertainty").asBoolean());
        double mean = result.at("/total/delta/count/mean").asDouble();
        double lower = u.at("/deltaCount/lower").asDouble();
        double upper = u.at("/deltaCount/upper").asDouble();
        assertTrue(lower <= mean && mean <= upper, mean + " outside [" + lower + ", " + upper + "]");
        double mc = u.get("deltaCountMonteCarloStandardError").asDouble();
        assertEquals(result.at("/total/delta/count/standardError").asDouble(), mc);
        // parameter uncertainty dwarfs the Monte Carlo error of 4,000 paths
        assertTrue(upper - lower > 4 * 1.96 * mc, "[" + lower + ", " + upper + "] against se " + mc);
        double lossMean = result.at("/total/delta/loss/mean").asDouble();
        assertTrue(u.at("/deltaLoss/lower").asDouble() <= lossMean
                && lossMean <= u.at("/deltaLoss/upper").asDouble());
        for (String world : List.of("baseline", "scenario")) {
            double m = result.at("/total/" + world + "/count/mean").asDouble();
            assertTrue(u.at("/" + world + "Count/lower").asDouble() <= m
                    && m <= u.at("/" + world + "Count/upper").asDouble());
        }
        assertTrue(result.at("/analytic/fittedScenarioExpectedCount").isNumber());
    }
}
