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
