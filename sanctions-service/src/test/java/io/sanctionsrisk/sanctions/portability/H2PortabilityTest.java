package io.sanctionsrisk.sanctions.portability;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sanctionsrisk.sanctions.support.Api;
import io.sanctionsrisk.sanctions.support.Listing;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The migrations, queries and locks also work on H2 in PostgreSQL mode, the database of the one-command local
 * run. A smoke test over the features that touch SQL; the full suite runs on PostgreSQL.
 */
@QuarkusTest
@TestProfile(H2Profile.class)
class H2PortabilityTest {

    @Test
    void migratesSeedsAndServesTheDataOnH2() {
        Api.as("viewer")
                .queryParam("region", "eastern-asia")
                .queryParam("sort", "-realisedUsd")
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .body("totalItems", greaterThan(0))
                .body("items.region", hasItem("eastern-asia"));
        Api.as("viewer")
                .queryParam("measure", "bulk-cash-ban")
                .get("/api/v1/sanctions")
                .then()
                .statusCode(200)
                .body("items.key", hasItem("UNSC-2094"));
        Api.as("viewer")
                .queryParam("bucket", "quarter")
                .get("/api/v1/timeline")
                .then()
                .statusCode(200)
                .body("buckets.size()", greaterThan(10));
        Api.as("viewer")
                .queryParam("format", "stix")
                .get("/api/v1/exports")
                .then()
                .statusCode(200)
                .body(containsString("\"report_types\":[\"sanctions\"]"));
    }

    @ParameterizedTest(name = "sort={0}")
    @ValueSource(strings = {"firstActionDate", "-firstActionDate", "-key", "attemptedUsd", "-realisedUsd"})
    void pagesByCursorAsByOffsetOnH2(String sort) {
        String actor = Api.key("ACT");
        Api.createActor(actor);
        Long[] amounts = {null, 5L, 5L, null, 7L, 0L, 5L};
        for (int i = 0; i < amounts.length; i++) {
            Map<String, Object> incident = Api.incident(actor + "-" + i, actor);
            incident.put("firstActionDate", "2004-0" + (1 + i % 3) + "-01");
            incident.remove("intrusionStartDate");
            incident.put("attemptedUsd", amounts[i]);
            incident.put("realisedUsd", amounts[i]);
            Api.createIncident(incident);
        }
        Map<String, String> mine = Map.of("actor", actor, "sort", sort);
        assertEquals(Listing.byOffset(mine, 2), Listing.byCursor(mine, 2));
        Map<String, String> all = Map.of("sort", sort);
        assertEquals(Listing.byOffset(all, 9), Listing.byCursor(all, 9));
    }

    @Test
    void writesImportsAndLocksOnH2() {
        String actor = Api.key("ACT");
        Api.createActor(actor);
        String key = Api.key("INC");
        Api.createIncident(Api.incident(key, actor));
        String etag = Api.as("viewer")
                .get("/api/v1/incidents/" + key)
                .then()
                .extract()
                .header("ETag");
        Map<String, Object> update = Api.incident(key, actor);
        update.put("victim", "Renamed on H2");
        Api.steward()
                .header("If-Match", etag)
                .body(update)
                .put("/api/v1/incidents/" + key)
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
        Api.steward()
                .contentType("text/csv")
                .body("key,name,aliases,description,source,source_url\r\n" + Api.key("ACT") + ",On H2,A;B,,,\r\n")
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("created.actors", equalTo(1));
        Api.steward().delete("/api/v1/actors/" + actor).then().statusCode(409);
    }
}
