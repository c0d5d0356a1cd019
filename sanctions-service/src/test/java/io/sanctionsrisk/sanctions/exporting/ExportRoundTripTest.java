package io.sanctionsrisk.sanctions.exporting;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.sanctions.persistence.IncidentRepository;
import io.sanctionsrisk.sanctions.persistence.SanctionEventRepository;
import io.sanctionsrisk.sanctions.persistence.ThreatActorRepository;
import io.sanctionsrisk.sanctions.service.DataVersionService;
import io.sanctionsrisk.sanctions.support.Api;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Export, empty the database, import the export: the data must come back the same, in each format. The
 * comparison is the JSON export before and after, which holds every written field of every record.
 */
@QuarkusTest
class ExportRoundTripTest {

    private static final String EXPORTS = "/api/v1/exports";
    private static final String IMPORTS = "/api/v1/imports";

    @Inject
    IncidentRepository incidents;

    @Inject
    SanctionEventRepository sanctions;

    @Inject
    ThreatActorRepository actors;

    @Inject
    DataVersionService dataVersion;

    /** Records with the awkward cases: unknowns, an override, a month date, commas, quotes and line breaks. */
    @BeforeEach
    void addAwkwardRecords() {
        String actor = Api.key("ACT");
        Map<String, Object> actorRecord = Api.actor(actor);
        actorRecord.put("description", "Line one,\nline \"two\"");
        Api.steward().body(actorRecord).post("/api/v1/actors").then().statusCode(201);
        Map<String, Object> sanction = Api.sanction(Api.key("SAN"));
        sanction.put("severityOverride", 2);
        sanction.put("severityOverrideReason", "Only partly enforced, per the test");
        sanction.put("effectiveDate", null);
        Api.createSanction(sanction);
        Map<String, Object> sparse =
                Map.of("key", Api.key("INC"), "firstActionDate", "2019-01-01", "datePrecision", "year");
        Api.createIncident(sparse);
        Map<String, Object> noVictim = Api.incident(Api.key("INC"), actor);
        noVictim.put("victim", null);
        noVictim.put("datePrecision", "month");
        noVictim.put("destructive", null);
        Api.createIncident(noVictim);
        Map<String, Object> noCountry = Api.incident(Api.key("INC"), null);
        noCountry.put("country", null);
        noCountry.put("sourceUrl", null);
        Api.createIncident(noCountry);
    }

    @Test
    void roundTripsThroughJson() {
        Map<String, Object> before = exportJson();
        byte[] file = Api.as("viewer")
                .queryParam("format", "json")
                .get(EXPORTS)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        emptyDatabase();
        Api.steward().body(file).post(IMPORTS).then().statusCode(200);
        assertSameData(before, exportJson());
    }

    @Test
    void roundTripsThroughCsv() {
        Map<String, Object> before = exportJson();
        byte[] actorsCsv = csv("actors");
        byte[] sanctionsCsv = csv("sanctions");
        byte[] incidentsCsv = csv("incidents");
        emptyDatabase();
        for (byte[] file : List.of(actorsCsv, sanctionsCsv, incidentsCsv)) {
            Api.steward()
                    .contentType("text/csv; charset=UTF-8")
                    .body(file)
                    .post(IMPORTS)
                    .then()
                    .statusCode(200);
        }
        assertSameData(before, exportJson());
    }

    @Test
    void roundTripsThroughStixAndReimportsIdempotently() {
        Map<String, Object> before = exportJson();
        byte[] bundle = stix();
        emptyDatabase();
        Api.steward()
                .contentType("application/stix+json")
                .body(bundle)
                .post(IMPORTS)
                .then()
                .statusCode(200);
        assertSameData(before, exportJson());
        long version = Api.dataVersion();
        Api.steward()
                .contentType("application/stix+json")
                .body(bundle)
                .post(IMPORTS)
                .then()
                .statusCode(200)
                .body("created.incidents", equalTo(0))
                .body("updated.incidents", equalTo(0));
        assertEquals(version, Api.dataVersion());
    }

    @Test
    void exportsTheSameStixBundleForTheSameData() {
        String first = new String(stix(), StandardCharsets.UTF_8);
        String second = new String(stix(), StandardCharsets.UTF_8);
        assertEquals(first, second, "ids and content are derived from the data only");
        assertTrue(first.contains("\"type\":\"extension-definition\""));
        assertTrue(first.contains("\"report_types\":[\"sanctions\"]"), "sanctions events are reports");
        assertFalse(first.contains("x-sanctionsrisk") || first.contains("\"x_"), "no custom types or x_ properties");
        assertTrue(first.contains("\"relationship_type\":\"attributed-to\""));
    }

    @Test
    void tagsExportsWithTheDataVersion() {
        String etag = Api.as("viewer")
                .queryParam("format", "csv")
                .queryParam("kind", "incidents")
                .get(EXPORTS)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .header("ETag");
        Api.as("viewer")
                .queryParam("format", "csv")
                .queryParam("kind", "incidents")
                .header("If-None-Match", etag)
                .get(EXPORTS)
                .then()
                .statusCode(304);
    }

    @Test
    void rejectsAnUnknownFormatOrACsvWithoutKindWith400() {
        Api.as("viewer").queryParam("format", "xml").get(EXPORTS).then().statusCode(400);
        Api.as("viewer").queryParam("format", "csv").get(EXPORTS).then().statusCode(400);
    }

    private Map<String, Object> exportJson() {
        return Api.as("viewer")
                .queryParam("format", "json")
                .get(EXPORTS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    private byte[] csv(String kind) {
        return Api.as("viewer")
                .queryParam("format", "csv")
                .queryParam("kind", kind)
                .get(EXPORTS)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    private byte[] stix() {
        return Api.as("viewer")
                .queryParam("format", "stix")
                .get(EXPORTS)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/stix+json"))
                .extract()
                .asByteArray();
    }

    private void emptyDatabase() {
        QuarkusTransaction.requiringNew().run(() -> {
            incidents.deleteAll();
            sanctions.deleteAll();
            actors.listAll().forEach(actors::delete);
            dataVersion.increment(Instant.now());
        });
        assertEquals(0, Api.state().incidents());
        assertEquals(0, Api.state().actors());
    }

    private static void assertSameData(Map<String, Object> before, Map<String, Object> after) {
        for (String kind : List.of("actors", "sanctions", "incidents")) {
            assertEquals(before.get(kind), after.get(kind), kind + " differ after the round trip");
        }
    }
}
