package io.sanctionsrisk.sanctions.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.sanctions.support.Api;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Bundles shaped as OpenCTI and MISP export them (fixtures in src/test/resources/stix, written from the tools'
 * public documentation and examples): standard objects only, foreign extensions, actors matched by name or
 * alias, amounts only from this service's extension.
 */
@QuarkusTest
class StixInteropTest {

    private static final String PATH = "/api/v1/imports";
    private static final String STIX = "application/stix+json";
    private static final String OCTI_EXTENSION = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba";

    @Test
    void importsAnOpenCtiBundleMatchingActorsAndSkippingWhatItDoesNotHold() throws IOException {
        byte[] bundle = fixture("opencti-incidents.json");
        Api.steward()
                .contentType(STIX)
                .body(bundle)
                .post(PATH)
                .then()
                .statusCode(200)
                .body("created.incidents", equalTo(2))
                .body("created.actors", equalTo(1))
                .body("skipped.malware", equalTo(1))
                .body("skipped.report", equalTo(1))
                .body("skipped.marking-definition", equalTo(1))
                .body("skipped.relationship", equalTo(1))
                .body("ignoredProperties.'incident.severity'", equalTo(2))
                .body("ignoredProperties.'incident.extensions." + OCTI_EXTENSION + "'", equalTo(2));
        Api.as("viewer")
                .get("/api/v1/incidents/incident--4f5e6d7c-8b9a-5c0d-9e1f-a2b3c4d5e6f7")
                .then()
                .statusCode(200)
                .body("firstActionDate", equalTo("2016-02-04"))
                .body("actor", equalTo("LAZARUS"))
                .body("attributionConfidence", equalTo(85))
                .body("victim", equalTo("Example Savings Bank"))
                .body("sector", equalTo("other-financial"))
                .body("country", equalTo("BD"))
                .body("attemptedUsd", equalTo(951_000_000))
                .body("realisedUsd", equalTo(81_000_000))
                .body("source", equalTo("Example advisory"));
        Api.as("viewer")
                .get("/api/v1/incidents/incident--9a8b7c6d-5e4f-5a3b-8c2d-1e0f9a8b7c60")
                .then()
                .statusCode(200)
                .body("firstActionDate", equalTo("2016-01-15"))
                .body("country", nullValue())
                .body("region", equalTo("africa"))
                .body("attemptedUsd", nullValue())
                .body("actor", equalTo("intrusion-set--5e7d9c1b-3a2f-5b4e-8d6c-7f0e1a2b3c40"));
        Api.steward()
                .contentType(STIX)
                .body(bundle)
                .post(PATH)
                .then()
                .statusCode(200)
                .body("created.actors", equalTo(0))
                .body("created.incidents", equalTo(0))
                .body("updated.incidents", equalTo(0));
    }

    @Test
    void importsAMispEventDatedByItsCreationWithAThreatActorMatchedByName() throws IOException {
        byte[] bundle = fixture("misp-event.json");
        Api.steward()
                .contentType(STIX)
                .body(bundle)
                .post(PATH)
                .then()
                .statusCode(200)
                .body("created.incidents", equalTo(1))
                .body("created.actors", equalTo(0))
                .body("skipped.report", equalTo(1))
                .body("skipped.note", equalTo(1))
                .body("ignoredProperties.'threat-actor.threat_actor_types'", equalTo(1));
        Api.as("viewer")
                .get("/api/v1/incidents/incident--2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d")
                .then()
                .statusCode(200)
                .body("firstActionDate", equalTo("2019-03-29"))
                .body("actor", equalTo("LAZARUS"))
                .body("country", equalTo("KR"))
                .body("sector", equalTo("other-financial"))
                .body("victim", equalTo("Example Exchange"))
                .body("attemptedUsd", nullValue());
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = StixInteropTest.class.getResourceAsStream("/stix/" + name)) {
            return in.readAllBytes();
        }
    }
}
