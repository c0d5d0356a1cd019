package io.sanctionsrisk.risk.backtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.sanctionsrisk.risk.audit.AuditTrail;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BacktestResourceTest {

    private static final String BACKTESTS = "/api/v1/backtests";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Five yearly origins from 2020 in the simulated snapshot's window 2015..2024. */
    private static final Map<String, Object> YEARLY = Map.of(
            "firstOrigin", "2020-01-01", "stepDays", 365, "windowDays", 365, "kernelShape", 2, "intervalPaths", 500);

    private final SnapshotFixtures fixtures;
    private final BacktestRepository backtests;
    private final AuditTrail audit;

    BacktestResourceTest(SnapshotFixtures fixtures, BacktestRepository backtests, AuditTrail audit) {
        this.fixtures = fixtures;
        this.backtests = backtests;
        this.audit = audit;
    }

    private static ValidatableResponse post(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(BACKTESTS)
                .then();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void runsStoresAndServesADeterministicBacktest() {
        LoadedSnapshot snapshot = fixtures.simulated();
        JsonNode first = json(post(Tokens.forUser("policy"), YEARLY)
                .statusCode(201)
                .body("snapshotId", equalTo((int) snapshot.id()))
                .body("owner.client", equalTo("dashboard"))
                .body("inputs.windowDays", equalTo(365))
                .body("result.origins.size()", equalTo(5))
                .body("result.origins[0].origin", equalTo("2020-01-01"))
                .body("result.origins[0].windowEnd", equalTo("2020-12-30"))
                .body("result.origins[0].fitted.kernelShape", equalTo(2))
                .body(
                        "result.scores.model",
                        equalTo(List.of("sanctions-excited-hawkes", "hawkes-without-sanctions", "homogeneous-poisson")))
                .body("result.method", notNullValue())
                .body("result.anyHitTimeBudget", equalTo(false))
                .extract()
                .asString());
        int observed = 0;
        for (JsonNode origin : first.at("/result/origins")) {
            observed += origin.get("observed").asInt();
            for (JsonNode f : origin.get("forecasts")) {
                assertTrue(f.get("lower90").asInt() <= f.get("upper90").asInt(), f.toString());
                assertTrue(f.get("expected").asDouble() > 0, f.toString());
            }
        }
        assertEquals(observed, first.at("/result/events").asInt());
        for (JsonNode score : first.at("/result/scores")) {
            double coverage = score.get("coverage90").asDouble();
            assertTrue(coverage >= 0 && coverage <= 1, score.toString());
        }

        JsonNode second = json(
                post(Tokens.forUser("admin"), YEARLY).statusCode(201).extract().asString());
        assertEquals(first.get("result").toString(), second.get("result").toString(), "deterministic");
        assertEquals(first.get("resultDigest"), second.get("resultDigest"));

        long id = first.get("id").asLong();
        String got = given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .get(BACKTESTS + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(first.get("result"), json(got).get("result"));
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .queryParam("size", "50")
                .get(BACKTESTS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) id))
                .body("items[0].result", nullValue());
        boolean audited = QuarkusTransaction.requiringNew().call(() -> audit.latest(500)).stream()
                .anyMatch(r -> "backtest".equals(r.getAction())
                        && String.valueOf(id).equals(r.getResourceId())
                        && r.getItemCount() == 5
                        && first.get("inputsDigest").asText().equals(r.getInputsDigest()));
        assertTrue(audited, "a backtest audit row with the inputs digest");
    }

    @Test
    void scoresTheServedCellsWithoutLookAheadAndPairsTheModels() {
        LoadedSnapshot snapshot = fixtures.simulatedAttributedLate(400);
        try {
            Map<String, Object> request = new java.util.HashMap<>(Map.of(
                    "firstOrigin", "2020-01-01",
                    "stepDays", 182,
                    "windowDays", 365,
                    "kernelShape", 2,
                    "intervalPaths", 200,
                    "cells", true));
            JsonNode known = json(post(Tokens.forUser("policy"), request)
                    .statusCode(201)
                    .body("inputs.cells", equalTo(true))
                    .body("inputs.knownFromAttribution", equalTo(true))
                    .body("inputs.groupSectors", equalTo(List.of("central-bank", "commercial-bank")))
                    .body("result.cells.served", equalTo("sanctions-excited-hawkes+adaptive-marks"))
                    .body("result.cells.lagWindows", equalTo(2.0f)) // a 365-day window overlaps the next two
                    .body("result.cells.method", notNullValue())
                    .extract()
                    .asString());
            request.put("knownFromAttribution", false);
            JsonNode lookAhead = json(post(Tokens.forUser("policy"), request)
                    .statusCode(201)
                    .extract()
                    .asString());

            JsonNode windows = known.at("/result/cells/windows");
            assertEquals(known.at("/result/origins").size(), windows.size(), "the same origins as the totals");
            assertTrue(windows.size() >= 8);
            java.time.LocalDate start = snapshot.dataset().windowStart();
            int fewer = 0;
            for (int i = 0; i < windows.size(); i++) {
                JsonNode w = windows.get(i);
                double origin = java.time.temporal.ChronoUnit.DAYS.between(
                        start, java.time.LocalDate.parse(w.get("origin").asText()));
                long byAttribution = snapshot.dataset().events().stream()
                        .filter(e -> e.time() <= origin && e.knownFrom(start) <= origin)
                        .count();
                long byDate = snapshot.dataset().events().stream()
                        .filter(e -> e.time() <= origin)
                        .count();
                assertEquals(byAttribution, w.get("trainingHeists").asLong(), "no look-ahead: " + w.get("origin"));
                JsonNode v = lookAhead.at("/result/cells/windows").get(i);
                assertEquals(byDate, v.get("trainingHeists").asLong());
                assertEquals(w.get("observed"), v.get("observed"), "every heist in the window is scored");
                fewer += byAttribution < byDate ? 1 : 0;
                assertEquals(6, w.get("scores").size());
                for (JsonNode score : w.get("scores")) {
                    double pit = score.get("totalPit").asDouble();
                    assertTrue(pit >= 0 && pit <= 1, score.toString());
                    assertTrue(score.get("cellBrier").asDouble() >= 0, score.toString());
                    assertTrue(score.get("cellLogScore").asDouble() <= 0, score.toString());
                }
            }
            assertTrue(fewer > 0, "late attributions are unknown at some origin");
            List<String> against = new java.util.ArrayList<>();
            for (JsonNode d : known.at("/result/cells/differences")) {
                against.add(d.get("metric").asText() + " " + d.get("model").asText() + " vs "
                        + d.get("against").asText());
                assertEquals(windows.size(), d.get("windows").asInt());
                assertTrue(d.get("standardErrorOfTotal").asDouble() >= 0, d.toString());
                assertEquals(
                        d.get("meanDifference").asDouble() * windows.size(),
                        d.get("totalDifference").asDouble(),
                        1e-9);
            }
            for (String metric : List.of("CELL_LOG_SCORE", "CELL_BRIER", "TOTAL_RPS")) {
                for (String baseline : List.of("homogeneous-poisson", "hawkes-without-sanctions")) {
                    assertTrue(against.contains(
                            metric + " sanctions-excited-hawkes+adaptive-marks vs " + baseline + "+adaptive-marks"));
                }
            }
            assertTrue(against.contains("CELL_LOG_SCORE sanctions-excited-hawkes+adaptive-marks vs"
                    + " sanctions-excited-hawkes+static-marks"));
            JsonNode served = known.at("/result/cells/totals/0");
            assertEquals(
                    "sanctions-excited-hawkes+adaptive-marks",
                    served.get("model").asText());
            double sum = 0;
            for (JsonNode w : windows) {
                sum += w.get("scores").get(0).get("cellLogScore").asDouble();
            }
            assertEquals(sum, served.get("cellLogScore").asDouble(), 1e-9);

            // stored and read back with the cell part
            given().auth()
                    .oauth2(Tokens.forUser("viewer"))
                    .get(BACKTESTS + "/" + known.get("id").asLong())
                    .then()
                    .statusCode(200)
                    .body("result.cells.windows.size()", equalTo(windows.size()));
        } finally {
            fixtures.simulated();
        }
    }

    @Test
    void theCellBacktestRejectsBadInputNamingTheField() {
        fixtures.simulated();
        long before = count();
        String policy = Tokens.forUser("policy");
        invalid(
                policy,
                Map.of("cells", true, "groupSectors", List.of("central-bank", "no-such-sector")),
                "groupSectors[1]");
        invalid(policy, Map.of("cells", true, "knownFutureSanctions", true), "knownFutureSanctions");
        invalid(policy, Map.of("knownFromAttribution", false), "knownFromAttribution");
        invalid(policy, Map.of("groupSectors", List.of("central-bank")), "groupSectors");
        post(policy, Map.of("cells", "yes"))
                .statusCode(400)
                .body("type", equalTo("https://sanctionsrisk.io/problems/malformed-body"))
                .body("errors[0].field", equalTo("cells"));
        assertEquals(before, count(), "nothing stored on error");
    }

    @Test
    void checksTheRolesAndTheToken() {
        fixtures.simulated();
        given().contentType(ContentType.JSON)
                .body(YEARLY)
                .post(BACKTESTS)
                .then()
                .statusCode(401);
        given().get(BACKTESTS).then().statusCode(401);
        for (String user : List.of("viewer", "analyst", "steward")) {
            post(Tokens.forUser(user), YEARLY)
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/forbidden"));
            given().auth().oauth2(Tokens.forUser(user)).get(BACKTESTS).then().statusCode(200);
        }
        post(Tokens.forClient("bank-risk-engine"), YEARLY).statusCode(403);
    }

    @Test
    void rejectsBadInputNamingTheFieldAndStoresNothing() {
        fixtures.simulated();
        long before = count();
        String policy = Tokens.forUser("policy");
        invalid(policy, Map.of("firstOrigin", "2014-06-01"), "firstOrigin");
        invalid(policy, Map.of("firstOrigin", "2024-06-01"), "firstOrigin");
        invalid(policy, Map.of("windowDays", 0), "windowDays");
        invalid(policy, Map.of("windowDays", 4000), "windowDays");
        invalid(policy, Map.of("stepDays", 0), "stepDays");
        invalid(policy, Map.of("kernelShape", 5), "kernelShape");
        invalid(policy, Map.of("intervalPaths", 10), "intervalPaths");
        post(policy, Map.of("firstOrigin", "2016-01-01", "stepDays", 7))
                .statusCode(413)
                .body("type", equalTo("https://sanctionsrisk.io/problems/payload-too-large"))
                .body("errors[0].field", equalTo("stepDays"));
        post(policy, Map.of("intervalPaths", 1_000_000))
                .statusCode(413)
                .body("errors[0].field", equalTo("intervalPaths"));
        post(policy, Map.of("windowDays", "long"))
                .statusCode(400)
                .body("type", equalTo("https://sanctionsrisk.io/problems/malformed-body"))
                .body("errors[0].field", equalTo("windowDays"));
        post(policy, Map.of("origins", 3)).statusCode(400).body("errors[0].field", equalTo("origins"));
        long after = count();
        assertEquals(before, after, "nothing stored on error");
        given().auth().oauth2(policy).get(BACKTESTS + "/987654321").then().statusCode(404);
    }

    @Test
    void answers503WithoutASnapshot() {
        fixtures.deleteAll();
        try {
            post(Tokens.forUser("policy"), YEARLY)
                    .statusCode(503)
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://sanctionsrisk.io/problems/no-snapshot"));
        } finally {
            fixtures.simulated();
        }
    }

    private static void invalid(String token, Map<String, Object> body, String field) {
        post(token, body)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sanctionsrisk.io/problems/invalid-backtest"))
                .body("errors.field", hasItem(field));
    }

    private long count() {
        Long n = QuarkusTransaction.requiringNew().call(() -> backtests.count());
        return n;
    }
}
