package io.sanctionsrisk.sanctions.rest;

import static io.sanctionsrisk.sanctions.support.Api.PROBLEM;
import static io.sanctionsrisk.sanctions.support.Api.PROBLEMS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.sanctions.stix.Stix;
import io.sanctionsrisk.sanctions.support.Api;
import org.junit.jupiter.api.Test;

/** STIX 2.1 bundles written by other tools: the mapping, skipped types and what is not a bundle. */
@QuarkusTest
class StixImportTest {

    private static final String PATH = "/api/v1/imports";
    private static final String STIX = "application/stix+json";

    private static String bundle(String actorKey, String incidentKey, String country, String extraObject) {
        return """
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
                  {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29",
                   "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
                   "name": "Foreign set", "aliases": ["Other name"],
                   "external_references": [{"source_name": "Vendor report", "url": "https://example.org/report"}],
                   "extensions": {"EXT": {"extension_type": "property-extension", "key": "%s"}}},
                  {"type": "identity", "spec_version": "2.1", "id": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c",
                   "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
                   "name": "Some exchange", "identity_class": "organization", "sectors": ["financial-services"],
                   "extensions": {"EXT": {"extension_type": "property-extension", "sector": "crypto-exchange"}}},
                  {"type": "location", "spec_version": "2.1", "id": "location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64",
                   "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
                   "region": "eastern-asia", "country": "%s"},
                  {"type": "incident", "spec_version": "2.1", "id": "incident--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                   "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
                   "name": "Exchange theft", "description": "A hot wallet emptied",
                   "external_references": [{"source_name": "News", "url": "https://example.org/news"}],
                   "extensions": {"EXT": {"extension_type": "property-extension", "key": "%s",
                     "first_action_date": "2018-01-26", "date_precision": "day", "vector": "exchange-hot-wallet",
                     "attempted_usd": 534000000, "realised_usd": 534000000}}},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--1e2e2d2b-17d4-4cbf-938f-98ee46b3cd30",
                   "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
                   "relationship_type": "targets", "source_ref": "incident--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                   "target_ref": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c"},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--2e2e2d2b-17d4-4cbf-938f-98ee46b3cd30",
                   "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
                   "relationship_type": "targets", "source_ref": "incident--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                   "target_ref": "location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64"},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--3e2e2d2b-17d4-4cbf-938f-98ee46b3cd30",
                   "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
                   "relationship_type": "attributed-to", "confidence": 70,
                   "source_ref": "incident--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                   "target_ref": "intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29"}%s
                ]}
                """.replace("EXT", Stix.EXTENSION_ID).formatted(actorKey, country, incidentKey, extraObject);
    }

    private static final String MALWARE = """
            ,
            {"type": "malware", "spec_version": "2.1", "id": "malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
             "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
             "name": "Wiper", "is_family": true},
            {"type": "indicator", "spec_version": "2.1", "id": "indicator--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0062",
             "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
             "pattern": "[file:name = 'x']", "pattern_type": "stix", "valid_from": "2024-01-01T00:00:00Z"}
            """;

    @Test
    void mapsABundleAndSkipsObjectTypesItDoesNotHold() {
        String actor = Api.key("ACT");
        String incident = Api.key("INC");
        Api.steward()
                .contentType(STIX)
                .body(bundle(actor, incident, "jp", MALWARE))
                .post(PATH)
                .then()
                .statusCode(200)
                .body("format", equalTo("stix"))
                .body("created.actors", equalTo(1))
                .body("created.incidents", equalTo(1))
                .body("skipped.malware", equalTo(1))
                .body("skipped.indicator", equalTo(1));
        Api.as("viewer")
                .get("/api/v1/incidents/" + incident)
                .then()
                .body("actor", equalTo(actor))
                .body("attributionConfidence", equalTo(70))
                .body("victim", equalTo("Some exchange"))
                .body("sector", equalTo("crypto-exchange"))
                .body("country", equalTo("JP"))
                .body("region", equalTo("eastern-asia"))
                .body("vector", equalTo("exchange-hot-wallet"))
                .body("source", equalTo("News"))
                .body("note", equalTo("A hot wallet emptied"));
        Api.as("viewer").get("/api/v1/actors/" + actor).then().body("aliases", hasItem("Other name"));
    }

    @Test
    void rejectsABundleWithAnInvalidObjectWith422NamingTheObjectId() {
        Api.State before = Api.state();
        Api.steward()
                .contentType(STIX)
                .body(bundle(Api.key("ACT"), Api.key("INC"), "ZZ", ""))
                .post(PATH)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].ref", equalTo("incident--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"))
                .body("errors[0].field", containsString("country"));
        Api.assertUnchanged(before);
    }

    @Test
    void rejectsWhatIsNotABundleWith400() {
        Api.State before = Api.state();
        Api.steward()
                .contentType(STIX)
                .body("{\"type\": \"malware\", \"id\": \"malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061\"}")
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "malformed-body"))
                .body("detail", containsString("not a STIX 2.1 bundle"));
        Api.steward()
                .contentType(STIX)
                .body("{\"type\": \"bundle\", \"objects\": {}}")
                .post(PATH)
                .then()
                .statusCode(400)
                .body("detail", containsString("objects"));
        Api.steward().contentType(STIX).body("[1,2]").post(PATH).then().statusCode(400);
        Api.steward()
                .contentType(STIX)
                .body("{\"type\": \"bundle\", ")
                .post(PATH)
                .then()
                .statusCode(400);
        Api.assertUnchanged(before);
    }
}
