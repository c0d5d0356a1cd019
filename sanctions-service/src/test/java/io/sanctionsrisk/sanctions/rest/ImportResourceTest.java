package io.sanctionsrisk.sanctions.rest;

import static io.sanctionsrisk.sanctions.support.Api.PROBLEM;
import static io.sanctionsrisk.sanctions.support.Api.PROBLEMS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.sanctionsrisk.sanctions.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportResourceTest {

    private static final String PATH = "/api/v1/imports";
    private static final String ACTOR_HEADER = "key,name,aliases,description,source,source_url\r\n";
    private static final String SANCTION_HEADER =
            "key,authority,title,target_jurisdiction,announced_date,effective_date,"
                    + "measures,direction,severity_override,severity_override_reason,note,source,source_url\r\n";
    private static final String INCIDENT_HEADER = "key,first_action_date,date_precision,intrusion_start_date,actor,"
            + "attribution_confidence,victim,sector,country,vector,attempted_usd,realised_usd,destructive,note,source,"
            + "source_url\r\n";

    private static RequestSpecification csv() {
        return Api.steward().contentType("text/csv");
    }

    private static String incidentRow(String key, String actor, String country, String attempted, String realised) {
        return key + ",2017-10-03,day,2017-06-01," + actor + ",80,\"Far Eastern International Bank, Taipei\","
                + "commercial-bank," + country + ",swift-fraud," + attempted + "," + realised
                + ",true,\"A note with \"\"quotes\"\"\",Test source,https://example.org/x\r\n";
    }

    @Test
    void importsActorsSanctionsAndIncidentsFromCsvAndReimportsThemUnchanged() {
        String actor = Api.key("ACT");
        String sanction = Api.key("SAN");
        String incident = Api.key("INC");
        String actors = ACTOR_HEADER + actor + ",Imported actor,One;Two,,Test source,https://example.org/a\r\n";
        String sanctions = SANCTION_HEADER + sanction
                + ",US-OFAC,Designation,KP,2019-09-13,2019-09-13,cyber-actor-designation;asset-freeze,tightening,,,,"
                + "Test,https://example.org/s\r\n";
        String incidents = INCIDENT_HEADER + incidentRow(incident, actor, "TW", "60000000", "500000");

        long before = Api.dataVersion();
        csv().body(actors).post(PATH).then().statusCode(200).body("created.actors", equalTo(1));
        csv().body(sanctions).post(PATH).then().statusCode(200).body("created.sanctions", equalTo(1));
        csv().queryParam("kind", "incidents")
                .body(incidents)
                .post(PATH)
                .then()
                .statusCode(200)
                .body("format", equalTo("csv"))
                .body("created.incidents", equalTo(1))
                .body("changes[0].key", equalTo(incident))
                .body("changes[0].ref", equalTo("row 2"));
        assertEquals(before + 3, Api.dataVersion());
        Api.as("viewer")
                .get("/api/v1/incidents/" + incident)
                .then()
                .body("victim", equalTo("Far Eastern International Bank, Taipei"))
                .body("note", equalTo("A note with \"quotes\""))
                .body("region", equalTo("eastern-asia"))
                .body("destructive", equalTo(true));
        Api.as("viewer").get("/api/v1/sanctions/" + sanction).then().body("derivedSeverity", equalTo(3));

        long after = Api.dataVersion();
        csv().body(incidents).post(PATH).then().statusCode(200).body("unchanged.incidents", equalTo(1));
        csv().body(actors).post(PATH).then().statusCode(200).body("unchanged.actors", equalTo(1));
        csv().body(sanctions).post(PATH).then().statusCode(200).body("unchanged.sanctions", equalTo(1));
        assertEquals(after, Api.dataVersion(), "a re-import that changes nothing keeps the data version");
    }

    @Test
    void updatesRecordsThatDifferByNaturalKey() {
        String actor = Api.key("ACT");
        Api.createActor(actor);
        String incident = Api.key("INC");
        csv().body(INCIDENT_HEADER + incidentRow(incident, actor, "TW", "100", "50"))
                .post(PATH)
                .then()
                .statusCode(200);
        csv().body(INCIDENT_HEADER + incidentRow(incident, actor, "TW", "100", "60"))
                .post(PATH)
                .then()
                .statusCode(200)
                .body("updated.incidents", equalTo(1))
                .body("changes[0].outcome", equalTo("updated"));
        Api.as("viewer")
                .get("/api/v1/incidents/" + incident)
                .then()
                .body("realisedUsd", equalTo(60))
                .body("version", equalTo(1));
    }

    @Test
    void reportsWithoutWritingOnDryRun() {
        String actor = Api.key("ACT");
        Api.State before = Api.state();
        csv().queryParam("dryRun", "true")
                .body(ACTOR_HEADER + actor + ",Dry,,,,\r\n")
                .post(PATH)
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created.actors", equalTo(1));
        Api.assertUnchanged(before);
        Api.as("viewer").get("/api/v1/actors/" + actor).then().statusCode(404);
    }

    @Test
    void rejectsAWholeCsvFileWhenAnyRowIsInvalidListingEveryProblem() {
        String actor = Api.key("ACT");
        Api.createActor(actor);
        String good = Api.key("INC");
        String body = INCIDENT_HEADER
                + incidentRow(good, actor, "TW", "100", "50")
                + incidentRow(Api.key("INC"), actor, "ZZ", "100", "50")
                + incidentRow(Api.key("INC"), actor, "TW", "-100", "50")
                + incidentRow(Api.key("INC"), actor, "TW", "100", "500")
                + incidentRow(Api.key("INC"), actor, "TW", "lots", "50")
                + incidentRow(Api.key("INC"), "NO-SUCH-ACTOR", "TW", "100", "50")
                + incidentRow(good, actor, "TW", "100", "50")
                + Api.key("INC") + ",2017-10-03,day,2017-12-01,,,,moon-bank,TW,carrier-pigeon,,,maybe,,,\r\n"
                + "too,few,fields\r\n";
        Api.State before = Api.state();
        csv().body(body)
                .post(PATH)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "import-rejected"))
                .body("rejected", equalTo(8))
                .body("errors.findAll { it.ref == 'row 3' }.field", hasItem("country"))
                .body("errors.findAll { it.ref == 'row 4' }.field", hasItem("attempted_usd"))
                .body("errors.findAll { it.ref == 'row 5' }.field", hasItem("realised_usd"))
                .body("errors.findAll { it.ref == 'row 6' }.message", hasItem(containsString("not a whole number")))
                .body("errors.findAll { it.ref == 'row 7' }.field", hasItem("actor"))
                .body("errors.findAll { it.ref == 'row 8' }.message", hasItem(containsString("duplicate key")))
                .body("errors.findAll { it.ref == 'row 9' }.field", hasItems("destructive"))
                .body("errors.findAll { it.ref == 'row 10' }.message", hasItem(containsString("fields")));
        Api.assertUnchanged(before);
        Api.as("viewer").get("/api/v1/incidents/" + good).then().statusCode(404);
    }

    @Test
    void listsSemanticProblemsOfARowThatCanBeRead() {
        String body = INCIDENT_HEADER + Api.key("INC")
                + ",2017-10-03,day,2017-12-01,,,,moon-bank,TW,carrier-pigeon,,,,,,\r\n";
        Api.State before = Api.state();
        csv().body(body)
                .post(PATH)
                .then()
                .statusCode(422)
                .body("errors.field", hasItems("intrusion_start_date", "sector", "vector"));
        Api.assertUnchanged(before);
    }

    @Test
    void rejectsMalformedCsvWith400() {
        Api.State before = Api.state();
        csv().body(ACTOR_HEADER + "X,\"unterminated,,,,\r\n")
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "malformed-body"))
                .body("detail", containsString("row 2"));
        csv().body("what,is,this\r\n1,2,3\r\n")
                .post(PATH)
                .then()
                .statusCode(400)
                .body("detail", containsString("header"));
        csv().queryParam("kind", "sanctions")
                .body(ACTOR_HEADER)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("detail", containsString("sanctions"));
        csv().queryParam("kind", "ships").body(ACTOR_HEADER).post(PATH).then().statusCode(400);
        csv().body("").post(PATH).then().statusCode(400);
        Api.assertUnchanged(before);
    }

    @Test
    void importsJsonInTheExportShape() {
        String actor = Api.key("ACT");
        String incident = Api.key("INC");
        String sanction = Api.key("SAN");
        Map<String, Object> body = Map.of(
                "dataVersion",
                7,
                "actors",
                List.of(Api.actor(actor)),
                "sanctions",
                List.of(Api.sanction(sanction)),
                "incidents",
                List.of(Api.incident(incident, actor)));
        Api.steward()
                .body(body)
                .post(PATH)
                .then()
                .statusCode(200)
                .body("format", equalTo("json"))
                .body("created.actors", equalTo(1))
                .body("created.sanctions", equalTo(1))
                .body("created.incidents", equalTo(1));
        Api.steward().body(body).post(PATH).then().statusCode(200).body("unchanged.incidents", equalTo(1));
    }

    @Test
    void rejectsJsonRecordsOfWrongTypesWith422NamingThePath() {
        Map<String, Object> bad = Api.incident(Api.key("INC"), null);
        bad.put("attemptedUsd", "a lot");
        Map<String, Object> unknown = Api.incident(Api.key("INC"), null);
        unknown.put("colour", "red");
        Api.State before = Api.state();
        Api.steward()
                .body(Map.of("incidents", List.of(Api.incident(Api.key("INC"), null), bad, unknown)))
                .post(PATH)
                .then()
                .statusCode(422)
                .body("errors.find { it.ref == 'incidents[1]' }.field", equalTo("attemptedUsd"))
                .body("errors.find { it.ref == 'incidents[2]' }.field", equalTo("colour"));
        Api.steward()
                .body(Map.of("ships", List.of()))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("ships"));
        Api.steward()
                .body("{\"incidents\": [")
                .post(PATH)
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-body"));
        Api.steward().body("[]").post(PATH).then().statusCode(400);
        Api.assertUnchanged(before);
    }

    @Test
    void rejectsDuplicateKeysInOneJsonFileWith422() {
        String key = Api.key("SAN");
        Api.State before = Api.state();
        Api.steward()
                .body(Map.of("sanctions", List.of(Api.sanction(key), Api.sanction(key))))
                .post(PATH)
                .then()
                .statusCode(422)
                .body("errors[0].ref", equalTo("sanctions[1]"))
                .body("errors[0].message", containsString("first at sanctions[0]"));
        Api.assertUnchanged(before);
    }

    @Test
    void rejectsAnUnsupportedMediaTypeWith415() {
        Api.steward()
                .contentType("application/xml")
                .body("<incidents/>")
                .post(PATH)
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "unsupported-media-type"));
    }

    @Test
    void rejectsABodyOverTheLimitWith413() {
        // The test profile lowers the limit to 4 MiB (production: 128 MiB) to keep the test light.
        byte[] big = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        Api.State before = Api.state();
        csv().body(big)
                .post(PATH)
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "payload-too-large"));
        Api.assertUnchanged(before);
    }
}
