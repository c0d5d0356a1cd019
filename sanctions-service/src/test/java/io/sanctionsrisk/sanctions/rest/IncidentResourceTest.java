package io.sanctionsrisk.sanctions.rest;

import static io.sanctionsrisk.sanctions.support.Api.PROBLEM;
import static io.sanctionsrisk.sanctions.support.Api.PROBLEMS;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.sanctions.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class IncidentResourceTest {

    private static final String PATH = "/api/v1/incidents";

    @Test
    void createsAnIncidentWithRegionAndDwellDerived() {
        String actor = Api.key("ACT");
        Api.createActor(actor);
        String key = Api.key("INC");
        Api.steward()
                .body(Api.incident(key, actor))
                .post(PATH)
                .then()
                .statusCode(201)
                .body("region", equalTo("southern-asia"))
                .body("dwellDays", equalTo(371));
        Api.as("analyst")
                .get(PATH + "/" + key)
                .then()
                .statusCode(200)
                .body("country", equalTo("BD"))
                .body("region", equalTo("southern-asia"))
                .body("attemptedUsd", equalTo(951_000_000))
                .body("actor", equalTo(actor));
    }

    @Test
    void storesAMonthPrecisionDateAsTheFirstOfTheMonth() {
        String key = Api.key("INC");
        Map<String, Object> incident = Api.incident(key, null);
        incident.put("firstActionDate", "2018-08-11");
        incident.put("datePrecision", "month");
        incident.remove("intrusionStartDate");
        Api.steward()
                .body(incident)
                .post(PATH)
                .then()
                .statusCode(201)
                .body("firstActionDate", equalTo("2018-08-01"))
                .body("actor", nullValue());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"country,ZZ", "sector,moon-bank", "vector,carrier-pigeon", "actor,NO-SUCH-ACTOR", "datePrecision,week"})
    void rejectsUnknownCodesWith400NamingTheField(String field, String value) {
        Map<String, Object> incident = Api.incident(Api.key("INC"), null);
        incident.put(field, value);
        Api.State before = Api.state();
        Api.steward()
                .body(incident)
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem(containsString(value)));
        Api.assertUnchanged(before);
    }

    @Test
    void rejectsNegativeAmountsWith400() {
        Map<String, Object> incident = Api.incident(Api.key("INC"), null);
        incident.put("attemptedUsd", -5);
        incident.put("realisedUsd", -1);
        Api.State before = Api.state();
        Api.steward()
                .body(incident)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("attemptedUsd"))
                .body("errors.field", hasItem("realisedUsd"));
        Api.assertUnchanged(before);
    }

    @Test
    void rejectsARealisedAmountAboveTheAttemptedWith400() {
        Map<String, Object> incident = Api.incident(Api.key("INC"), null);
        incident.put("attemptedUsd", 100);
        incident.put("realisedUsd", 101);
        Api.State before = Api.state();
        Api.steward()
                .body(incident)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("realisedUsd"))
                .body("errors[0].message", containsString("exceeds"));
        Api.assertUnchanged(before);
    }

    @Test
    void rejectsAnIntrusionStartAfterTheFirstActionWith400() {
        Map<String, Object> incident = Api.incident(Api.key("INC"), null);
        incident.put("intrusionStartDate", "2016-03-01");
        Api.State before = Api.state();
        Api.steward()
                .body(incident)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("intrusionStartDate"));
        Api.assertUnchanged(before);
    }

    @Test
    void rejectsWrongTypesWith400NamingTheField() {
        Api.State before = Api.state();
        Map<String, Object> incident = Api.incident(Api.key("INC"), null);
        incident.put("attemptedUsd", "a lot");
        Api.steward()
                .body(incident)
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("attemptedUsd"))
                .body("errors[0].message", containsString("whole number"));
        incident = Api.incident(Api.key("INC"), null);
        incident.put("attemptedUsd", 12.5);
        Api.steward().body(incident).post(PATH).then().statusCode(400).body("errors[0].field", equalTo("attemptedUsd"));
        incident = Api.incident(Api.key("INC"), null);
        incident.put("firstActionDate", "4 Feb 2016");
        Api.steward()
                .body(incident)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("firstActionDate"))
                .body("errors[0].message", containsString("ISO date"));
        Api.steward().body("[1, 2]").post(PATH).then().statusCode(400).contentType(PROBLEM);
        Api.assertUnchanged(before);
    }

    @Test
    void rejectsAnAttributionConfidenceOutsideZeroToHundred() {
        Map<String, Object> incident = Api.incident(Api.key("INC"), null);
        incident.put("attributionConfidence", 101);
        Api.steward()
                .body(incident)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("attributionConfidence"));
    }

    @Test
    void rejectsAnAttributionConfidenceWithoutAnActorWith400() {
        Map<String, Object> incident = Api.incident(Api.key("INC"), null);
        incident.put("attributionConfidence", 50);
        Api.State before = Api.state();
        Api.steward()
                .body(incident)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("attributionConfidence"))
                .body("errors[0].message", containsString("needs an actor"));
        Api.assertUnchanged(before);
    }

    @Test
    void filtersByEveryCriterion() {
        String actor = Api.key("ACT");
        Api.createActor(actor);
        String inBangladesh = Api.key("INC");
        Map<String, Object> a = Api.incident(inBangladesh, actor);
        a.put("firstActionDate", "2001-05-10");
        a.remove("intrusionStartDate");
        Api.createIncident(a);
        String inChile = Api.key("INC");
        Map<String, Object> b = Api.incident(inChile, actor);
        b.put("firstActionDate", "2001-06-10");
        b.remove("intrusionStartDate");
        b.put("country", "CL");
        b.put("sector", "commercial-bank");
        b.put("vector", "supply-chain");
        Api.createIncident(b);

        Api.as("viewer")
                .queryParam("actor", actor)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.key", contains(inBangladesh, inChile));
        Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("region", "south-america")
                .get(PATH)
                .then()
                .body("items.key", contains(inChile));
        Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("region", "americas")
                .get(PATH)
                .then()
                .body("items.key", contains(inChile));
        Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("country", "BD")
                .get(PATH)
                .then()
                .body("items.key", contains(inBangladesh));
        Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("sector", "commercial-bank")
                .queryParam("vector", "supply-chain")
                .get(PATH)
                .then()
                .body("items.key", contains(inChile));
        Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("from", "2001-06-01")
                .queryParam("to", "2001-06-30")
                .get(PATH)
                .then()
                .body("items.key", contains(inChile));
        Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("country", "BD")
                .queryParam("region", "south-america")
                .get(PATH)
                .then()
                .body("totalItems", equalTo(0));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "country,ZZ",
        "region,atlantis",
        "sector,moon-bank",
        "vector,carrier-pigeon",
        "actor,NO-SUCH-ACTOR",
        "from,yesterday",
        "size,0",
        "size,501",
        "page,-1",
        "page,first",
        "sort,victim"
    })
    void rejectsBadListParametersWith400NamingThem(String parameter, String value) {
        Api.as("viewer")
                .queryParam(parameter, value)
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void rejectsAnInvertedDateRangeWith400() {
        Api.as("viewer")
                .queryParam("from", "2020-01-01")
                .queryParam("to", "2019-01-01")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void pagesInAStableOrder() {
        String actor = Api.key("ACT");
        Api.createActor(actor);
        for (int i = 0; i < 5; i++) {
            Map<String, Object> incident = Api.incident(actor + "-" + i, actor);
            incident.put("firstActionDate", "2002-01-0" + (5 - i % 2));
            incident.remove("intrusionStartDate");
            incident.put("realisedUsd", 1000L * i);
            Api.createIncident(incident);
        }
        List<String> all = Api.as("viewer")
                .queryParam("actor", actor)
                .get(PATH)
                .then()
                .extract()
                .jsonPath()
                .getList("items.key");
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of(actor + "-1", actor + "-3", actor + "-0", actor + "-2", actor + "-4"), all);
        Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get(PATH)
                .then()
                .body("items.key", contains(actor + "-0", actor + "-2"))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(5))
                .body("totalPages", equalTo(3));
        Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("sort", "-realisedUsd")
                .queryParam("size", 2)
                .get(PATH)
                .then()
                .body("items.key", contains(actor + "-4", actor + "-3"));
        Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("page", 9)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void updatesAndDeletesAnIncident() {
        String key = Api.key("INC");
        Api.createIncident(Api.incident(key, null));
        Map<String, Object> update = Api.incident(key, null);
        update.put("country", "PH");
        update.put("version", 0);
        Api.steward()
                .body(update)
                .put(PATH + "/" + key)
                .then()
                .statusCode(200)
                .body("region", equalTo("south-eastern-asia"))
                .body("version", equalTo(1));
        update.put("victim", "stale write");
        Api.steward().body(update).put(PATH + "/" + key).then().statusCode(409);
        Api.steward().delete(PATH + "/" + key).then().statusCode(204);
        Api.as("viewer").get(PATH + "/" + key).then().statusCode(404).contentType(PROBLEM);
    }
}
