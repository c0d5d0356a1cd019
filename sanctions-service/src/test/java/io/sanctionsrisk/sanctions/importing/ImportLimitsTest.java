package io.sanctionsrisk.sanctions.importing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.sanctionsrisk.sanctions.support.Api;
import org.junit.jupiter.api.Test;

/**
 * Imports are read as streams within limits per line, field, record and file; a file past one is a 413 that names
 * the limit, and nothing is written (defaults: 65,536 characters a line, 16,384 a field, 65,536 bytes a JSON
 * record or STIX object, 100,000 records a file).
 */
@QuarkusTest
class ImportLimitsTest {

    private static final String PATH = "/api/v1/imports";
    private static final String HEADER = "key,name,aliases,description,source,source_url\r\n";

    @Test
    void aCsvFieldOverTheLimitIs413NamingIt() {
        String csv = HEADER + "LIM-1,Name," + "x".repeat(20_000) + ",,,\r\n";
        rejected("text/csv", csv, "sanctions.imports.max-field-chars", 16_384).body("at", equalTo("row 2"));
    }

    @Test
    void aCsvLineOverTheLimitIs413NamingIt() {
        String wide = "y".repeat(15_000);
        String csv = HEADER + "LIM-2," + wide + "," + wide + "," + wide + "," + wide + "," + wide + "\r\n";
        rejected("text/csv", csv, "sanctions.imports.max-line-chars", 65_536).body("at", equalTo("row 2"));
    }

    @Test
    void aCsvFileOverTheRecordLimitIs413NamingIt() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i <= 100_000; i++) {
            csv.append('K').append(i).append(",N,,,,\r\n");
        }
        rejected("text/csv", csv.toString(), "sanctions.imports.max-records", 100_000)
                .body("at", equalTo("row 100002"));
    }

    @Test
    void aJsonStringOverTheFieldLimitIs413() {
        String json = "{\"actors\":[{\"key\":\"LIM-3\",\"name\":\"" + "z".repeat(20_000) + "\"}]}";
        rejected("application/json", json, "sanctions.imports.max-field-chars", 16_384)
                .body("at", equalTo("actors[0]"));
    }

    @Test
    void aJsonRecordOverTheByteLimitIs413() {
        StringBuilder record = new StringBuilder("{\"key\":\"LIM-4\"");
        for (int i = 0; i < 12; i++) {
            record.append(",\"f")
                    .append(i)
                    .append("\":\"")
                    .append("w".repeat(8_000))
                    .append('"');
        }
        String json = "{\"actors\":[" + record + "}]}";
        rejected("application/json", json, "sanctions.imports.max-record-bytes", 65_536)
                .body("at", equalTo("actors[0]"));
    }

    @Test
    void aJsonFileOverTheRecordLimitIs413() {
        StringBuilder json = new StringBuilder("{\"actors\":[{}");
        for (int i = 0; i < 100_000; i++) {
            json.append(",{}");
        }
        json.append("]}");
        rejected("application/json", json.toString(), "sanctions.imports.max-records", 100_000)
                .body("at", equalTo("actors[100000]"));
    }

    @Test
    void aDeeplyNestedJsonRecordIs413() {
        String json = "{\"actors\":[{\"key\":" + "[".repeat(100) + "]".repeat(100) + "}]}";
        rejected("application/json", json, "sanctions.imports.max-json-depth", 32);
    }

    @Test
    void aStixStringOverTheFieldLimitIs413() {
        String stix = "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[{\"type\":\"intrusion-set\","
                + "\"id\":\"intrusion-set--6d3f2a4e-0c38-4a4c-9d8a-8f1f5a0c0f11\",\"name\":\""
                + "v".repeat(20_000) + "\"}]}";
        rejected("application/stix+json", stix, "sanctions.imports.max-field-chars", 16_384)
                .body("at", equalTo("objects[0]"));
    }

    @Test
    void aFileWithinTheLimitsStillImports() {
        String key = Api.key("LIM");
        String csv = HEADER + key + ",Name,," + "a".repeat(3_900) + ",,\r\n";
        Api.steward()
                .contentType("text/csv")
                .queryParam("dryRun", "true")
                .body(csv)
                .post(PATH)
                .then()
                .statusCode(200)
                .body("created.actors", equalTo(1));
    }

    private static ValidatableResponse rejected(String type, String body, String limit, int maximum) {
        Api.State before = Api.state();
        ValidatableResponse response = Api.steward()
                .contentType(type)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(413)
                .contentType(Api.PROBLEM)
                .body("type", equalTo(Api.PROBLEMS + "payload-too-large"))
                .body("limit", equalTo(limit))
                .body("maximum", equalTo(maximum))
                .body("detail", startsWith("the file passes " + limit));
        Api.assertUnchanged(before);
        return response;
    }
}
