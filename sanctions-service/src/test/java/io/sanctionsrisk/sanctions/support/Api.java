package io.sanctionsrisk.sanctions.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.sanctionsrisk.testing.Tokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests as the realm's demo users and clients, and the records the tests write. */
public final class Api {

    public static final String PROBLEM = "application/problem+json";
    public static final String PROBLEMS = "https://sanctionsrisk.io/problems/";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {}

    /** A request with a real access token of a demo user: viewer, analyst, policy, steward, admin. */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forUser(user)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asClient(String client) {
        return given().auth().oauth2(Tokens.forClient(client)).contentType(ContentType.JSON);
    }

    public static RequestSpecification steward() {
        return as("steward");
    }

    /** A key no other test uses. */
    public static String key(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    public static Map<String, Object> actor(String key) {
        Map<String, Object> actor = new HashMap<>();
        actor.put("key", key);
        actor.put("name", "Test actor " + key);
        actor.put("aliases", List.of("Alias one", "Alias two"));
        actor.put("description", "An actor made by a test");
        actor.put("source", "Test fixture");
        actor.put("sourceUrl", "https://example.org/actor");
        return actor;
    }

    public static Map<String, Object> sanction(String key) {
        Map<String, Object> sanction = new HashMap<>();
        sanction.put("key", key);
        sanction.put("authority", "UNSC");
        sanction.put("title", "Test resolution " + key);
        sanction.put("targetJurisdiction", "KP");
        sanction.put("announcedDate", "2013-03-07");
        sanction.put("effectiveDate", "2013-03-07");
        sanction.put("measures", new ArrayList<>(List.of("asset-freeze", "banking-restriction", "bulk-cash-ban")));
        sanction.put("direction", "tightening");
        sanction.put("source", "Test fixture");
        sanction.put("sourceUrl", "https://example.org/sanction");
        return sanction;
    }

    /** An incident attributed to the given actor (which must exist), in Bangladesh, central bank. */
    public static Map<String, Object> incident(String key, String actorKey) {
        Map<String, Object> incident = new HashMap<>();
        incident.put("key", key);
        incident.put("firstActionDate", "2016-02-04");
        incident.put("datePrecision", "day");
        incident.put("intrusionStartDate", "2015-01-29");
        incident.put("actor", actorKey);
        incident.put("attributionConfidence", actorKey == null ? null : 85);
        incident.put("victim", "Test bank " + key);
        incident.put("sector", "central-bank");
        incident.put("country", "BD");
        incident.put("vector", "swift-fraud");
        incident.put("attemptedUsd", 951_000_000L);
        incident.put("realisedUsd", 81_000_000L);
        incident.put("destructive", false);
        incident.put("source", "Test fixture");
        incident.put("sourceUrl", "https://example.org/incident");
        return incident;
    }

    public static void createActor(String key) {
        steward().body(actor(key)).post("/api/v1/actors").then().statusCode(201);
    }

    public static void createSanction(Map<String, Object> sanction) {
        steward().body(sanction).post("/api/v1/sanctions").then().statusCode(201);
    }

    public static void createIncident(Map<String, Object> incident) {
        steward().body(incident).post("/api/v1/incidents").then().statusCode(201);
    }

    /** The data version and the record counts: what a rejected request must leave as it was. */
    public record State(long dataVersion, long actors, long sanctions, long incidents) {}

    public static State state() {
        return new State(
                as("viewer")
                        .get("/api/v1/data-version")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getLong("version"),
                total("/api/v1/actors"),
                total("/api/v1/sanctions"),
                total("/api/v1/incidents"));
    }

    public static long dataVersion() {
        return as("viewer")
                .get("/api/v1/data-version")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
    }

    public static void assertUnchanged(State before) {
        assertEquals(before, state(), "a rejected request must change neither the data version nor any record");
    }

    private static long total(String path) {
        return as("viewer")
                .queryParam("size", 1)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("totalItems");
    }
}
