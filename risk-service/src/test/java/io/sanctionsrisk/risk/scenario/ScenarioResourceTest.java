package io.sanctionsrisk.risk.scenario;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
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
import io.sanctionsrisk.risk.audit.AuditRecord;
import io.sanctionsrisk.risk.audit.AuditTrail;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.testing.Tokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScenarioResourceTest {

    private static final String SCENARIOS = "/api/v1/scenarios";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnapshotFixtures fixtures;
    private final ScenarioRepository scenarios;
    private final AuditTrail audit;

    ScenarioResourceTest(SnapshotFixtures fixtures, ScenarioRepository scenarios, AuditTrail audit) {
        this.fixtures = fixtures;
        this.scenarios = scenarios;
        this.audit = audit;
    }

    /** A new package on 1 Feb 2025 and SIM-D lifted, over 2025, 2000 paths, seed 42. */
    private static Map<String, Object> newPackage() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "new package in 2025");
        body.put("startDate", "2025-01-01");
        body.put("horizonDays", 365);
        body.put("paths", 2000);
        body.put("seed", 42);
        body.put(
                "addSanctions",
                List.of(Map.of(
                        "date",
                        "2025-02-01",
                        "authority",
                        "UNSC",
                        "measures",
                        List.of("asset-freeze", "banking-restriction"),
                        "severity",
                        5)));
        body.put("removeSanctions", List.of("SIM-D"));
        return body;
    }

    private static ValidatableResponse post(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(SCENARIOS)
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
    void runsSavesListsAndGetsAScenarioWithItsOwnerSeedAndVersions() {
        LoadedSnapshot snapshot = fixtures.simulated();
        String created = post(Tokens.forUser("policy"), newPackage())
                .statusCode(201)
                .header("Location", containsString(SCENARIOS + "/"))
                .body("owner.subject", notNullValue())
                .body("owner.client", equalTo("dashboard"))
                .body("inputs.seed", equalTo(42))
                .body("inputs.seedGenerated", equalTo(false))
                .body("inputs.addSanctions[0].key", equalTo("HYP-1"))
                .body("inputs.addSanctions[0].weight", equalTo(5.0f))
                .body("snapshotId", equalTo((int) snapshot.id()))
                .body("versions.model", equalTo("cadence-1"))
                .body("versions.data", equalTo((int) snapshot.row().getDataVersion()))
                .body("inputsDigest.length()", equalTo(64))
                .body("result.start", equalTo("2025-01-01"))
                .body("result.end", equalTo("2025-12-31"))
                .body("result.simulatedFrom", equalTo("2025-01-01"))
                .body("result.paths", equalTo(2000))
                .body("result.total.baseline.count.mean", greaterThan(0f))
                .body("result.total.baseline.loss.mean", greaterThan(0f))
                .body("result.lossExceedance.size()", greaterThan(3))
                .body("result.cellCount", equalTo(16))
                .body("result.cells.size()", greaterThan(0))
                .extract()
                .asString();
        JsonNode scenario = json(created);
        long id = scenario.get("id").asLong();
        JsonNode total = scenario.at("/result/total");
        // the added package of weight 5 outweighs the lifted SIM-D (weight 4, mostly spent by 2025)
        assertTrue(total.at("/delta/count/mean").asDouble() > 0, total.toString());
        assertEquals(
                total.at("/scenario/count/mean").asDouble()
                        - total.at("/baseline/count/mean").asDouble(),
                total.at("/delta/count/mean").asDouble(),
                1e-9);
        double analytic = scenario.at("/result/analytic/scenarioExpectedCount").asDouble();
        double mean = total.at("/scenario/count/mean").asDouble();
        double se = total.at("/scenario/count/standardError").asDouble();
        assertEquals(analytic, mean, 4 * se, "simulated against the mean equation");

        String got = given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .get(SCENARIOS + "/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .extract()
                .asString();
        assertEquals(scenario.get("result"), json(got).get("result"));
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .queryParam("size", "100")
                .get(SCENARIOS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) id))
                .body("items[0].result", nullValue())
                .body("total", greaterThan(0));

        AuditRecord record = audited(String.valueOf(id), "scenario");
        assertEquals(scenario.get("inputsDigest").asText(), record.getInputsDigest());
        assertEquals(2000, record.getItemCount());
        assertEquals(snapshot.id(), record.getSnapshotId());
        assertEquals(scenario.at("/owner/subject").asText(), record.getSubject());
    }

    @Test
    void aRerunReproducesTheSavedResultBitForBitAndIsAudited() {
        fixtures.simulated();
        JsonNode scenario = json(post(Tokens.forUser("admin"), newPackage())
                .statusCode(201)
                .extract()
                .asString());
        long id = scenario.get("id").asLong();
        String rerun = given().auth()
                .oauth2(Tokens.forUser("policy"))
                .post(SCENARIOS + "/" + id + "/runs")
                .then()
                .statusCode(200)
                .body("scenarioId", equalTo((int) id))
                .body("identical", equalTo(true))
                .body("resultDigest", equalTo(scenario.get("resultDigest").asText()))
                .extract()
                .asString();
        assertEquals(
                scenario.get("result").toString(), json(rerun).get("result").toString());
        audited(String.valueOf(id), "scenario-rerun");
        given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .get(SCENARIOS + "/" + id)
                .then()
                .statusCode(200)
                .body("reruns", equalTo(1));
    }

    @Test
    void aScenarioWithoutChangesEqualsItsBaselineAndAGeneratedSeedIsReturned() {
        fixtures.simulated();
        JsonNode scenario = json(post(Tokens.forUser("policy"), Map.of("startDate", "2025-06-01", "paths", 500))
                .statusCode(201)
                .body("inputs.seedGenerated", equalTo(true))
                .body("inputs.horizonDays", equalTo(365))
                .extract()
                .asString());
        assertTrue(scenario.at("/inputs/seed").canConvertToLong());
        JsonNode total = scenario.at("/result/total");
        assertEquals(total.get("baseline"), total.get("scenario"));
        assertEquals(0.0, total.at("/delta/count/mean").asDouble());
        assertEquals(0.0, total.at("/delta/loss/q95").asDouble());
        for (JsonNode cell : scenario.at("/result/cells")) {
            assertEquals(cell.get("baseline"), cell.get("scenario"));
        }
        given().auth()
                .oauth2(Tokens.forUser("policy"))
                .post(SCENARIOS + "/" + scenario.get("id").asLong() + "/runs")
                .then()
                .statusCode(200)
                .body("identical", equalTo(true));
    }

    @Test
    void aStartAfterTheDataSimulatesTheGapAndListsOnlyTheFilteredCells() {
        fixtures.simulated();
        Map<String, Object> body = new HashMap<>(newPackage());
        body.put("startDate", "2026-01-01");
        body.put("addSanctions", List.of(Map.of("date", "2026-03-01", "weight", 2.5)));
        body.put("sectors", List.of("central-bank"));
        body.put("regions", List.of("southern-asia", "eastern-asia"));
        post(Tokens.forUser("policy"), body)
                .statusCode(201)
                .body("result.simulatedFrom", equalTo("2025-01-01"))
                .body("result.cells.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("result.cells.sector", org.hamcrest.Matchers.everyItem(equalTo("central-bank")))
                .body(
                        "result.cells.region",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.oneOf("southern-asia", "eastern-asia")))
                .body("result.cells.size()", org.hamcrest.Matchers.lessThanOrEqualTo(2))
                .body("inputs.sectors", equalTo(List.of("central-bank")))
                .body("inputs.regions", equalTo(List.of("eastern-asia", "southern-asia")));
    }

    @Test
    void checksTheRolesAndTheToken() {
        fixtures.simulated();
        given().contentType(ContentType.JSON)
                .body(newPackage())
                .post(SCENARIOS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().get(SCENARIOS).then().statusCode(401);
        for (String user : List.of("viewer", "analyst", "steward")) {
            post(Tokens.forUser(user), newPackage())
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/forbidden"));
        }
        post(Tokens.forClient("bank-risk-engine"), newPackage()).statusCode(403);
        long id = json(post(Tokens.forUser("policy"), Map.of("paths", 100, "startDate", "2025-01-01"))
                        .statusCode(201)
                        .extract()
                        .asString())
                .get("id")
                .asLong();
        for (String user : List.of("viewer", "analyst", "steward")) {
            given().auth()
                    .oauth2(Tokens.forUser(user))
                    .post(SCENARIOS + "/" + id + "/runs")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(Tokens.forUser(user))
                    .get(SCENARIOS + "/" + id)
                    .then()
                    .statusCode(200);
        }
        given().auth()
                .oauth2(Tokens.forClient("bank-risk-engine"))
                .get(SCENARIOS)
                .then()
                .statusCode(200);
    }

    @Test
    void rejectsBadInputNamingTheFieldAndStoresNothing() {
        fixtures.simulated();
        long before = count();
        String policy = Tokens.forUser("policy");

        Map<String, Object> outside = new HashMap<>(newPackage());
        outside.put("addSanctions", List.of(Map.of("date", "2026-02-01", "severity", 3)));
        invalid(policy, outside, "addSanctions[0].date");

        Map<String, Object> unknown = new HashMap<>(newPackage());
        unknown.put("removeSanctions", List.of("SIM-D", "NO-SUCH-KEY"));
        invalid(policy, unknown, "removeSanctions[1]");

        Map<String, Object> noWeight = new HashMap<>(newPackage());
        noWeight.put("addSanctions", List.of(Map.of("date", "2025-03-01", "authority", "UNSC")));
        invalid(policy, noWeight, "addSanctions[0].severity");

        // measures alone need the sanctions-service's rubric levels; it is not reachable in this profile
        Map<String, Object> measuresOnly = new HashMap<>(newPackage());
        measuresOnly.put("addSanctions", List.of(Map.of("date", "2025-03-01", "measures", List.of("asset-freeze"))));
        post(policy, measuresOnly)
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://sanctionsrisk.io/problems/sanctions-service-unavailable"));

        Map<String, Object> badSeverity = new HashMap<>(newPackage());
        badSeverity.put("addSanctions", List.of(Map.of("date", "2025-03-01", "severity", 7)));
        invalid(policy, badSeverity, "addSanctions[0].severity");

        Map<String, Object> clash = new HashMap<>(newPackage());
        clash.put("addSanctions", List.of(Map.of("key", "SIM-A", "date", "2025-03-01", "severity", 2)));
        invalid(policy, clash, "addSanctions[0].key");

        invalid(policy, Map.of("horizonDays", 4000, "startDate", "2025-01-01"), "horizonDays");
        invalid(policy, Map.of("horizonDays", 0, "startDate", "2025-01-01"), "horizonDays");
        invalid(policy, Map.of("paths", 10, "startDate", "2025-01-01"), "paths");
        invalid(policy, Map.of("startDate", "2010-01-01"), "startDate");
        invalid(policy, Map.of("startDate", "2045-01-01"), "startDate");
        // the latest date there is: its default horizon would end after LocalDate.MAX
        invalid(policy, Map.of("startDate", "+999999999-12-31"), "startDate");
        invalid(policy, Map.of("startDate", "+999999999-12-31", "horizonDays", 3650), "startDate");
        invalid(
                policy,
                Map.of(
                        "startDate",
                        "+999999999-12-01",
                        "addSanctions",
                        List.of(Map.of("date", "+999999999-12-02", "severity", 3))),
                "startDate");
        invalid(policy, Map.of("startDate", "-999999999-01-01"), "startDate");
        invalid(policy, Map.of("lossBasis", "imagined", "startDate", "2025-01-01"), "lossBasis");
        invalid(policy, Map.of("sectors", List.of("bakery"), "startDate", "2025-01-01"), "sectors[0]");

        post(policy, Map.of("paths", 200_001))
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sanctionsrisk.io/problems/payload-too-large"))
                .body("errors[0].field", equalTo("paths"));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(Map.of("date", "2025-03-01", "severity", 1));
        }
        post(policy, Map.of("addSanctions", many, "startDate", "2025-01-01"))
                .statusCode(413)
                .body("errors[0].field", equalTo("addSanctions"));

        post(policy, Map.of("paths", "many"))
                .statusCode(400)
                .body("type", equalTo("https://sanctionsrisk.io/problems/malformed-body"))
                .body("errors[0].field", equalTo("paths"));
        post(policy, Map.of("colour", "red")).statusCode(400).body("errors[0].field", equalTo("colour"));
        post(policy, Map.of("startDate", "yesterday")).statusCode(400).body("errors[0].field", equalTo("startDate"));
        given().auth()
                .oauth2(policy)
                .contentType(ContentType.JSON)
                .body("{not json")
                .post(SCENARIOS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        long after = count();
        assertEquals(before, after, "nothing stored on error");

        given().auth()
                .oauth2(policy)
                .get(SCENARIOS + "/987654321")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(policy).post(SCENARIOS + "/987654321/runs").then().statusCode(404);
        given().auth()
                .oauth2(policy)
                .queryParam("page", "-1")
                .get(SCENARIOS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("page"));
        given().auth()
                .oauth2(policy)
                .queryParam("size", "1000")
                .get(SCENARIOS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void answers503WithoutASnapshotAnd409ForARerunWhoseSnapshotIsGone() {
        fixtures.simulated();
        long id = json(post(Tokens.forUser("policy"), Map.of("paths", 100, "startDate", "2025-01-01"))
                        .statusCode(201)
                        .extract()
                        .asString())
                .get("id")
                .asLong();
        fixtures.deleteAll();
        try {
            post(Tokens.forUser("policy"), Map.of("paths", 100))
                    .statusCode(503)
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://sanctionsrisk.io/problems/no-snapshot"));
            given().auth()
                    .oauth2(Tokens.forUser("policy"))
                    .post(SCENARIOS + "/" + id + "/runs")
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("https://sanctionsrisk.io/problems/snapshot-gone"));
        } finally {
            fixtures.simulated();
        }
    }

    @Test
    void documentsTheScenarioAndBacktestEndpointsWithExamples() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/scenarios'.post.requestBody.content.'application/json'.examples.'new-package'",
                        notNullValue())
                .body("paths.'/api/v1/scenarios'.post.responses.'413'", notNullValue())
                .body("paths.'/api/v1/scenarios'.post.responses.'422'", notNullValue())
                .body("paths.'/api/v1/scenarios/{id}/runs'.post.responses.'409'", notNullValue())
                .body("paths.'/api/v1/scenarios/{id}'.get", notNullValue())
                .body(
                        "paths.'/api/v1/backtests'.post.requestBody.content.'application/json'.examples.yearly",
                        notNullValue())
                .body("paths.'/api/v1/backtests/{id}'.get", notNullValue());
    }

    private static void invalid(String token, Map<String, Object> body, String field) {
        post(token, body)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sanctionsrisk.io/problems/invalid-scenario"))
                .body("errors.field", hasItem(field));
    }

    private AuditRecord audited(String resourceId, String action) {
        return QuarkusTransaction.requiringNew().call(() -> audit.latest(500)).stream()
                .filter(r -> resourceId.equals(r.getResourceId()) && action.equals(r.getAction()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " audit row for " + resourceId));
    }

    private long count() {
        Long n = QuarkusTransaction.requiringNew().call(() -> scenarios.count());
        return n;
    }
}
