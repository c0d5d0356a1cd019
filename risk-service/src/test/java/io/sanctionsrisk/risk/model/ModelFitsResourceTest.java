package io.sanctionsrisk.risk.model;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.simulation.ClusterSimulator;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModelFitsResourceTest {

    private static final String FITS = "/api/v1/model/fits";
    private static final String INVALID = "https://sanctionsrisk.io/problems/invalid-dataset";
    private static final String MALFORMED = "https://sanctionsrisk.io/problems/malformed-body";

    /** Simulation truth: baseline, sanctions response (shape 2, mean lag 100 days), self-excitation. */
    private static final CadenceParameters TRUTH = new CadenceParameters(0.02, 3.0, 0.4, 0.1, 0.02, 2);

    private static final List<Sanction> SANCTIONS =
            List.of(new Sanction(-200, 5), new Sanction(1500, 3), new Sanction(4000, 4), new Sanction(7000, 5));

    private final SnapshotFixtures fixtures;

    ModelFitsResourceTest(SnapshotFixtures fixtures) {
        this.fixtures = fixtures;
    }

    @Test
    void fitsSimulatedDataAndRecoversTheParametersWithinTheirErrors() {
        double T = 10_000;
        double[] events = ClusterSimulator.simulate(TRUTH, SANCTIONS, T, 7L);
        JsonPath fit = post(Tokens.forUser("policy"), body(T, events, SANCTIONS, 2, null))
                .statusCode(200)
                .body("parameters.kernelShape", equalTo(2))
                .body("eventCount", equalTo(events.length))
                .body("sanctionCount", equalTo(4))
                .body("hitTimeBudget", equalTo(false))
                .body("fitMillis", greaterThanOrEqualTo(0))
                .body("diagnostics.kernelShapeChosenByAic", equalTo(false))
                .body(
                        "diagnostics.comparisons.model",
                        hasItems("homogeneous-poisson", "hawkes-without-sanctions", "sanctions-excited-hawkes"))
                .body("modelVersion", equalTo("cadence-1"))
                .extract()
                .jsonPath()
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

        Map<String, Double> truth = Map.of(
                "mu", TRUTH.mu(),
                "kappa", TRUTH.kappa(),
                "alpha", TRUTH.alpha(),
                "beta", TRUTH.beta(),
                "delta", TRUTH.delta());
        List<Map<String, Object>> estimates = fit.getList("estimates");
        assertEquals(5, estimates.size());
        for (Map<String, Object> e : estimates) {
            String name = (String) e.get("name");
            double estimate = ((Number) e.get("estimate")).doubleValue();
            double se = ((Number) e.get("standardError")).doubleValue();
            assertTrue(
                    Math.abs(estimate - truth.get(name)) <= 3 * se,
                    name + " = " + estimate + " +- " + se + " should be within 3 errors of " + truth.get(name));
        }
        assertEquals(fit.getDouble("logLikelihood"), fit.getDouble("diagnostics.logLikelihood"));
        double fullAic = fit.getDouble("diagnostics.aic");
        for (Map<String, Object> c : fit.<Map<String, Object>>getList("diagnostics.comparisons")) {
            if (!"sanctions-excited-hawkes".equals(c.get("model"))) {
                assertTrue(((Number) c.get("aic")).doubleValue() > fullAic, "the full model wins on AIC: " + c);
            }
        }
    }

    @Test
    void sameDataGiveTheSameEstimates() {
        double[] events = ClusterSimulator.simulate(TRUTH, SANCTIONS, 5_000, 11L);
        Map<String, Object> request = body(5_000, events, SANCTIONS, null, null);
        String first = post(Tokens.forUser("admin"), request)
                .statusCode(200)
                .extract()
                .path("parameters")
                .toString();
        String second = post(Tokens.forUser("policy"), request)
                .statusCode(200)
                .extract()
                .path("parameters")
                .toString();
        assertEquals(first, second);
    }

    @Test
    void aFitNeverTouchesTheServingSnapshot() {
        LoadedSnapshot serving = fixtures.simulated();
        post(Tokens.forUser("policy"), body(1_000, new double[] {10, 20, 30, 400}, List.of(), 1, null))
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .get("/api/v1/model")
                .then()
                .statusCode(200)
                .body("snapshotId", equalTo((int) serving.id()))
                .body("inputDigest", equalTo(serving.row().getInputDigest()));
    }

    @Test
    void acceptsDatesAndSpreadsSameDayEvents() {
        Map<String, Object> request = Map.of(
                "windowStart",
                "2015-01-01",
                "windowEnd",
                "2019-12-31",
                "eventDates",
                List.of("2016-02-04", "2016-02-04", "2017-10-03", "2018-01-09", "2018-05-24"),
                "sanctions",
                List.of(Map.of("date", "2016-03-02", "weight", 5), Map.of("time", -300, "weight", 4)));
        post(Tokens.forUser("policy"), request)
                .statusCode(200)
                .body("eventCount", equalTo(5))
                .body("window.lengthDays", equalTo(1826.0f))
                .body("window.start", equalTo("2015-01-01"))
                .body("diagnostics.kernelShapeChosenByAic", equalTo(true));
    }

    @Test
    void acceptsOneMillionEventsAndSaysWhenItHitsTheTimeBudget() {
        int n = 1_000_000;
        double T = 1_000_000;
        double[] events = new double[n];
        for (int i = 0; i < n; i++) {
            events[i] = (i + 0.5) * T / n;
        }
        post(Tokens.forUser("policy"), body(T, events, SANCTIONS, 1, 1L))
                .statusCode(200)
                .body("eventCount", equalTo(n))
                .body("timeBudgetMillis", equalTo(1))
                .body("hitTimeBudget", equalTo(true))
                .body("parameters.mu", notNullValue());
    }

    @Test
    void rejectsAMissingTokenWith401AndTheWrongRoleWith403() {
        Map<String, Object> request = body(100, new double[] {1, 2, 3}, List.of(), 1, null);
        given().contentType(ContentType.JSON)
                .body(request)
                .post(FITS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth()
                .oauth2("not-a-token")
                .contentType(ContentType.JSON)
                .body(request)
                .post(FITS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        for (String user : List.of("viewer", "analyst", "steward")) {
            post(Tokens.forUser(user), request)
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/forbidden"));
        }
        for (String client : List.of("bank-risk-engine", "steward-sync", "risk-service")) {
            post(Tokens.forClient(client), request).statusCode(403);
        }
    }

    @Test
    void rejectsNoEventsWith422() {
        invalid(body(100, new double[0], List.of(), null, null), "events");
        invalid(Map.of("windowDays", 100), "events");
    }

    @Test
    void rejectsEventsOutsideTheWindowWith422NamingThem() {
        invalid(body(100, new double[] {1, 150, -2}, List.of(), null, null), "events[1]")
                .body("errors.field", hasItems("events[1]", "events[2]"))
                .body("errorCount", equalTo(2));
        invalid(
                Map.of(
                        "windowStart", "2015-01-01",
                        "windowEnd", "2015-12-31",
                        "eventDates", List.of("2015-06-01", "2016-01-01")),
                "eventDates[1]");
    }

    @Test
    void rejectsNonFiniteNumbers() {
        // 1e999 parses as infinity: a finite-number rule, 422
        given().auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType(ContentType.JSON)
                .body("{\"windowDays\": 100, \"events\": [1.0, 1e999]}")
                .post(FITS)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(INVALID))
                .body("errors[0].field", equalTo("events[1]"));
        // a bare NaN is not JSON: a malformed body, 400
        raw("{\"windowDays\": 100, \"events\": [1.0, NaN]}", 400, MALFORMED);
        // the strings "NaN" and "Infinity" read as numbers, then fail the finite-number rule: 422 naming the field
        raw("{\"windowDays\": 100, \"events\": [1.0, \"NaN\"]}", 422, INVALID)
                .body("errors[0].field", equalTo("events[1]"));
        raw("{\"windowDays\": \"Infinity\", \"events\": [1.0]}", 422, INVALID)
                .body("errors[0].field", equalTo("windowDays"));
        given().auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType(ContentType.JSON)
                .body("{\"windowDays\": 100, \"events\": [1.0], \"sanctions\": [{\"time\": 1e999, \"weight\": 1}]}")
                .post(FITS)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("sanctions[0].time"));
    }

    @Test
    void rejectsAnUnknownKernelShape() {
        invalid(body(100, new double[] {1, 2}, List.of(), 4, null), "kernelShape")
                .body("detail", containsString("unknown kernel shape 4"));
        raw("{\"windowDays\": 100, \"events\": [1.0], \"kernelShape\": \"gamma\"}", 400, MALFORMED)
                .body("errors[0].field", equalTo("kernelShape"));
    }

    @Test
    void rejectsAZeroLengthWindow() {
        invalid(body(0, new double[] {0}, List.of(), null, null), "windowDays");
        invalid(
                Map.of("windowStart", "2016-01-02", "windowEnd", "2016-01-01", "eventDates", List.of("2016-01-01")),
                "windowEnd");
    }

    @Test
    void rejectsBadSanctionsAndBudgets() {
        invalid(
                Map.of(
                        "windowDays",
                        100,
                        "events",
                        List.of(1.0),
                        "sanctions",
                        List.of(Map.of("time", 1, "weight", -1), Map.of("weight", 2))),
                "sanctions[0].weight");
        invalid(body(100, new double[] {1}, List.of(), null, 0L), "timeBudgetMillis");
        invalid(body(100, new double[] {1}, List.of(), null, 10_000_000L), "timeBudgetMillis");
    }

    @Test
    void rejectsMoreEventsThanTheLimitWith413() {
        StringBuilder json = new StringBuilder("{\"windowDays\": 10, \"events\": [");
        int n = 2_000_001;
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append('1');
        }
        json.append("]}");
        raw(json.toString(), 413, "https://sanctionsrisk.io/problems/payload-too-large")
                .body("detail", containsString("2000001 events exceed the limit of 2000000"));
    }

    @Test
    void rejectsABodyOverTheSizeLimitWith413Problem() {
        // the test profile's limit is 16 MB (64 MB in production)
        int n = 9_000_000;
        StringBuilder json = new StringBuilder(2 * n + 40).append("{\"windowDays\": 10, \"events\": [");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append('1');
        }
        json.append("]}");
        raw(json.toString(), 413, "https://sanctionsrisk.io/problems/payload-too-large")
                .body("detail", containsString("at most 16777216"));
    }

    @Test
    void rejectsMalformedJsonUnknownFieldsAndWrongMediaTypes() {
        raw("{\"windowDays\": 100, \"events\": [1.0,", 400, MALFORMED);
        raw("", 400, MALFORMED);
        raw("[1, 2, 3]", 400, MALFORMED);
        raw("{\"windowDays\": 100, \"events\": [1.0], \"colour\": \"red\"}", 400, MALFORMED)
                .body("detail", containsString("colour"));
        given().auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType(ContentType.TEXT)
                .body("windowDays=100")
                .post(FITS)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void neverAnswersA500ToBadInput() {
        for (String body : List.of(
                "{}",
                "null",
                "{\"events\": null, \"windowDays\": null}",
                "{\"windowDays\": 5, \"events\": [1], \"sanctions\": [null]}",
                "{\"windowDays\": 5, \"eventDates\": [\"2016-01-01\"]}",
                "{\"windowStart\": \"2016-01-01\", \"eventDates\": [\"2016-01-01\"]}",
                "{\"windowStart\": \"2016-13-01\", \"windowEnd\": \"2016-01-01\", \"eventDates\": []}",
                "{\"windowDays\": 5, \"events\": [1], \"eventDates\": [\"2016-01-01\"]}",
                "{\"windowDays\": 1e308, \"events\": [1e307]}",
                "{\"windowDays\": 5, \"events\": [[1]]}")) {
            given().auth()
                    .oauth2(Tokens.forUser("policy"))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post(FITS)
                    .then()
                    .statusCode(lessThan(500))
                    .contentType(containsString("json"));
        }
    }

    private static Map<String, Object> body(
            double windowDays, double[] events, List<Sanction> sanctions, Integer shape, Long budgetMillis) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("windowDays", windowDays);
        body.put("events", events);
        body.put(
                "sanctions",
                sanctions.stream()
                        .map(s -> Map.of("time", s.time(), "weight", s.weight()))
                        .toList());
        if (shape != null) {
            body.put("kernelShape", shape);
        }
        if (budgetMillis != null) {
            body.put("timeBudgetMillis", budgetMillis);
        }
        return body;
    }

    private static ValidatableResponse post(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(FITS)
                .then();
    }

    private static ValidatableResponse invalid(Object body, String field) {
        return post(Tokens.forUser("policy"), body)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(INVALID))
                .body("status", equalTo(422))
                .body("errors.field", hasItems(field));
    }

    private static ValidatableResponse raw(String json, int status, String type) {
        return given().auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType(ContentType.JSON)
                .body(json)
                .post(FITS)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(type));
    }
}
