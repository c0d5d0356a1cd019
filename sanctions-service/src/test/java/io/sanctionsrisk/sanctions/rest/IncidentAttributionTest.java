package io.sanctionsrisk.sanctions.rest;

import static io.sanctionsrisk.sanctions.support.Api.PROBLEM;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.sanctions.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When an attribution and a theft became public, and incidents whose country is unknown. */
@QuarkusTest
class IncidentAttributionTest {

    private static final String PATH = "/api/v1/incidents";

    @Test
    void storesAndAnswersTheAttributionAndReportDates() {
        String actor = Api.key("ACT");
        Api.createActor(actor);
        String key = Api.key("INC");
        Map<String, Object> incident = Api.incident(key, actor);
        incident.put("attributedOn", "2018-10-03");
        incident.put("attributedBy", "FireEye");
        incident.put("reportedOn", "2016-03-07");
        Api.steward().body(incident).post(PATH).then().statusCode(201);
        Api.as("viewer")
                .get(PATH + "/" + key)
                .then()
                .statusCode(200)
                .body("attributedOn", equalTo("2018-10-03"))
                .body("attributedBy", equalTo("FireEye"))
                .body("reportedOn", equalTo("2016-03-07"));
    }

    @Test
    void rejectsAnAttributionBeforeTheFirstActionWith400() {
        String actor = Api.key("ACT");
        Api.createActor(actor);
        Map<String, Object> incident = Api.incident(Api.key("INC"), actor);
        incident.put("attributedOn", "2016-02-03");
        rejected(incident, "attributedOn", "before the first action");
    }

    @Test
    void rejectsAReportBeforeTheFirstActionWith400() {
        Map<String, Object> incident = Api.incident(Api.key("INC"), null);
        incident.put("reportedOn", "2015-12-31");
        rejected(incident, "reportedOn", "before the first action");
    }

    @Test
    void rejectsWhoAttributedWithoutTheDateWith400() {
        String actor = Api.key("ACT");
        Api.createActor(actor);
        Map<String, Object> incident = Api.incident(Api.key("INC"), actor);
        incident.put("attributedBy", "FireEye");
        rejected(incident, "attributedBy", "attributedOn");
    }

    @Test
    void rejectsAnAttributionDateWithoutAnActorWith400() {
        Map<String, Object> incident = Api.incident(Api.key("INC"), null);
        incident.put("attributedOn", "2018-10-03");
        rejected(incident, "attributedOn", "needs an actor");
    }

    @Test
    void keepsTheRegionOfAnIncidentWhoseCountryIsUnknown() {
        String key = Api.key("INC");
        Map<String, Object> incident = unknownCountryInAfrica(key);
        Api.steward()
                .body(incident)
                .post(PATH)
                .then()
                .statusCode(201)
                .body("country", nullValue())
                .body("region", equalTo("africa"));
        for (String region : List.of("africa")) {
            Api.as("viewer")
                    .queryParam("region", region)
                    .queryParam("size", 500)
                    .get(PATH)
                    .then()
                    .statusCode(200)
                    .body("items.key", hasItem(key));
        }
        for (Map.Entry<String, String> other :
                Map.of("region", "europe", "country", "ZA").entrySet()) {
            Api.as("viewer")
                    .queryParam(other.getKey(), other.getValue())
                    .queryParam("size", 500)
                    .get(PATH)
                    .then()
                    .statusCode(200)
                    .body("items.key", not(hasItem(key)));
        }
    }

    @Test
    void findsAnIncidentWithUnknownCountryUnderARegionAboveItsOwn() {
        String key = Api.key("INC");
        Map<String, Object> incident = unknownCountryInAfrica(key);
        incident.put("region", "western-africa");
        Api.createIncident(incident);
        Api.as("viewer")
                .queryParam("region", "africa")
                .queryParam("size", 500)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.key", hasItem(key));
        Api.as("viewer")
                .queryParam("region", "eastern-africa")
                .queryParam("size", 500)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.key", not(hasItem(key)));
    }

    @Test
    void derivesTheRegionFromAKnownCountryAndIgnoresAWrittenOne() {
        String key = Api.key("INC");
        Map<String, Object> incident = Api.incident(key, null);
        incident.put("region", "europe");
        Api.steward()
                .body(incident)
                .post(PATH)
                .then()
                .statusCode(201)
                .body("country", equalTo("BD"))
                .body("region", equalTo("southern-asia"));
    }

    @Test
    void rejectsAnUnknownRegionWith400() {
        Map<String, Object> incident = unknownCountryInAfrica(Api.key("INC"));
        incident.put("region", "atlantis");
        rejected(incident, "region", "unknown region code 'atlantis'");
    }

    @Test
    void exportsAndImportsTheNewFieldsAsCsv() {
        String actor = Api.key("ACT");
        Api.createActor(actor);
        String key = Api.key("INC");
        Map<String, Object> incident = unknownCountryInAfrica(key);
        incident.put("actor", actor);
        incident.put("attributionConfidence", 50);
        incident.put("attributedOn", "2018-10-03");
        incident.put("attributedBy", "FireEye");
        incident.put("reportedOn", "2016-06-01");
        Api.createIncident(incident);
        String csv = Api.as("viewer")
                .queryParam("format", "csv")
                .queryParam("kind", "incidents")
                .get("/api/v1/exports")
                .then()
                .statusCode(200)
                .body(containsString("attributed_on,attributed_by,reported_on,region"))
                .extract()
                .asString();
        String row = csv.lines()
                .filter(line -> line.startsWith(key + ","))
                .findFirst()
                .orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(
                row.endsWith(",2018-10-03,FireEye,2016-06-01,africa"), "the row ends with the new columns: " + row);
        String header = csv.lines().findFirst().orElseThrow();
        String edited = header + "\n" + row.replace(",FireEye,", ",UN Panel of Experts,") + "\n";
        Api.steward()
                .contentType("text/csv")
                .body(edited)
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("updated.incidents", equalTo(1));
        Api.as("viewer")
                .get(PATH + "/" + key)
                .then()
                .statusCode(200)
                .body("attributedBy", equalTo("UN Panel of Experts"))
                .body("region", equalTo("africa"));
    }

    @Test
    void importsACsvFileWithoutTheNewColumns() {
        String key = Api.key("INC");
        String csv = "key,first_action_date,date_precision,intrusion_start_date,actor,attribution_confidence,victim,"
                + "sector,country,vector,attempted_usd,realised_usd,destructive,note,source,source_url\n"
                + key + ",2016-02-04,day,,,,Old layout bank,central-bank,BD,swift-fraud,10,5,false,,,\n";
        Api.steward()
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("created.incidents", equalTo(1));
        Api.as("viewer")
                .get(PATH + "/" + key)
                .then()
                .statusCode(200)
                .body("attributedOn", nullValue())
                .body("region", equalTo("southern-asia"));
    }

    private static Map<String, Object> unknownCountryInAfrica(String key) {
        Map<String, Object> incident = Api.incident(key, null);
        incident.remove("country");
        incident.put("region", "africa");
        incident.put("victim", "unnamed");
        incident.put("sector", "commercial-bank");
        return incident;
    }

    private static void rejected(Map<String, Object> incident, String field, String message) {
        Api.steward()
                .body(incident)
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem(containsString(message)));
    }
}
