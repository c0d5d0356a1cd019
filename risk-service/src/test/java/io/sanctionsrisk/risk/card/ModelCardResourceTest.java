package io.sanctionsrisk.risk.card;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.sanctionsrisk.risk.dataset.DatasetEvent;
import io.sanctionsrisk.risk.dataset.DatasetSanction;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.refit.RefitService;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.StoredEstimate;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.testing.KeycloakAdmin;
import io.sanctionsrisk.testing.KeycloakServer;
import io.sanctionsrisk.testing.KeycloakTestResource;
import io.sanctionsrisk.testing.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModelCardResourceTest {

    private static final String CARD = "/api/v1/model/card";
    private static final String SNAPSHOTS = "/api/v1/model/snapshots";
    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    /** Data versions no other test uses, so that every pair of snapshots here is stored anew. */
    private static final AtomicLong DATA_VERSIONS = new AtomicLong(7_000_000 + System.nanoTime() % 1_000_000);

    private final RefitService refits;
    private final SnapshotFixtures fixtures;

    ModelCardResourceTest(RefitService refits, SnapshotFixtures fixtures) {
        this.refits = refits;
        this.fixtures = fixtures;
    }

    /** Two snapshots stored one after the other: the simulated data, then the same less three heists and a sanction. */
    private record Pair(LoadedSnapshot before, LoadedSnapshot after, List<String> removedEvents) {}

    private Pair storePair() {
        ModelDataset full = withVersion(SnapshotFixtures.simulatedDataset(), DATA_VERSIONS.incrementAndGet());
        LoadedSnapshot before = store(full);
        List<DatasetEvent> events = full.events().subList(0, full.events().size() - 3);
        List<DatasetSanction> sanctions =
                full.sanctions().stream().filter(s -> !s.key().equals("SIM-D")).toList();
        ModelDataset reduced = new ModelDataset(
                full.windowStart(),
                full.windowEnd(),
                full.lengthDays(),
                DATA_VERSIONS.incrementAndGet(),
                full.dataLastModified(),
                events,
                sanctions,
                full.excluded(),
                full.sectors(),
                full.regions());
        LoadedSnapshot after = store(reduced);
        List<String> removed = full
                .events()
                .subList(events.size(), full.events().size())
                .stream()
                .map(DatasetEvent::key)
                .toList();
        return new Pair(before, after, removed);
    }

    private LoadedSnapshot store(ModelDataset dataset) {
        return refits.fitAndStore(dataset, "request", "card-test", 60_000).snapshot();
    }

    private static ModelDataset withVersion(ModelDataset d, long version) {
        return new ModelDataset(
                d.windowStart(),
                d.windowEnd(),
                d.lengthDays(),
                version,
                d.dataLastModified(),
                d.events(),
                d.sanctions(),
                d.excluded(),
                d.sectors(),
                d.regions());
    }

    private static JsonPath json(String token, String path) {
        return given().config(DOUBLES)
                .auth()
                .oauth2(token)
                .get(path)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void servingCardHoldsDataEstimatesDiagnosticsBacktestLimitationsAndChanges() {
        Pair pair = storePair();
        LoadedSnapshot s = pair.after();
        JsonPath card = json(Tokens.forUser("viewer"), CARD);

        assertEquals(s.id(), card.getLong("snapshotId"));
        assertTrue(card.getBoolean("serving"));
        assertEquals("cadence-1", card.getString("versions.model"));
        assertEquals(s.row().getCodeVersion(), card.getString("versions.code"));
        assertEquals(s.row().getDataVersion(), card.getLong("versions.data"));
        assertEquals(s.row().getInputDigest(), card.getString("inputDigest"));
        assertEquals(s.dataset().events().size(), card.getInt("data.events"));
        assertEquals(s.dataset().sanctions().size(), card.getInt("data.sanctions"));
        assertEquals(s.dataset().effectiveSanctionCount(), card.getLong("data.weightedSanctions"));
        assertEquals(s.row().getSanctionCount(), card.getInt("data.weightedSanctions"));
        assertEquals(SnapshotFixtures.WINDOW_START.toString(), card.getString("data.windowStart"));
        assertEquals(SnapshotFixtures.WINDOW_END.toString(), card.getString("data.windowEnd"));
        assertEquals(0, card.getInt("data.excludedCount"));

        List<Map<String, Object>> estimates = card.getList("estimates");
        assertEquals(s.estimates().size(), estimates.size());
        for (int i = 0; i < estimates.size(); i++) {
            StoredEstimate e = s.estimates().get(i);
            assertEquals(e.name(), estimates.get(i).get("name"));
            assertEquals(e.estimate(), (Double) estimates.get(i).get("estimate"));
            assertEquals(e.lower95(), (Double) estimates.get(i).get("lower95"));
            assertEquals(e.upper95(), (Double) estimates.get(i).get("upper95"));
        }
        assertEquals(s.row().getMu(), card.getDouble("parameters.mu"));
        assertEquals(s.row().getLogLikelihood(), card.getDouble("diagnostics.logLikelihood"));
        assertEquals(s.row().getAic(), card.getDouble("diagnostics.aic"));
        assertEquals(s.row().isConverged(), card.getBoolean("diagnostics.converged"));
        assertEquals(3, card.getList("diagnostics.likelihoodRatioTests").size());
        assertTrue(card.getInt("diagnostics.goodnessOfFit.gapCount") > 0);
        assertEquals(
                List.of(s.row().getKernelShape()),
                card.getList("sensitivity.kernelShapes.findAll { it.chosen }.kernelShape", Integer.class));

        assertEquals("not-run", card.getString("backtest.status"), "a new snapshot has no backtest");
        assertNull(card.get("backtest.backtestId"));
        assertEquals(Limitations.ALL, card.getList("limitations", String.class));
        assertTrue(card.getString("limitations[0]").contains("publicly attributed"));

        assertEquals(pair.before().id(), card.getLong("changes.previousSnapshotId"));
        Map<String, Map<String, Object>> changes = card.<Map<String, Object>>getList("changes.changes").stream()
                .collect(Collectors.toMap(c -> (String) c.get("field"), c -> c));
        assertEquals(
                (double) pair.before().dataset().events().size(),
                ((Number) changes.get("events").get("previous")).doubleValue());
        assertEquals(
                (double) s.dataset().events().size(),
                ((Number) changes.get("events").get("current")).doubleValue());
        assertEquals(5.0, ((Number) changes.get("sanctions").get("previous")).doubleValue());
        assertEquals(4.0, ((Number) changes.get("sanctions").get("current")).doubleValue());
        assertEquals(4.0, ((Number) changes.get("weightedSanctions").get("previous")).doubleValue());
        assertEquals(3.0, ((Number) changes.get("weightedSanctions").get("current")).doubleValue());
        assertEquals(
                (double) pair.before().row().getDataVersion(),
                ((Number) changes.get("dataVersion").get("previous")).doubleValue());
        assertEquals(pair.before().row().getMu(), ((Number) changes.get("mu").get("previous")).doubleValue());
        assertEquals(s.row().getMu(), ((Number) changes.get("mu").get("current")).doubleValue());
        assertFalse(changes.containsKey("modelVersion"), "the model version did not change");
        assertEquals(3, card.getInt("changes.events.removedCount"));
        assertEquals(pair.removedEvents(), card.getList("changes.events.removed", String.class));
        assertEquals(0, card.getInt("changes.events.addedCount"));
        assertEquals(List.of("SIM-D"), card.getList("changes.sanctions.removed", String.class));
    }

    @Test
    void anyStoredSnapshotHasItsCardComparedWithTheOneBeforeIt() {
        Pair pair = storePair();
        JsonPath card =
                json(Tokens.forUser("analyst"), SNAPSHOTS + "/" + pair.before().id() + "/card");
        assertEquals(pair.before().id(), card.getLong("snapshotId"));
        assertFalse(card.getBoolean("serving"));
        assertEquals(pair.before().dataset().events().size(), card.getInt("data.events"));
        assertTrue(card.getLong("changes.previousSnapshotId") < pair.before().id());
    }

    @Test
    void pdfCardCarriesTheIdVersionsEstimatesAndChanges() throws Exception {
        Pair pair = storePair();
        LoadedSnapshot s = pair.after();
        byte[] pdf = given().auth()
                .oauth2(Tokens.forUser("policy"))
                .accept("application/pdf")
                .get(SNAPSHOTS + "/" + s.id() + "/card")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", containsString("model-card-" + s.id() + ".pdf"))
                .extract()
                .asByteArray();
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        Files.write(Path.of("target", "model-card-sample.pdf"), pdf); // kept for a reader to look at
        String text = pdfText(pdf);
        assertTrue(text.contains("Model card: snapshot " + s.id()), text);
        assertTrue(text.contains("cadence-1"), text);
        assertTrue(text.contains(s.row().getCodeVersion()), text);
        assertTrue(text.contains(s.row().getInputDigest()), text);
        assertTrue(text.contains(String.valueOf(s.row().getDataVersion())), text);
        for (StoredEstimate e : s.estimates()) {
            assertTrue(text.contains(String.format(Locale.ROOT, "%.4g", e.estimate())), e.name() + " in " + text);
            if (e.lower95() != null) {
                assertTrue(text.contains(String.format(Locale.ROOT, "%.4g", e.lower95())), e.name() + " lower95");
                assertTrue(text.contains(String.format(Locale.ROOT, "%.4g", e.upper95())), e.name() + " upper95");
            }
        }
        assertTrue(text.contains("Backtest: not-run"), text);
        assertTrue(text.contains("Changes since snapshot " + pair.before().id()), text);
        assertTrue(text.contains("SIM-D"), text);
        assertTrue(text.contains("Limitations"), text);
    }

    @Test
    void cardReportsTheSnapshotsLatestBacktestAgainstTheThresholds() {
        LoadedSnapshot s = storePair().after();
        JsonPath backtest = given().config(DOUBLES)
                .auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType("application/json")
                .body(Map.of(
                        "firstOrigin", "2020-01-01",
                        "stepDays", 365,
                        "windowDays", 365,
                        "kernelShape", 2,
                        "intervalPaths", 200))
                .post("/api/v1/backtests")
                .then()
                .statusCode(201)
                .body("snapshotId", equalTo((int) s.id()))
                .extract()
                .jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        double coverage =
                backtest.getDouble("result.scores.find { it.model == 'sanctions-excited-hawkes' }.coverage90");
        Double gain = backtest.get("result.fullMinusPoissonPerEvent");
        int origins = backtest.getList("result.origins").size();

        JsonPath card = json(Tokens.forUser("steward"), CARD);
        assertEquals(backtest.getLong("id"), card.getLong("backtest.backtestId"));
        assertEquals(origins, card.getInt("backtest.origins"));
        assertEquals(coverage, card.getDouble("backtest.coverage90"), 1e-12);
        String expected;
        if (origins < 3 || gain == null) {
            expected = "inconclusive";
        } else {
            expected = coverage >= 0.75 && gain >= 0.0 ? "pass" : "fail";
        }
        assertEquals(expected, card.getString("backtest.status"));
        assertEquals(
                List.of("origins", "coverage90", "gainOverPoissonPerEvent"),
                card.getList("backtest.checks.name", String.class));
        if (gain != null) {
            assertEquals(gain, card.getDouble("backtest.checks[2].value"), 1e-9);
        }
    }

    @Test
    void historyListsSnapshotsNewestFirstWithVersionsCountsWindowAndTrigger() {
        Pair pair = storePair();
        JsonPath page = json(Tokens.forUser("viewer"), SNAPSHOTS + "?size=2");
        assertEquals(2, page.getInt("size"));
        assertTrue(page.getLong("total") >= 2);
        assertEquals(List.of(pair.after().id(), pair.before().id()), page.getList("items.id", Long.class));
        assertEquals(List.of(true, false), page.getList("items.serving", Boolean.class));
        assertEquals(pair.after().row().getDataVersion(), page.getLong("items[0].versions.data"));
        assertEquals("cadence-1", page.getString("items[0].versions.model"));
        assertEquals(pair.after().dataset().events().size(), page.getInt("items[0].events"));
        assertEquals(3, page.getInt("items[0].weightedSanctions"), "SIM-E eases, SIM-D was removed");
        assertEquals(SnapshotFixtures.WINDOW_START.toString(), page.getString("items[0].windowStart"));
        assertEquals("request", page.getString("items[0].trigger"));
        assertEquals("card-test", page.getString("items[0].requestedBy"));

        JsonPath second = json(Tokens.forUser("viewer"), SNAPSHOTS + "?size=1&page=1");
        assertEquals(List.of(pair.before().id()), second.getList("items.id", Long.class));

        given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .get(SNAPSHOTS + "?size=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sanctionsrisk.io/problems/validation"));
    }

    @Test
    void unknownIdIs404MalformedIdIs400AndUnacceptableTypeIs406() {
        LoadedSnapshot s = fixtures.simulated();
        String token = Tokens.forUser("viewer");
        given().auth()
                .oauth2(token)
                .get(SNAPSHOTS + "/" + (s.id() + 1_000_000) + "/card")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sanctionsrisk.io/problems/not-found"))
                .body("detail", containsString(String.valueOf(s.id() + 1_000_000)));
        given().auth()
                .oauth2(token)
                .accept("application/pdf")
                .get(SNAPSHOTS + "/" + (s.id() + 1_000_000) + "/card")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        for (String bad : List.of("abc", "0", "-4", "1.5", "99999999999999999999")) {
            given().auth()
                    .oauth2(token)
                    .get(SNAPSHOTS + "/" + bad + "/card")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/validation"))
                    .body("errors[0].field", equalTo("id"));
        }
        for (String path : List.of(CARD, SNAPSHOTS + "/" + s.id() + "/card")) {
            given().auth()
                    .oauth2(token)
                    .accept("text/csv")
                    .get(path)
                    .then()
                    .statusCode(406)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/not-acceptable"));
            given().auth()
                    .oauth2(token)
                    .accept("application/pdf;q=0.5, application/json")
                    .get(path)
                    .then()
                    .statusCode(200)
                    .contentType("application/json");
            given().auth()
                    .oauth2(token)
                    .accept("application/json;q=0.2, application/pdf")
                    .get(path)
                    .then()
                    .statusCode(200)
                    .contentType("application/pdf");
        }
    }

    @Test
    void openApiDescribesBothMediaTypesAndTheErrors() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/model/card'.get.responses.'200'.content.'application/pdf'", notNullValue())
                .body("paths.'/api/v1/model/card'.get.responses.'200'.content.'application/json'", notNullValue())
                .body("paths.'/api/v1/model/card'.get.responses.'406'", notNullValue())
                .body("paths.'/api/v1/model/snapshots/{id}/card'.get.responses.'404'", notNullValue())
                .body("paths.'/api/v1/model/snapshots/{id}/card'.get.responses.'400'", notNullValue())
                .body("paths.'/api/v1/model/snapshots'.get.responses.'200'", notNullValue())
                .body("paths.'/api/v1/model'.get.responses.'200'", notNullValue());
    }

    @Test
    void answers503WithoutASnapshotAndAnEmptyHistory() {
        fixtures.deleteAll();
        try {
            given().auth()
                    .oauth2(Tokens.forUser("viewer"))
                    .get(CARD)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://sanctionsrisk.io/problems/no-snapshot"));
            JsonPath page = json(Tokens.forUser("viewer"), SNAPSHOTS);
            assertEquals(0, page.getInt("total"));
            assertTrue(page.getList("items").isEmpty());
        } finally {
            fixtures.simulated();
        }
    }

    @Test
    void everyReaderRoleMayReadATokenWithoutOneIs403AndNoTokenIs401() {
        LoadedSnapshot s = fixtures.simulated();
        List<String> paths = List.of(CARD, SNAPSHOTS, SNAPSHOTS + "/" + s.id() + "/card");
        // every principal of the realm holds a reader role: a client with none, made for this test, must be refused
        KeycloakAdmin admin = KeycloakTestResource.server().admin();
        String roleless = "no-roles-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createServiceClient(KeycloakServer.REALM, roleless, "s3cret", List.of(), true, 0);
        String rolelessToken = admin.clientToken(KeycloakServer.REALM, roleless, "s3cret");
        for (String path : paths) {
            for (String user : List.of("viewer", "analyst", "policy", "steward", "admin")) {
                given().auth().oauth2(Tokens.forUser(user)).get(path).then().statusCode(200);
            }
            for (String client : List.of("bank-risk-engine", "steward-sync", "risk-service")) {
                given().auth().oauth2(Tokens.forClient(client)).get(path).then().statusCode(200);
            }
            given().get(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("type", equalTo("https://sanctionsrisk.io/problems/unauthorized"));
            given().auth()
                    .oauth2("eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl")
                    .get(path)
                    .then()
                    .statusCode(401);
            given().auth()
                    .oauth2(rolelessToken)
                    .get(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sanctionsrisk.io/problems/forbidden"));
        }
    }

    /** The text of a PDF as Debian's poppler-utils extracts it. */
    static String pdfText(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("model-card", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
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
