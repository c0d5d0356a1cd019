package io.sanctionsrisk.risk.scenario;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.testing.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scenario workbench's reads beside a saved result: the expected-rate curves and the PDF summary. */
@QuarkusTest
class ScenarioReportsTest {

    private static final String SCENARIOS = "/api/v1/scenarios";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnapshotFixtures fixtures;

    ScenarioReportsTest(SnapshotFixtures fixtures) {
        this.fixtures = fixtures;
    }

    /** A severity-5 package on 1 Feb 2025, SIM-D lifted, over 2025. */
    private static JsonNode create() throws IOException {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "workbench package 2025");
        body.put("startDate", "2025-01-01");
        body.put("horizonDays", 365);
        body.put("paths", 1000);
        body.put("seed", 7);
        body.put(
                "addSanctions",
                List.of(Map.of(
                        "key",
                        "HYP-WB",
                        "date",
                        "2025-02-01",
                        "authority",
                        "UNSC",
                        "measures",
                        List.of("asset-freeze"),
                        "severity",
                        5)));
        body.put("removeSanctions", List.of("SIM-D"));
        return JSON.readTree(given().auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType(ContentType.JSON)
                .body(body)
                .post(SCENARIOS)
                .then()
                .statusCode(201)
                .extract()
                .asString());
    }

    @Test
    void theIntensityCurvesAddUpToTheAnalyticCountsAndMarkTheChangedSanctions() throws IOException {
        fixtures.simulated();
        JsonNode scenario = create();
        long id = scenario.get("id").asLong();
        JsonNode curve = JSON.readTree(given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .get(SCENARIOS + "/" + id + "/intensity")
                .then()
                .statusCode(200)
                .body("scenarioId", equalTo((int) id))
                .body("from", equalTo("2025-01-01"))
                .body("to", equalTo("2025-12-31"))
                .body("stepDays", equalTo(2))
                .body("added[0].key", equalTo("HYP-WB"))
                .body("added[0].date", equalTo("2025-02-01"))
                .body("added[0].weight", equalTo(5.0f))
                .body("removed[0].key", equalTo("SIM-D"))
                .extract()
                .asString());
        JsonNode analytic = scenario.at("/result/analytic");
        double baseline = 0;
        double hypothetical = 0;
        int days = 0;
        for (JsonNode point : curve.get("points")) {
            baseline += point.get("baseline").asDouble() * point.get("days").asInt();
            hypothetical += point.get("scenario").asDouble() * point.get("days").asInt();
            days += point.get("days").asInt();
        }
        assertEquals(365, days, "the steps cover the horizon once");
        assertEquals(183, curve.get("points").size());
        // the curves are the mean equation at the fitted parameters (the analytic mean over the draws is another
        // number)
        double b = analytic.path("fittedBaselineExpectedCount").isNumber()
                ? analytic.get("fittedBaselineExpectedCount").asDouble()
                : analytic.get("baselineExpectedCount").asDouble();
        double s = analytic.path("fittedScenarioExpectedCount").isNumber()
                ? analytic.get("fittedScenarioExpectedCount").asDouble()
                : analytic.get("scenarioExpectedCount").asDouble();
        assertEquals(b, curve.get("baselineExpectedCount").asDouble(), 1e-9 * b);
        assertEquals(s, curve.get("scenarioExpectedCount").asDouble(), 1e-9 * s);
        assertEquals(b, baseline, 1e-9 * b);
        assertEquals(s, hypothetical, 1e-9 * s);

        // before 1 Feb only the lifted SIM-D separates the worlds; a month after it the new package lifts the rate
        double before = difference(curve, LocalDate.parse("2025-01-01"));
        double after = difference(curve, LocalDate.parse("2025-03-01"));
        assertTrue(before <= 0, "before the package, scenario - baseline = " + before);
        assertTrue(after > 0 && after > before, "after the package, scenario - baseline = " + after);
    }

    private static double difference(JsonNode curve, LocalDate date) {
        for (JsonNode point : curve.get("points")) {
            LocalDate from = LocalDate.parse(point.get("date").asText());
            if (!date.isBefore(from)
                    && date.isBefore(from.plusDays(point.get("days").asInt()))) {
                return point.get("scenario").asDouble() - point.get("baseline").asDouble();
            }
        }
        throw new AssertionError(date + " is not on the curve");
    }

    @Test
    void thePdfSummaryNamesTheInputsTheTotalsWithIntervalsAndTheReruns() throws Exception {
        fixtures.simulated();
        JsonNode scenario = create();
        long id = scenario.get("id").asLong();
        String first = pdfText(summary(id));
        assertTrue(first.contains("Scenario " + id + ": workbench package 2025"), first);
        assertTrue(first.contains("HYP-WB"), first);
        assertTrue(first.contains("SIM-D"), first);
        assertTrue(first.contains("1000 paths, seed 7"), first);
        assertTrue(first.contains(scenario.get("resultDigest").asText()), first);
        assertTrue(first.contains("Totals over the horizon"), first);
        assertTrue(
                first.contains(ScenarioSummaryPdf.number(
                        scenario.at("/result/total/delta/count/mean").asDouble())),
                first);
        assertTrue(first.contains("Not re-run yet."), first);

        given().auth()
                .oauth2(Tokens.forUser("policy"))
                .post(SCENARIOS + "/" + id + "/runs")
                .then()
                .statusCode(200)
                .body("identical", equalTo(true));
        String second = pdfText(summary(id));
        assertTrue(second.contains("Re-runs (1)"), second);
        assertTrue(second.replaceAll("\\s+", " ").contains(" yes "), second);
    }

    @Test
    void unknownScenariosAre404AndAnotherTypeIs406() {
        given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .accept("application/pdf")
                .get(SCENARIOS + "/987654321/summary")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .get(SCENARIOS + "/987654321/intensity")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .accept("application/json")
                .get(SCENARIOS + "/1/summary")
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
        given().get(SCENARIOS + "/1/summary").then().statusCode(401);
    }

    private static byte[] summary(long id) {
        return given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .accept("application/pdf")
                .get(SCENARIOS + "/" + id + "/summary")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
    }

    private static String pdfText(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("scenario-summary", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", "-layout", file.toString(), "-")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pdftotext finished");
            assertEquals(0, process.exitValue(), "pdftotext: " + text);
            return text;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
