package io.sanctionsrisk.sanctions.rest;

import static io.sanctionsrisk.sanctions.support.Api.PROBLEM;
import static io.sanctionsrisk.sanctions.support.Api.PROBLEMS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sanctionsrisk.sanctions.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SanctionResourceTest {

    private static final String PATH = "/api/v1/sanctions";

    @Test
    void createsAndReadsASanctionWithDerivedSeverity() {
        String key = Api.key("SAN");
        long before = Api.dataVersion();
        Api.steward()
                .body(Api.sanction(key))
                .post(PATH)
                .then()
                .statusCode(201)
                .header("Location", containsString(PATH + "/" + key))
                .header("ETag", notNullValue())
                .body("key", equalTo(key))
                .body("derivedSeverity", equalTo(5))
                .body("severity", equalTo(5))
                .body("version", equalTo(0));
        assertEquals(before + 1, Api.dataVersion());
        Api.as("viewer")
                .get(PATH + "/" + key)
                .then()
                .statusCode(200)
                .body("measures", equalTo(List.of("asset-freeze", "banking-restriction", "bulk-cash-ban")))
                .body("direction", equalTo("tightening"))
                .body("audit.createdBy", notNullValue());
    }

    @Test
    void overridesTheSeverityOnlyWithAReason() {
        String key = Api.key("SAN");
        Map<String, Object> sanction = Api.sanction(key);
        sanction.put("measures", List.of("criminal-charges"));
        sanction.put("severityOverride", 4);
        Api.State before = Api.state();
        Api.steward()
                .body(sanction)
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors.field", hasItem("severityOverrideReason"));
        Api.assertUnchanged(before);
        sanction.put("severityOverrideReason", "The charges named the unit behind the heists");
        Api.steward()
                .body(sanction)
                .post(PATH)
                .then()
                .statusCode(201)
                .body("derivedSeverity", equalTo(1))
                .body("severity", equalTo(4))
                .body("severityOverrideReason", containsString("charges"));
    }

    @Test
    void rejectsUnknownAuthorityMeasureDirectionAndJurisdictionWith400NamingEachField() {
        Map<String, Object> sanction = Api.sanction(Api.key("SAN"));
        sanction.put("authority", "NOBODY");
        sanction.put("measures", List.of("asset-freeze", "moon-embargo"));
        sanction.put("direction", "sideways");
        sanction.put("targetJurisdiction", "ZZ");
        Api.State before = Api.state();
        Api.steward()
                .body(sanction)
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors.field", hasItem("authority"))
                .body("errors.field", hasItem("measures"))
                .body("errors.field", hasItem("direction"))
                .body("errors.field", hasItem("targetJurisdiction"))
                .body("errors.message", hasItem(containsString("moon-embargo")));
        Api.assertUnchanged(before);
    }

    @Test
    void rejectsAnEffectiveDateBeforeTheAnnouncementWith400() {
        Map<String, Object> sanction = Api.sanction(Api.key("SAN"));
        sanction.put("effectiveDate", "2013-03-01");
        Api.State before = Api.state();
        Api.steward()
                .body(sanction)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("effectiveDate"));
        Api.assertUnchanged(before);
    }

    @Test
    void rejectsAMissingBodyAndMissingMeasuresWith400() {
        Api.State before = Api.state();
        Api.steward().post(PATH).then().statusCode(400).contentType(PROBLEM);
        Map<String, Object> sanction = Api.sanction(Api.key("SAN"));
        sanction.remove("measures");
        sanction.remove("title");
        Api.steward()
                .body(sanction)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("measures"))
                .body("errors.field", hasItem("title"));
        Api.assertUnchanged(before);
    }

    @Test
    void rejectsACreateWithAnExistingKeyWith409() {
        String key = Api.key("SAN");
        Api.createSanction(Api.sanction(key));
        Api.State before = Api.state();
        Api.steward()
                .body(Api.sanction(key))
                .post(PATH)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "conflict"))
                .body("detail", containsString(key));
        Api.assertUnchanged(before);
    }

    @Test
    void updatesWithTheCurrentVersionAndRejectsAStaleOneWith409() {
        String key = Api.key("SAN");
        Api.createSanction(Api.sanction(key));
        Map<String, Object> update = Api.sanction(key);
        update.put("direction", "easing");
        update.put("measures", List.of("enforcement-weakened"));
        update.put("version", 0);
        Api.steward()
                .body(update)
                .put(PATH + "/" + key)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("direction", equalTo("easing"))
                .body("derivedSeverity", equalTo(2));
        Api.State before = Api.state();
        update.put("title", "A change based on the old version");
        Api.steward()
                .body(update)
                .put(PATH + "/" + key)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "stale-version"));
        Api.assertUnchanged(before);
    }

    @Test
    void honoursIfMatchWithTheEntityTag() {
        String key = Api.key("SAN");
        Api.createSanction(Api.sanction(key));
        String etag = Api.as("viewer").get(PATH + "/" + key).then().extract().header("ETag");
        Map<String, Object> update = Api.sanction(key);
        update.put("title", "Retitled");
        String newTag = Api.steward()
                .header("If-Match", etag)
                .body(update)
                .put(PATH + "/" + key)
                .then()
                .statusCode(200)
                .body("title", equalTo("Retitled"))
                .extract()
                .header("ETag");
        Api.State before = Api.state();
        update.put("title", "Retitled again from a stale tag");
        Api.steward()
                .header("If-Match", etag)
                .body(update)
                .put(PATH + "/" + key)
                .then()
                .statusCode(412)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "precondition-failed"));
        Api.assertUnchanged(before);
        Api.steward().header("If-Match", etag).delete(PATH + "/" + key).then().statusCode(412);
        Api.steward().header("If-Match", newTag).delete(PATH + "/" + key).then().statusCode(204);
    }

    @Test
    void requiresAVersionOrIfMatchOnUpdateWith428() {
        String key = Api.key("SAN");
        Api.createSanction(Api.sanction(key));
        Api.steward()
                .body(Api.sanction(key))
                .put(PATH + "/" + key)
                .then()
                .statusCode(428)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "precondition-required"));
    }

    @Test
    void leavesTheDataVersionAloneWhenAnUpdateChangesNothing() {
        String key = Api.key("SAN");
        Map<String, Object> sanction = Api.sanction(key);
        Api.createSanction(sanction);
        long before = Api.dataVersion();
        sanction.put("version", 0);
        Api.steward()
                .body(sanction)
                .put(PATH + "/" + key)
                .then()
                .statusCode(200)
                .body("version", equalTo(0));
        assertEquals(before, Api.dataVersion());
    }

    @Test
    void rejectsAKeyChangeOnUpdateWith400() {
        String key = Api.key("SAN");
        Api.createSanction(Api.sanction(key));
        Map<String, Object> update = Api.sanction(Api.key("OTHER"));
        update.put("version", 0);
        Api.steward().body(update).put(PATH + "/" + key).then().statusCode(400).body("errors[0].field", equalTo("key"));
    }

    @Test
    void answersUnknownKeysWith404Problem() {
        Api.as("viewer")
                .get(PATH + "/NO-SUCH-SANCTION")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "not-found"))
                .body("detail", containsString("NO-SUCH-SANCTION"));
        Map<String, Object> update = Api.sanction("NO-SUCH-SANCTION");
        update.put("version", 0);
        Api.steward().body(update).put(PATH + "/NO-SUCH-SANCTION").then().statusCode(404);
        Api.steward().delete(PATH + "/NO-SUCH-SANCTION").then().statusCode(404);
    }

    @Test
    void deletesASanctionAndCountsItInTheDataVersion() {
        String key = Api.key("SAN");
        Api.createSanction(Api.sanction(key));
        long before = Api.dataVersion();
        Api.steward().delete(PATH + "/" + key).then().statusCode(204);
        assertEquals(before + 1, Api.dataVersion());
        Api.as("viewer").get(PATH + "/" + key).then().statusCode(404);
    }

    @Test
    void filtersByAuthorityMeasureDirectionAndDates() {
        String key = Api.key("SAN");
        Map<String, Object> sanction = Api.sanction(key);
        sanction.put("authority", "JP");
        sanction.put("announcedDate", "1999-04-01");
        sanction.put("effectiveDate", "1999-04-02");
        sanction.put("measures", List.of("crypto-mixer-designation"));
        Api.createSanction(sanction);
        Api.as("viewer")
                .queryParam("authority", "JP")
                .queryParam("measure", "crypto-mixer-designation")
                .queryParam("from", "1999-01-01")
                .queryParam("to", "1999-12-31")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.key", hasItem(key))
                .body("items.authority", everyItem(equalTo("JP")));
        Api.as("viewer")
                .queryParam("direction", "easing")
                .queryParam("from", "1999-01-01")
                .queryParam("to", "1999-12-31")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.key", not(hasItem(key)));
        Api.as("viewer")
                .queryParam("measure", "moon-embargo")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("measure"));
        Api.as("viewer")
                .queryParam("from", "1999-13-01")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void answersAListWithTheDataVersionEtagAnd304WhenUnchanged() {
        Response first = Api.as("viewer").get(PATH);
        first.then().statusCode(200).header("X-Data-Version", notNullValue());
        String etag = first.header("ETag");
        Api.as("viewer").header("If-None-Match", etag).get(PATH).then().statusCode(304);
        Api.createSanction(Api.sanction(Api.key("SAN")));
        Api.as("viewer").header("If-None-Match", etag).get(PATH).then().statusCode(200);
    }

    @Test
    void answersASingleSanctionWith304ForItsOwnTag() {
        String key = Api.key("SAN");
        Api.createSanction(Api.sanction(key));
        String etag = Api.as("viewer").get(PATH + "/" + key).then().extract().header("ETag");
        Api.as("viewer")
                .header("If-None-Match", etag)
                .get(PATH + "/" + key)
                .then()
                .statusCode(304);
    }

    @Test
    void rejectsWrongTypesAndUnknownFieldsWith400NamingTheField() {
        Api.State before = Api.state();
        Map<String, Object> sanction = Api.sanction(Api.key("SAN"));
        sanction.put("severityOverride", "high");
        Api.steward()
                .body(sanction)
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("severityOverride"));
        sanction = Api.sanction(Api.key("SAN"));
        sanction.put("severty", 3);
        Api.steward()
                .body(sanction)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("severty"))
                .body("errors[0].message", containsString("unknown field"));
        Api.steward()
                .body("{\"key\": \"X\", ")
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "malformed-body"));
        Api.assertUnchanged(before);
    }

    @Test
    void acceptsAFetchedRecordSentBackWithItsReadOnlyFields() {
        String key = Api.key("SAN");
        Api.createSanction(Api.sanction(key));
        Map<String, Object> fetched = Api.as("viewer")
                .get(PATH + "/" + key)
                .then()
                .extract()
                .jsonPath()
                .getMap("");
        fetched.put("title", "Edited after a GET");
        Api.steward()
                .body(fetched)
                .put(PATH + "/" + key)
                .then()
                .statusCode(200)
                .body("title", equalTo("Edited after a GET"))
                .body("version", equalTo(1));
    }
}
