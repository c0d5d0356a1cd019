package io.sanctionsrisk.risk.portfolio;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sanctionsrisk.risk.dataset.DatasetEvent;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.refit.RefitService;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.Refits;
import io.sanctionsrisk.risk.testing.AuditRows;
import io.sanctionsrisk.risk.testing.Eventually;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.testing.ForgedTokens;
import io.sanctionsrisk.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Portfolios end to end through the API with real Keycloak tokens: bank-risk-engine (organisation bank-one) and
 * bank-two-risk-engine (bank-two), object-level authorization on every route, uploads in the three formats with bad
 * rows, scores equal to single scores, and the re-scoring that a new snapshot sets off.
 */
@QuarkusTest
class PortfolioResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BANK_ONE = "bank-risk-engine";
    private static final String BANK_TWO = "bank-two-risk-engine";
    private static final String CSV = "text/csv";
    private static final String NDJSON = "application/x-ndjson";
    private static final String[] SECTORS = {"central-bank", "commercial-bank", "crypto-exchange", "defi-bridge"};
    private static final String[] COUNTRIES = {"JP", "IN", "VN", "KR", "BD", "PH"};

    private final SnapshotFixtures fixtures;
    private final RefitService refits;
    private final PortfolioEvents events;
    private final AuditRows audit;

    PortfolioResourceTest(SnapshotFixtures fixtures, RefitService refits, PortfolioEvents events, AuditRows audit) {
        this.fixtures = fixtures;
        this.refits = refits;
        this.events = events;
        this.audit = audit;
    }

    @Test
    void eachBankClientsTokenNamesItsOrganisationAndDemoUsersTheirGroups() throws Exception {
        assertEquals(
                "bank-one",
                ForgedTokens.claims(Tokens.forClient(BANK_ONE))
                        .path("organisation")
                        .asText());
        assertEquals(
                "bank-two",
                ForgedTokens.claims(Tokens.forClient(BANK_TWO))
                        .path("organisation")
                        .asText());
        assertEquals(
                "bank-one",
                ForgedTokens.claims(Tokens.forUser("analyst"))
                        .path("organisation")
                        .asText());
        assertEquals(
                "bank-one",
                ForgedTokens.claims(Tokens.forUser("viewer"))
                        .path("organisation")
                        .asText());
        assertTrue(ForgedTokens.claims(Tokens.forUser("admin"))
                .path("organisation")
                .isMissingNode());
        assertTrue(ForgedTokens.claims(Tokens.forClient(BANK_TWO))
                .path("realm_access")
                .path("roles")
                .toString()
                .contains("risk-analyst"));
    }

    @Test
    void createsAPortfolioFillsItAndScoresEachInstitutionAsASingleScore() throws Exception {
        LoadedSnapshot snapshot = fixtures.simulated();
        Response created = given().auth()
                .oauth2(Tokens.forClient(BANK_ONE))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Asia", "thresholds", List.of(75, 50)))
                .post("/api/v1/portfolios")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/portfolios/"))
                .body("organisation", equalTo("bank-one"))
                .body("institutionCount", equalTo(0))
                .body("thresholds", equalTo(List.of(50.0f, 75.0f)))
                .extract()
                .response();
        String id = created.jsonPath().getString("id");
        assertTrue(created.header("Location").endsWith("/api/v1/portfolios/" + id));

        List<Map<String, Object>> institutions = institutions(12);
        long auditBefore = audit.maxId();
        JsonNode put = read(given().auth()
                .oauth2(Tokens.forClient(BANK_ONE))
                .contentType(ContentType.JSON)
                .body(institutions)
                .put("/api/v1/portfolios/" + id + "/institutions")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertEquals(12, put.get("institutionCount").asInt());
        assertEquals(snapshot.id(), put.path("scoring").path("snapshotId").asLong());
        assertEquals("institutions-replaced", put.path("scoring").path("reason").asText());
        List<Map<String, Object>> audited = audit.after(auditBefore).stream()
                .filter(row -> "portfolio-institutions".equals(row.get("action")))
                .toList();
        assertEquals(1, audited.size());
        assertEquals("bank-risk-engine", audited.get(0).get("client_id"));
        assertEquals(12, ((Number) audited.get(0).get("item_count")).intValue());
        assertEquals(put.get("institutionsDigest").asText(), audited.get(0).get("inputs_digest"));

        JsonNode scores = read(given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .queryParam("size", 5)
                .queryParam("page", 1)
                .get("/api/v1/portfolios/" + id + "/scores")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertEquals(12, scores.get("total").asInt());
        assertEquals(snapshot.id(), scores.get("snapshotId").asLong());
        assertEquals(5, scores.get("items").size());
        for (int i = 0; i < 5; i++) {
            JsonNode item = scores.get("items").get(i);
            Map<String, Object> sent = institutions.get(5 + i);
            assertEquals(sent.get("institutionId"), item.get("institutionId").asText());
            Map<String, Object> single = new HashMap<>(sent);
            single.remove("institutionId");
            JsonNode expected = read(given().auth()
                    .oauth2(Tokens.forClient(BANK_ONE))
                    .contentType(ContentType.JSON)
                    .body(single)
                    .post("/api/v1/scores")
                    .then()
                    .statusCode(200)
                    .extract()
                    .response());
            // the same rule on the same snapshot; the two paths may sum the same terms in another order
            assertEquals(expected.get("score").asDouble(), item.get("score").asDouble(), 1e-9);
            assertEquals(expected.get("band").asText(), item.get("band").asText());
            assertEquals(
                    expected.get("probabilityAtLeastOne").asDouble(),
                    item.get("probability").asDouble(),
                    1e-12);
            assertTrue(item.get("previousScore").isNull());
            assertFalse(item.get("bandChanged").asBoolean());
        }
        // the viewer of the same organisation reads it, and finds it in the list
        given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .get("/api/v1/portfolios")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void anotherOrganisationGetsNotFoundOnEveryRouteAndChangesNothing() throws Exception {
        fixtures.simulated();
        String id = createdPortfolio(BANK_ONE, Map.of());
        fill(BANK_ONE, id, institutions(4));
        JsonNode before = portfolio(BANK_ONE, id);
        String other = Tokens.forClient(BANK_TWO);

        List<Response> answers = new ArrayList<>();
        answers.add(given().auth().oauth2(other).get("/api/v1/portfolios/" + id));
        answers.add(given().auth().oauth2(other).get("/api/v1/portfolios/" + id + "/scores"));
        answers.add(given().auth().oauth2(other).get("/api/v1/portfolios/" + id + "/history"));
        answers.add(given().auth()
                .oauth2(other)
                .contentType(ContentType.JSON)
                .body(institutions(2))
                .put("/api/v1/portfolios/" + id + "/institutions"));
        // a bad upload to another organisation's portfolio is a 404 as well, not a 422 that would confirm it exists
        answers.add(given().auth()
                .oauth2(other)
                .contentType(CSV)
                .body("institutionId,sector,country\nx,nope,ZZ\n".getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/portfolios/" + id + "/institutions"));
        for (Response answer : answers) {
            assertEquals(404, answer.statusCode(), answer.asString());
            assertEquals("application/problem+json", answer.contentType());
            assertEquals(
                    "https://sanctionsrisk.io/problems/not-found",
                    answer.jsonPath().getString("type"));
        }
        // an id that does not exist answers exactly the same
        Response unknown = given().auth().oauth2(other).get("/api/v1/portfolios/" + java.util.UUID.randomUUID());
        assertEquals(404, unknown.statusCode());
        assertEquals(
                answers.get(0).jsonPath().getString("title"), unknown.jsonPath().getString("title"));
        // the list of bank-two does not hold it
        given().auth()
                .oauth2(other)
                .get("/api/v1/portfolios")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        assertEquals(before, portfolio(BANK_ONE, id));

        // and the other way round: bank-two's own portfolio is invisible to bank-one
        String theirs = createdPortfolio(BANK_TWO, Map.of("name", "two"));
        assertEquals(
                200,
                given().auth().oauth2(other).get("/api/v1/portfolios/" + theirs).statusCode());
        for (String path : List.of("", "/scores", "/history")) {
            assertEquals(
                    404,
                    given().auth()
                            .oauth2(Tokens.forClient(BANK_ONE))
                            .get("/api/v1/portfolios/" + theirs + path)
                            .statusCode());
        }
        assertEquals(
                404,
                given().auth()
                        .oauth2(Tokens.forUser("analyst"))
                        .contentType(ContentType.JSON)
                        .body(institutions(1))
                        .put("/api/v1/portfolios/" + theirs + "/institutions")
                        .statusCode());
    }

    @Test
    void aTokenWithoutAnOrganisationOrTheRoleIsRefused() {
        fixtures.simulated();
        String id = createdPortfolio(BANK_ONE, Map.of());
        // admin has every role but belongs to no organisation
        for (Response r : List.of(
                given().auth()
                        .oauth2(Tokens.forUser("admin"))
                        .contentType(ContentType.JSON)
                        .body(Map.of())
                        .post("/api/v1/portfolios"),
                given().auth().oauth2(Tokens.forUser("admin")).get("/api/v1/portfolios"),
                given().auth().oauth2(Tokens.forUser("admin")).get("/api/v1/portfolios/" + id + "/scores"))) {
            assertEquals(403, r.statusCode(), r.asString());
            assertEquals(
                    "https://sanctionsrisk.io/problems/no-organisation",
                    r.jsonPath().getString("type"));
        }
        // the viewer reads but does not write; the steward has no portfolio role
        given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/portfolios")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://sanctionsrisk.io/problems/forbidden"));
        given().auth()
                .oauth2(Tokens.forUser("steward"))
                .get("/api/v1/portfolios/" + id)
                .then()
                .statusCode(403);
        given().get("/api/v1/portfolios/" + id).then().statusCode(401);
    }

    @Test
    void badRowsInAnyFormatAre422ListingEveryRowAndChangeNothing() throws Exception {
        fixtures.simulated();
        String id = createdPortfolio(BANK_ONE, Map.of());
        fill(BANK_ONE, id, institutions(3));
        JsonNode before = portfolio(BANK_ONE, id);
        JsonNode scoresBefore = scores(BANK_ONE, id);
        String token = Tokens.forClient(BANK_ONE);

        String csv = "institutionId,sector,country,horizonDays,swiftConnectivity\n"
                + "a,commercial-bank,BD,365,direct\n"
                + "b,commercial-bank,ZZ,365,\n" // line 3: unknown country
                + "a,central-bank,JP,,\n" // line 4: repeated id
                + "c,central-bank,JP,soon,\n" // line 5: horizon not a number
                + "d,central-bank,JP,90,sometimes\n" // line 6: unknown level
                + "e,central-bank\n"; // line 7: too few cells
        Response r = given().auth()
                .oauth2(token)
                .contentType(CSV)
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/portfolios/" + id + "/institutions");
        assertEquals(422, r.statusCode(), r.asString());
        assertEquals(
                "https://sanctionsrisk.io/problems/invalid-institution",
                r.jsonPath().getString("type"));
        assertEquals(List.of(3, 4, 5, 6, 7), r.jsonPath().getList("lines"));
        Set<String> fields = new TreeSet<>(r.jsonPath().getList("errors.field"));
        assertTrue(fields.contains("line 3: [1].country"), fields.toString());
        assertTrue(fields.contains("line 4: [2].institutionId"), fields.toString());
        assertTrue(fields.contains("line 5: [3].horizonDays"), fields.toString());
        assertTrue(fields.contains("line 6: [4].exposure.swiftConnectivity"), fields.toString());
        assertTrue(fields.contains("line 7: [5]"), fields.toString());

        String ndjson = "{\"institutionId\": \"a\", \"sector\": \"commercial-bank\", \"country\": \"BD\"}\n\n"
                + "{\"institutionId\": \"b\", \"sector\": \"commercial-bank\", \"country\": \"BD\", \"colour\": 1}\n"
                + "not json\n"
                + "{\"institutionId\": \"c\", \"sector\": \"submarine\", \"country\": \"BD\"}\n";
        r = given().auth()
                .oauth2(token)
                .contentType(NDJSON)
                .body(ndjson.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/portfolios/" + id + "/institutions");
        assertEquals(422, r.statusCode(), r.asString());
        assertEquals(List.of(3, 4, 5), r.jsonPath().getList("lines"));

        String json = "[{\"institutionId\": \"a\", \"sector\": \"commercial-bank\", \"country\": \"BD\"},"
                + " {\"institutionId\": \"b\", \"sector\": \"commercial-bank\", \"country\": \"BD\", \"horizonDays\":"
                + " \"x\"}, 7, {\"sector\": \"commercial-bank\", \"country\": \"BD\"},"
                + " {\"institutionId\": \"e\", \"sector\": \"commercial-bank\", \"country\": \"BD\", \"horizonDays\":"
                + " 99999}]";
        r = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(json)
                .put("/api/v1/portfolios/" + id + "/institutions");
        assertEquals(422, r.statusCode(), r.asString());
        assertEquals(List.of(1, 2, 3, 4), r.jsonPath().getList("rows"));
        assertEquals(4, r.jsonPath().getInt("errorCount"));

        // a header naming an unknown column, an empty upload, a body that is not an array
        r = given().auth()
                .oauth2(token)
                .contentType(CSV)
                .body("institutionId,sector,country,colour\n".getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/portfolios/" + id + "/institutions");
        assertEquals(422, r.statusCode(), r.asString());
        assertEquals(List.of(1), r.jsonPath().getList("lines"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("[]")
                .put("/api/v1/portfolios/" + id + "/institutions")
                .then()
                .statusCode(422);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"institutionId\": \"a\"}")
                .put("/api/v1/portfolios/" + id + "/institutions")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://sanctionsrisk.io/problems/malformed-body"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("thresholds", List.of(0, 120)))
                .post("/api/v1/portfolios")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://sanctionsrisk.io/problems/invalid-portfolio"))
                .body("errors.field", equalTo(List.of("thresholds[0]", "thresholds[1]")));

        assertEquals(before, portfolio(BANK_ONE, id));
        assertEquals(scoresBefore, scores(BANK_ONE, id));
    }

    @Test
    void csvAndNdjsonUploadsStoreTheSameInstitutionsAsJson() throws Exception {
        fixtures.simulated();
        String id = createdPortfolio(BANK_ONE, Map.of());
        String csv = "\"institutionId\",sector,country,cryptoCustody,horizonDays\r\n"
                + "\"bank, \"\"north\"\"\",commercial-bank,bd,hot-wallet,\r\n"
                + "\r\n"
                + "x-2,crypto-exchange,KR,,730\r\n";
        JsonNode fromCsv = read(given().auth()
                .oauth2(Tokens.forClient(BANK_ONE))
                .contentType(CSV)
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/portfolios/" + id + "/institutions")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertEquals(2, fromCsv.get("institutionCount").asInt());
        JsonNode items = scores(BANK_ONE, id).get("items");
        assertEquals("bank, \"north\"", items.get(0).get("institutionId").asText());

        String ndjson = "{\"institutionId\": \"bank, \\\"north\\\"\", \"sector\": \"commercial-bank\", \"country\":"
                + " \"bd\", \"exposure\": {\"cryptoCustody\": \"hot-wallet\"}}\n"
                + "{\"institutionId\": \"x-2\", \"sector\": \"crypto-exchange\", \"country\": \"KR\", \"horizonDays\":"
                + " 730}\n";
        JsonNode fromNdjson = read(given().auth()
                .oauth2(Tokens.forClient(BANK_ONE))
                .contentType(NDJSON)
                .body(ndjson.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/portfolios/" + id + "/institutions")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertEquals(fromCsv.get("institutionsDigest"), fromNdjson.get("institutionsDigest"));
        assertEquals(items, scores(BANK_ONE, id).get("items"));
    }

    @Test
    void aNewSnapshotRescoresEveryPortfolioAndAnnouncesTheChanges() throws Exception {
        LoadedSnapshot first = fixtures.simulated();
        String id = createdPortfolio(BANK_ONE, Map.of("thresholds", List.of(25, 50, 75)));
        fill(BANK_ONE, id, institutions(40));
        JsonNode before = scores(BANK_ONE, id, 100);
        assertEquals(first.id(), before.get("snapshotId").asLong());
        int servedBefore = events.servedAsync().size();

        Refits.Result second = refits.fitAndStore(shiftedDataset(), "request", "portfolio-test", 60_000);
        assertEquals(Refits.Outcome.CREATED, second.outcome());
        long secondId = second.snapshot().id();
        // announced once to synchronous and once to asynchronous observers, naming the snapshot it replaced
        assertTrue(events.servedSync().stream()
                .anyMatch(e ->
                        e.snapshotId() == secondId && Long.valueOf(first.id()).equals(e.previousSnapshotId())));
        Eventually.await(
                "the asynchronous announcement",
                Duration.ofSeconds(20),
                () -> events.servedAsync().size(),
                n -> n > servedBefore);

        JsonNode after = Eventually.await(
                "the portfolio re-scored on snapshot " + secondId,
                Duration.ofSeconds(60),
                () -> scores(BANK_ONE, id, 100),
                s -> s.path("snapshotId").asLong() == secondId);
        assertEquals(first.id(), after.get("previousSnapshotId").asLong());
        assertEquals(secondId, after.get("servingSnapshotId").asLong());
        int bandChanges = 0;
        int crossings = 0;
        Map<String, JsonNode> old = new HashMap<>();
        before.get("items").forEach(i -> old.put(i.get("institutionId").asText(), i));
        for (JsonNode item : after.get("items")) {
            JsonNode was = old.get(item.get("institutionId").asText());
            assertEquals(was.get("score").asDouble(), item.get("previousScore").asDouble());
            assertEquals(was.get("band").asText(), item.get("previousBand").asText());
            assertEquals(
                    item.get("score").asDouble() - was.get("score").asDouble(),
                    item.get("scoreChange").asDouble(),
                    1e-12);
            boolean changed = !item.get("band").asText().equals(was.get("band").asText());
            assertEquals(changed, item.get("bandChanged").asBoolean());
            bandChanges += changed ? 1 : 0;
            for (double t : new double[] {25, 50, 75}) {
                if ((was.get("score").asDouble() >= t) != (item.get("score").asDouble() >= t)) {
                    crossings++;
                }
            }
        }
        assertTrue(bandChanges > 0, "the shifted data move some institution to another band");
        assertEquals(bandChanges, after.get("bandChanges").asInt());
        int expectedChanges = bandChanges;
        int expectedCrossings = crossings;
        Eventually.await(
                "the band changes announced",
                Duration.ofSeconds(20),
                () -> events.bandChangesAsync().stream()
                        .filter(e -> e.portfolioId().equals(id) && e.snapshotId() == secondId)
                        .count(),
                n -> n == expectedChanges);
        List<io.sanctionsrisk.risk.events.BandChanged> mine = events.bandChanges().stream()
                .filter(e -> e.portfolioId().equals(id) && e.snapshotId() == secondId)
                .toList();
        assertEquals(expectedChanges, mine.size());
        for (io.sanctionsrisk.risk.events.BandChanged e : mine) {
            assertEquals("bank-one", e.organisation());
            assertNotEquals(e.previousBand(), e.band());
        }
        assertEquals(
                expectedCrossings,
                events.crossings().stream()
                        .filter(e -> e.portfolioId().equals(id) && e.snapshotId() == secondId)
                        .count());

        JsonNode history = read(given().auth()
                .oauth2(Tokens.forClient(BANK_ONE))
                .queryParam("institutionId", "inst-3")
                .get("/api/v1/portfolios/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertEquals(2, history.get("total").asInt());
        assertEquals(secondId, history.get("items").get(0).get("snapshotId").asLong());
        assertEquals(
                "snapshot-served", history.get("items").get(0).get("reason").asText());
        assertEquals(
                expectedCrossings,
                history.get("items").get(0).get("thresholdCrossings").asInt());
        assertEquals(
                "institutions-replaced",
                history.get("items").get(1).get("reason").asText());
        assertEquals(
                old.get("inst-3").get("score").asDouble(),
                history.get("items").get(1).get("institution").get("score").asDouble());
        assertNull(history.get("items").get(1).get("previousSnapshotId").numberValue());

        // a repeated announcement changes nothing
        assertEquals(0, refitsRescoreAgain(secondId));
    }

    private int refitsRescoreAgain(long snapshotId) {
        return io.quarkus.arc.Arc.container()
                .instance(PortfolioRescorer.class)
                .get()
                .rescoreAll(snapshotId)
                .rescored();
    }

    /** The simulated data with most heists moved to commercial banks in Southern Asia: other cells' shares fall. */
    static ModelDataset shiftedDataset() {
        ModelDataset d = SnapshotFixtures.simulatedDataset();
        List<DatasetEvent> events = new ArrayList<>();
        for (int i = 0; i < d.events().size(); i++) {
            DatasetEvent e = d.events().get(i);
            events.add(
                    i % 5 == 0
                            ? e
                            : new DatasetEvent(
                                    e.key(),
                                    e.date(),
                                    e.datePrecision(),
                                    e.time(),
                                    "commercial-bank",
                                    "southern-asia",
                                    e.country(),
                                    e.actor(),
                                    e.attributionConfidence(),
                                    e.attemptedUsd(),
                                    e.realisedUsd(),
                                    e.attributedOn()));
        }
        return new ModelDataset(
                d.windowStart(),
                d.windowEnd(),
                d.lengthDays(),
                d.dataVersion() + 1,
                d.dataLastModified(),
                events,
                d.sanctions(),
                d.excluded(),
                d.sectors(),
                d.regions());
    }

    static List<Map<String, Object>> institutions(int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> m = new HashMap<>();
            m.put("institutionId", "inst-" + i);
            m.put("sector", SECTORS[i % SECTORS.length]);
            m.put("country", COUNTRIES[(i / 2) % COUNTRIES.length]);
            if (i % 3 == 1) {
                m.put("exposure", Map.of("swiftConnectivity", "direct", "controlMaturity", "basic"));
            }
            if (i % 4 == 2) {
                m.put("horizonDays", 90);
            }
            out.add(m);
        }
        return out;
    }

    static String createdPortfolio(String client, Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.forClient(client))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/portfolios")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }

    static void fill(String client, String id, List<Map<String, Object>> institutions) {
        Response r = given().auth()
                .oauth2(Tokens.forClient(client))
                .contentType(ContentType.JSON)
                .body(institutions)
                .put("/api/v1/portfolios/" + id + "/institutions");
        assertEquals(200, r.statusCode(), r.asString());
    }

    private static JsonNode portfolio(String client, String id) throws Exception {
        return read(given().auth()
                .oauth2(Tokens.forClient(client))
                .get("/api/v1/portfolios/" + id)
                .then()
                .statusCode(200)
                .extract()
                .response());
    }

    private static JsonNode scores(String client, String id) {
        return scores(client, id, 20);
    }

    private static JsonNode scores(String client, String id, int size) {
        try {
            return read(given().auth()
                    .oauth2(Tokens.forClient(client))
                    .queryParam("size", size)
                    .get("/api/v1/portfolios/" + id + "/scores")
                    .then()
                    .statusCode(200)
                    .extract()
                    .response());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Response response) throws Exception {
        return JSON.readTree(response.asString());
    }
}
