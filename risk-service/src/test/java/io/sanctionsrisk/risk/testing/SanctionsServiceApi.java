package io.sanctionsrisk.risk.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.sanctionsrisk.testing.Tokens;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Reads and writes the real sanctions-service the way a data steward does, for the refit tests. */
public final class SanctionsServiceApi {

    private SanctionsServiceApi() {}

    public static long dataVersion() {
        return given().baseUri(SanctionsServiceProcess.shared().baseUrl())
                .auth()
                .oauth2(Tokens.forUser("steward"))
                .get("/api/v1/data-version")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
    }

    public static long total(String list) {
        return total(SanctionsServiceProcess.shared().baseUrl(), list);
    }

    /** totalItems of a list of the sanctions-service at {@code baseUrl}. */
    public static long total(String baseUrl, String list) {
        return given().baseUri(baseUrl)
                .auth()
                .oauth2(Tokens.forUser("viewer"))
                .queryParam("size", 1)
                .get("/api/v1/" + list)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("totalItems");
    }

    /** Adds a tightening sanction effective on {@code date} (severity 3 by the rubric: asset freeze); its key. */
    public static String addSanction(String date) {
        String key = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        given().baseUri(SanctionsServiceProcess.shared().baseUrl())
                .auth()
                .oauth2(Tokens.forUser("steward"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "key", key,
                        "authority", "US-OFAC",
                        "title", "Test designation written by the risk-service tests",
                        "targetJurisdiction", "KP",
                        "announcedDate", date,
                        "effectiveDate", date,
                        "measures", List.of("asset-freeze"),
                        "direction", "tightening",
                        "source", "risk-service test"))
                .post("/api/v1/sanctions")
                .then()
                .statusCode(201);
        return key;
    }

    public static void deleteSanction(String key) {
        given().baseUri(SanctionsServiceProcess.shared().baseUrl())
                .auth()
                .oauth2(Tokens.forUser("steward"))
                .delete("/api/v1/sanctions/" + key)
                .then()
                .statusCode(204);
    }
}
