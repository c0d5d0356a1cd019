package io.sanctionsrisk.risk.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.testing.AuditRows;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.testing.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScoreResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NDJSON = "application/x-ndjson";
    private static final String[] SECTORS = {"central-bank", "commercial-bank", "crypto-exchange", "defi-bridge"};
    private static final String[] COUNTRIES = {"JP", "IN", "VN", "KR", "BD", "PH"};
    private static final String[][] EXPOSURES = {
        {},
        {"swiftConnectivity", "direct"},
        {"cryptoCustody", "hot-wallet", "controlMaturity", "basic"},
        {"correspondentExposure", "low", "controlMaturity", "advanced", "swiftConnectivity", "none"},
        {"cryptoCustody", "cold-only"}
    };

    private final SnapshotFixtures fixtures;
    private final AuditRows audit;

    ScoreResourceTest(SnapshotFixtures fixtures, AuditRows audit) {
        this.fixtures = fixtures;
        this.audit = audit;
    }

    @Test
    void runsAgainstTheConfiguredTestDatabase() {
        String expected = System.getenv()
                .getOrDefault("_TEST_QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/risk_test");
        assertEquals(expected.substring(expected.lastIndexOf('/') + 1), audit.databaseName());
    }

    @Test
    void scoresAnInstitutionWithPartsSummingToTheCountAndTheSnapshotVersions() {
        LoadedSnapshot snapshot = fixtures.simulated();
        JsonNode score = read(given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .body(Map.of("id", "bank-1", "sector", "commercial-bank", "country", "in", "horizonDays", 730))
                .post("/api/v1/scores")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .response());
        assertEquals("bank-1", score.get("id").asText());
        assertEquals("IN", score.get("country").asText());
        assertEquals("southern-asia", score.get("region").asText());
        assertEquals(730, score.get("horizonDays").asInt());
        assertEquals("cadence-1", score.get("modelVersion").asText());
        assertEquals(snapshot.row().getDataVersion(), score.get("dataVersion").asLong());
        assertEquals(snapshot.id(), score.get("snapshotId").asLong());
        double m = score.get("expectedCount").asDouble();
        assertTrue(m > 0);
        assertEquals(-Math.expm1(-m), score.get("probabilityAtLeastOne").asDouble(), 1e-15);
        double sum = 0;
        List<String> parts = new ArrayList<>();
        for (JsonNode c : score.get("contributions")) {
            sum += c.get("expectedCount").asDouble();
            parts.add(c.get("part").asText());
        }
        assertEquals(List.of("baseline", "sanctions", "self-excitation"), parts);
        assertEquals(m, sum, 1e-14 * m);
        assertEquals(1.0, score.get("exposureMultiplier").asDouble());
        assertTrue(score.get("expectedLoss").get("attempted").asDouble() > 0);
        assertTrue(score.get("expectedLoss").get("realised").asDouble() > 0);
        double s = score.get("score").asDouble();
        assertTrue(s >= 0 && s <= 100);
        assertTrue(List.of("low", "moderate", "high", "severe")
                .contains(score.get("band").asText()));
        JsonNode interval = score.get("interval");
        assertEquals(0.9, interval.get("level").asDouble());
        assertTrue(interval.get("expectedCountLower").asDouble() <= m);
        assertTrue(interval.get("expectedCountUpper").asDouble() >= m);
        assertEquals(
                java.time.LocalDate.parse(score.get("from").asText())
                        .plusDays(730)
                        .toString(),
                score.get("to").asText());
    }

    @Test
    void appliesTheConfiguredExposureMultipliersAndListsThem() {
        fixtures.simulated();
        JsonNode plain = score("analyst", request(null, "crypto-exchange", "KR", null, new String[0]));
        JsonNode exposed = score("analyst", request(null, "crypto-exchange", "KR", null, new String[] {
            "cryptoCustody", "hot-wallet", "controlMaturity", "basic"
        }));
        assertEquals(1.6 * 1.5, exposed.get("exposureMultiplier").asDouble(), 1e-12);
        assertEquals(
                2.4 * plain.get("expectedCount").asDouble(),
                exposed.get("expectedCount").asDouble(),
                1e-12);
        JsonNode contributions = exposed.get("contributions");
        assertEquals(5, contributions.size());
        assertEquals("cryptoCustody", contributions.get(3).get("factor").asText());
        assertEquals("hot-wallet", contributions.get(3).get("level").asText());
        assertEquals(1.6, contributions.get(3).get("multiplier").asDouble());
        assertEquals("controlMaturity", contributions.get(4).get("factor").asText());
        assertTrue(exposed.get("score").asDouble() > plain.get("score").asDouble());
    }

    @Test
    void recordsEveryScoreAndBatchInTheAuditTrail() {
        LoadedSnapshot snapshot = fixtures.simulated();
        long before = audit.maxId();
        score("analyst", request("a-1", "central-bank", "JP", 365, new String[0]));
        given().auth()
                .oauth2(Tokens.forClient("bank-risk-engine"))
                .contentType(ContentType.JSON)
                .body(List.of(
                        request("b-1", "central-bank", "JP", 365, new String[0]),
                        request("b-2", "defi-bridge", "VN", 90, new String[0])))
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(200);
        List<Map<String, Object>> rows = audit.after(before);
        assertEquals(2, rows.size(), rows.toString());
        Map<String, Object> single = rows.get(0);
        assertEquals("score", single.get("action"));
        assertEquals(1, ((Number) single.get("item_count")).intValue());
        assertEquals("dashboard", single.get("client_id"));
        assertNotNull(single.get("subject"));
        assertEquals(64, single.get("inputs_digest").toString().length());
        assertEquals("cadence-1", single.get("model_version"));
        assertEquals(snapshot.row().getDataVersion(), ((Number) single.get("data_version")).longValue());
        assertEquals(snapshot.id(), ((Number) single.get("snapshot_id")).longValue());
        Map<String, Object> batch = rows.get(1);
        assertEquals("score-batch", batch.get("action"));
        assertEquals(2, ((Number) batch.get("item_count")).intValue());
        assertEquals("bank-risk-engine", batch.get("client_id"));
        assertEquals(snapshot.id(), ((Number) batch.get("snapshot_id")).longValue());
    }

    @Test
    void theSameInputsSentAsJsonOrNdjsonHaveTheSameDigest() {
        fixtures.simulated();
        List<Map<String, Object>> items = portfolio(7);
        long before = audit.maxId();
        given().auth()
                .oauth2(Tokens.forUser("admin"))
                .contentType(ContentType.JSON)
                .body(items)
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.forUser("admin"))
                .contentType(NDJSON)
                .body(bytes(ndjson(items)))
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(200);
        List<Map<String, Object>> rows = audit.after(before);
        assertEquals(2, rows.size());
        assertEquals(rows.get(0).get("inputs_digest"), rows.get(1).get("inputs_digest"));
    }

    @Test
    void batchesInJsonAndNdjsonEqualTheSingleScores() throws Exception {
        fixtures.simulated();
        List<Map<String, Object>> items = portfolio(40);
        List<JsonNode> singles = new ArrayList<>();
        for (Map<String, Object> item : items) {
            singles.add(score("analyst", item));
        }
        JsonNode json = read(given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .body(items)
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .response());
        assertEquals(items.size(), json.get("count").asInt());
        assertEquals(singles.get(0).get("snapshotId"), json.get("snapshotId"));
        assertEquals(singles.get(0).get("dataVersion"), json.get("dataVersion"));
        assertEquals("cadence-1", json.get("modelVersion").asText());
        for (int i = 0; i < items.size(); i++) {
            assertEquals(singles.get(i), json.get("results").get(i), "item " + i);
        }
        String body = given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(NDJSON)
                .body(bytes(ndjson(items).replace("\n", "\n\n")))
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(200)
                .contentType(startsWith(NDJSON))
                .extract()
                .asString();
        String[] lines = body.split("\n");
        assertEquals(items.size(), lines.length);
        for (int i = 0; i < items.size(); i++) {
            assertEquals(singles.get(i), JSON.readTree(lines[i]), "line " + (i + 1));
        }
        // JSON in, NDJSON out on request
        String mixed = given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .accept(NDJSON)
                .body(items)
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(body, mixed);
    }

    @Test
    void documentsScoresBatchesAndTheHeatmapWithExamples() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/scores'.post.requestBody.content.'application/json'.examples.bank",
                        org.hamcrest.Matchers.notNullValue())
                .body(
                        "paths.'/api/v1/scores/batch'.post.requestBody.content.'application/x-ndjson'.examples.portfolio",
                        org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/scores/batch'.post.responses.'413'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/scores/batch'.post.responses.'422'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/heatmap'.get.parameters.name", org.hamcrest.Matchers.hasItem("horizonDays"));
    }

    @Test
    void onlyRiskAnalystsAndAdminsScoreAndNoTokenIs401() {
        fixtures.simulated();
        Map<String, Object> item = request(null, "central-bank", "JP", null, new String[0]);
        for (String user : List.of("viewer", "policy", "steward")) {
            long before = audit.count();
            given().auth()
                    .oauth2(Tokens.forUser(user))
                    .contentType(ContentType.JSON)
                    .body(item)
                    .post("/api/v1/scores")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/forbidden"));
            given().auth()
                    .oauth2(Tokens.forUser(user))
                    .contentType(ContentType.JSON)
                    .body(List.of(item))
                    .post("/api/v1/scores/batch")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            assertEquals(before, audit.count(), user);
        }
        for (String client : List.of("steward-sync", "risk-service")) {
            given().auth()
                    .oauth2(Tokens.forClient(client))
                    .contentType(ContentType.JSON)
                    .body(item)
                    .post("/api/v1/scores")
                    .then()
                    .statusCode(403);
        }
        for (String user : List.of("analyst", "admin")) {
            score(user, item);
        }
        given().auth()
                .oauth2(Tokens.forClient("bank-risk-engine"))
                .contentType(ContentType.JSON)
                .body(item)
                .post("/api/v1/scores")
                .then()
                .statusCode(200);
        for (String path : List.of("/api/v1/scores", "/api/v1/scores/batch")) {
            given().contentType(ContentType.JSON)
                    .body(path.endsWith("batch") ? List.of(item) : item)
                    .post(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
        }
    }

    @Test
    void rejectsBadInstitutionsWith422NamingTheFieldAndRecordsNothing() {
        fixtures.simulated();
        Map<String, Map<String, Object>> cases = Map.of(
                "sector", Map.of("sector", "pawn-shop", "country", "JP"),
                "country", Map.of("sector", "central-bank", "country", "XX"),
                "country ", Map.of("sector", "central-bank", "country", "BR"),
                "horizonDays", Map.of("sector", "central-bank", "country", "JP", "horizonDays", 3651),
                "horizonDays ", Map.of("sector", "central-bank", "country", "JP", "horizonDays", 0),
                "exposure.cryptoCustody",
                        Map.of("sector", "central-bank", "country", "JP", "exposure", Map.of("cryptoCustody", "warm")),
                "sector  ", Map.of("country", "JP"),
                // upper-cased by String.toUpperCase the dotless i would make this "IN", India
                "country  ", Map.of("sector", "central-bank", "country", "\u0131n"));
        long before = audit.count();
        for (Map.Entry<String, Map<String, Object>> c : cases.entrySet()) {
            given().auth()
                    .oauth2(Tokens.forUser("analyst"))
                    .contentType(ContentType.JSON)
                    .body(c.getValue())
                    .post("/api/v1/scores")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/invalid-institution"))
                    .body("errors[0].field", equalTo(c.getKey().trim()));
        }
        assertEquals(before, audit.count());
    }

    @Test
    void rejectsUnreadableBodiesWith400NamingTheField() {
        fixtures.simulated();
        Map<String, String> cases = Map.of(
                "colour", "{\"sector\": \"central-bank\", \"country\": \"JP\", \"colour\": \"red\"}",
                "horizonDays", "{\"sector\": \"central-bank\", \"country\": \"JP\", \"horizonDays\": \"365\"}",
                "exposure", "{\"sector\": \"central-bank\", \"country\": \"JP\", \"exposure\": \"high\"}",
                "exposure.swiftConnectivity",
                        "{\"sector\": \"central-bank\", \"country\": \"JP\", \"exposure\": {\"swiftConnectivity\": [3]}}");
        long before = audit.count();
        for (Map.Entry<String, String> c : cases.entrySet()) {
            given().auth()
                    .oauth2(Tokens.forUser("analyst"))
                    .contentType(ContentType.JSON)
                    .body(c.getValue())
                    .post("/api/v1/scores")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c.getKey()));
        }
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .body("{\"sector\": ")
                .post("/api/v1/scores")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertEquals(before, audit.count());
    }

    @Test
    void rejectsFieldsGivenTwiceAndUnreadableJsonWith400SayingWhyAndRecordsNothing() {
        fixtures.simulated();
        long before = audit.count();
        String twice = "{\"sector\": \"central-bank\", \"sector\": \"crypto-exchange\", \"country\": \"JP\"}";
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .body(twice)
                .post("/api/v1/scores")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sanctionsrisk.io/problems/malformed-body"))
                .body("detail", containsString("duplicate field 'sector'"));
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .body("[" + twice + "]")
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("[0]"))
                .body("detail", containsString("duplicate field 'sector'"));
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(NDJSON)
                .body(bytes(twice + "\n"))
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(400)
                .body("line", equalTo(1))
                .body("detail", containsString("duplicate field 'sector'"));
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .body("{\"sector\": ")
                .post("/api/v1/scores")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://sanctionsrisk.io/problems/malformed-body"))
                .body("detail", containsString("not valid JSON"));
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .body("{\"sector\": \"central-bank\", \"country\": \"JP\", \"horizonDays\": 99999999999999999999}")
                .post("/api/v1/scores")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://sanctionsrisk.io/problems/malformed-body"))
                .body("detail", containsString("out of range"));
        assertEquals(before, audit.count());
    }

    @Test
    void rejectsABatchWithAnUnknownCodeWith422NamingTheItemAndScoresNothing() {
        fixtures.simulated();
        List<Map<String, Object>> items = portfolio(5);
        items.set(3, request("bad", "central-bank", "ZZ", null, new String[0]));
        long before = audit.count();
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .body(items)
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("[3].country"))
                .body("index", equalTo(3));
        items.set(3, request("bad", "bakery", "JP", null, new String[0]));
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(NDJSON)
                .body(bytes(ndjson(items).replace("\n", "\n\n")))
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("line 7: [3].sector"))
                .body("line", equalTo(7))
                .body("index", equalTo(3));
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .body(List.of())
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(422);
        assertEquals(before, audit.count());
    }

    @Test
    void rejectsMalformedBatchesWith400NamingTheItemOrLine() {
        fixtures.simulated();
        long before = audit.count();
        String good = "{\"sector\": \"central-bank\", \"country\": \"JP\"}";
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(NDJSON)
                .body(bytes(good + "\n" + good + "\n{\"sector\": \"central-bank\", \n" + good + "\n"))
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sanctionsrisk.io/problems/malformed-body"))
                .body("line", equalTo(3))
                .body("detail", startsWith("line 3"));
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(NDJSON)
                .body(bytes(good + "\n{\"sector\": \"central-bank\", \"country\": \"JP\", \"horizonDays\": 1.5}\n"))
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(400)
                .body("line", equalTo(2))
                .body("errors[0].field", equalTo("horizonDays"));
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .body("[" + good + ", {\"sector\": \"central-bank\", \"country\": \"JP\", \"size\": 3}]")
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("[1].size"));
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .body(good)
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .body("[" + good + ", " + good)
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertEquals(before, audit.count());
    }

    @Test
    void answersTheBatchInTheTypeTheAcceptHeaderRanksFirstAnd406WhenItRefusesBoth() {
        fixtures.simulated();
        String good = "{\"sector\": \"central-bank\", \"country\": \"JP\"}\n";
        Map<String, String> answers = Map.of(
                "application/x-ndjson;q=0, application/json", "application/json",
                "application/json;q=0.5, application/x-ndjson", NDJSON,
                "application/json;q=0, */*;q=0.1", NDJSON,
                "application/x-ndjson, application/json", NDJSON,
                "*/*", NDJSON);
        for (Map.Entry<String, String> a : answers.entrySet()) {
            given().auth()
                    .oauth2(Tokens.forUser("analyst"))
                    .contentType(NDJSON)
                    .header("Accept", a.getKey())
                    .body(bytes(good))
                    .post("/api/v1/scores/batch")
                    .then()
                    .statusCode(200)
                    .contentType(startsWith(a.getValue()));
        }
        long before = audit.count();
        for (String refused : List.of("application/json;q=0", "application/json;q=0, application/x-ndjson;q=0")) {
            given().auth()
                    .oauth2(Tokens.forUser("analyst"))
                    .contentType(NDJSON)
                    .header("Accept", refused)
                    .body(bytes(good))
                    .post("/api/v1/scores/batch")
                    .then()
                    .statusCode(406)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/not-acceptable"));
        }
        assertEquals(before, audit.count());
    }

    @Test
    void rejectsAnNdjsonBatchThatIsNotUtf8With400AndRecordsNothing() {
        fixtures.simulated();
        long before = audit.count();
        byte[] good = bytes("{\"id\": \"a\", \"sector\": \"central-bank\", \"country\": \"JP\"}\n");
        byte[] bad = {
            '{',
            '"',
            'i',
            'd',
            '"',
            ':',
            '"',
            (byte) 0xff,
            '"',
            ',',
            '"',
            's',
            'e',
            'c',
            't',
            'o',
            'r',
            '"',
            ':',
            '"',
            'c',
            'e',
            'n',
            't',
            'r',
            'a',
            'l',
            '-',
            'b',
            'a',
            'n',
            'k',
            '"',
            ',',
            '"',
            'c',
            'o',
            'u',
            'n',
            't',
            'r',
            'y',
            '"',
            ':',
            '"',
            'J',
            'P',
            '"',
            '}',
            '\n'
        };
        byte[] body = new byte[good.length + bad.length];
        System.arraycopy(good, 0, body, 0, good.length);
        System.arraycopy(bad, 0, body, good.length, bad.length);
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(NDJSON)
                .body(body)
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sanctionsrisk.io/problems/malformed-body"))
                .body("errors[0].field", equalTo("body"))
                .body("detail", containsString("UTF-8"));
        assertEquals(before, audit.count());
    }

    @Test
    void rejectsMoreInstitutionsThanTheLimitWith413() {
        fixtures.simulated();
        long before = audit.count();
        String item = "{\"sector\":\"central-bank\",\"country\":\"JP\"}";
        StringBuilder json = new StringBuilder("[");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i <= 100_000; i++) {
            json.append(i == 0 ? "" : ",").append(item);
            lines.append(item).append('\n');
        }
        json.append(']');
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(ContentType.JSON)
                .body(json.toString())
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sanctionsrisk.io/problems/payload-too-large"))
                .body("maxItems", equalTo(100_000));
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .contentType(NDJSON)
                .body(bytes(lines.toString()))
                .post("/api/v1/scores/batch")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        assertEquals(before, audit.count());
    }

    @Test
    void scoresAFullBatchOf100000InstitutionsAsAStream() throws Exception {
        fixtures.simulated();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            lines.append("{\"id\":\"")
                    .append(i)
                    .append("\",\"sector\":\"")
                    .append(SECTORS[i % SECTORS.length])
                    .append("\",\"country\":\"")
                    .append(COUNTRIES[i % COUNTRIES.length])
                    .append("\"}\n");
        }
        String token = Tokens.forUser("analyst");
        // a streaming client: the answer is read line by line, never held whole
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + io.restassured.RestAssured.port + "/api/v1/scores/batch"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", NDJSON)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes(lines.toString())))
                .build();
        // three rounds: the first runs on a cold JIT, the later ones show the warm cost
        for (int round = 1; round <= 3; round++) {
            long started = System.nanoTime();
            java.net.http.HttpResponse<java.util.stream.Stream<String>> response =
                    client.send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            long headersMillis = (System.nanoTime() - started) / 1_000_000;
            long[] count = {0};
            String[] last = {null};
            response.body().forEach(line -> {
                count[0]++;
                last[0] = line;
            });
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(100_000, count[0]);
            JsonNode tail = JSON.readTree(last[0]);
            assertEquals("99999", tail.get("id").asText());
            assertEquals(
                    COUNTRIES[99_999 % COUNTRIES.length], tail.get("country").asText());
            System.out.println("# 100,000-institution NDJSON batch end to end in-process, round " + round
                    + ": headers after " + headersMillis + " ms, last line after " + millis + " ms");
        }
    }

    private JsonNode score(String user, Map<String, Object> item) {
        return read(given().auth()
                .oauth2(Tokens.forUser(user))
                .contentType(ContentType.JSON)
                .body(item)
                .post("/api/v1/scores")
                .then()
                .statusCode(200)
                .extract()
                .response());
    }

    private static JsonNode read(Response response) {
        try {
            return JSON.readTree(response.asString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, Object> request(String id, String sector, String country, Integer horizon, String[] exposure) {
        Map<String, Object> item = new java.util.LinkedHashMap<>();
        if (id != null) {
            item.put("id", id);
        }
        item.put("sector", sector);
        item.put("country", country);
        if (horizon != null) {
            item.put("horizonDays", horizon);
        }
        if (exposure.length > 0) {
            Map<String, String> e = new java.util.LinkedHashMap<>();
            for (int i = 0; i < exposure.length; i += 2) {
                e.put(exposure[i], exposure[i + 1]);
            }
            item.put("exposure", e);
        }
        return item;
    }

    /** A varied portfolio: every sector, several regions, horizons and exposure profiles. */
    static List<Map<String, Object>> portfolio(int size) {
        List<Map<String, Object>> items = new ArrayList<>();
        int[] horizons = {365, 30, 1, 3650, 730};
        for (int i = 0; i < size; i++) {
            items.add(request(
                    i % 3 == 0 ? null : "inst-" + i,
                    SECTORS[i % SECTORS.length],
                    COUNTRIES[(i / 2) % COUNTRIES.length],
                    i % 4 == 0 ? null : horizons[i % horizons.length],
                    EXPOSURES[i % EXPOSURES.length]));
        }
        return items;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String ndjson(List<Map<String, Object>> items) {
        StringBuilder out = new StringBuilder();
        try {
            for (Map<String, Object> item : items) {
                out.append(JSON.writeValueAsString(item)).append('\n');
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }
}
