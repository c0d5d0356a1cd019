package io.sanctionsrisk.sanctions.sources;

import static io.sanctionsrisk.sanctions.sources.SourceLists.PROPOSALS;
import static io.sanctionsrisk.sanctions.sources.SourceLists.fixture;
import static io.sanctionsrisk.sanctions.sources.SourceLists.load;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.sanctionsrisk.sanctions.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Official lists through the review queue: each test owns one source, loads its two fixture files in order and
 * decides the proposals they raise.
 */
@QuarkusTest
class SourceLoadTest {

    @Test
    void unListProposesPerListingDateAndOnlyApprovalReachesTheData() {
        Api.State before = Api.state();
        load("un-consolidated", fixture("un-consolidated-2024-03-01.xml"), "steward")
                .statusCode(200)
                .body("unchanged", equalTo(false))
                .body("published", equalTo("2024-03-01"))
                .body("totalEntries", equalTo(5))
                .body("dprkEntries", equalTo(3))
                .body("added", equalTo(3))
                .body("proposals", hasSize(3));
        Api.assertUnchanged(before);
        List<Map<String, Object>> queued = pending("un-consolidated");
        assertEquals(
                List.of("2009-04-24", "2016-11-30", "2017-06-02"),
                queued.stream().map(p -> p.get("listingDate")).toList());

        load("un-consolidated", fixture("un-consolidated-2024-03-01.xml"), "admin")
                .statusCode(200)
                .body("unchanged", equalTo(true))
                .body("proposals", hasSize(0));
        assertEquals(queued.size(), pending("un-consolidated").size(), "the same file again changes nothing");

        String digest = load("un-consolidated", fixture("un-consolidated-2024-04-01.xml"), "steward")
                .statusCode(200)
                .body("added", equalTo(2))
                .body("removed", equalTo(1))
                .extract()
                .path("digest");
        Api.assertUnchanged(before);
        Map<String, Object> march = pending("un-consolidated").stream()
                .filter(p -> p.get("listingDate").equals("2024-03-28"))
                .findFirst()
                .orElseThrow();
        Api.as("viewer")
                .get(PROPOSALS + "/" + march.get("id"))
                .then()
                .statusCode(200)
                .body("entries.ref", containsInAnyOrder("KPi.903", "KPe.902"))
                .body("entries.change", containsInAnyOrder("added", "added"))
                .body("loadDigest", equalTo(digest));

        long version = Api.dataVersion();
        String decidedBy = Api.steward()
                .post(PROPOSALS + "/" + march.get("id") + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("approved"))
                .body("sanctionKey", equalTo("UN-DPRK-2024-03-28"))
                .extract()
                .path("decidedBy");
        assertEquals(version + 1, Api.dataVersion(), "an approval moves the data version by exactly one");
        // The history keeps the load, the decision and the event it wrote, with the approver and the version.
        Api.steward()
                .queryParam("entity", "source-load")
                .queryParam("key", "un-consolidated:" + digest)
                .get("/api/v1/history")
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("loaded")))
                .body("items[0].after.added", equalTo(2));
        Api.steward()
                .queryParam("entity", "proposal")
                .queryParam("key", String.valueOf(march.get("id")))
                .get("/api/v1/history")
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("approved")))
                .body("items[0].via", equalTo("review"))
                .body("items[0].subject", equalTo(decidedBy))
                .body("items[0].dataVersion", equalTo((int) version + 1))
                .body("items[0].before.status", equalTo("pending"))
                .body("items[0].after.status", equalTo("approved"));
        Api.steward()
                .queryParam("entity", "sanction")
                .queryParam("key", "UN-DPRK-2024-03-28")
                .get("/api/v1/history")
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("created")))
                .body("items[0].via", equalTo("review"))
                .body("items[0].dataVersion", equalTo((int) version + 1));
        Api.as("viewer")
                .get("/api/v1/sanctions/UN-DPRK-2024-03-28")
                .then()
                .statusCode(200)
                .body("authority", equalTo("UNSC"))
                .body("targetJurisdiction", equalTo("KP"))
                .body("announcedDate", equalTo("2024-03-28"))
                .body("measures", containsInAnyOrder("asset-freeze", "travel-ban"))
                .body("direction", equalTo("tightening"))
                .body("note", containsString("KPi.903"))
                .body("note", containsString(digest))
                .body("note", containsString(decidedBy))
                .body("audit.createdBy", equalTo(decidedBy))
                .body("sourceUrl", containsString("scsanctions.un.org"));
        Api.steward()
                .post(PROPOSALS + "/" + march.get("id") + "/approval")
                .then()
                .statusCode(409);
        assertEquals(version + 1, Api.dataVersion(), "a second decision changes nothing");
    }

    @Test
    void ofacListFromABaselineProposesOnlyTheChangesAndARejectionKeepsItsReason() {
        load("ofac-sdn", fixture("ofac-sdn-2024-03-01.xml"), "steward")
                .statusCode(200)
                .body("baseline", equalTo(false))
                .body("dprkEntries", equalTo(3));
        List<Map<String, Object>> first = pending("ofac-sdn");
        assertEquals(1, first.size(), "no designation dates in sdn.xml: the publication date groups them");
        assertEquals("2024-03-01", first.get(0).get("listingDate"));
        JsonPath entries = Api.as("viewer")
                .get(PROPOSALS + "/" + first.get(0).get("id"))
                .then()
                .extract()
                .jsonPath();
        assertEquals(
                List.of("90001", "90002", "90005"),
                entries.getList("entries.ref"),
                "DPRK programs and North Korean CYBER2 only");

        Api.steward()
                .contentType("application/json")
                .body(Map.of("reason", " "))
                .post(PROPOSALS + "/" + first.get(0).get("id") + "/rejection")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        long version = Api.dataVersion();
        Api.steward()
                .contentType("application/json")
                .body(Map.of("reason", "Designations of earlier years, recorded already"))
                .post(PROPOSALS + "/" + first.get(0).get("id") + "/rejection")
                .then()
                .statusCode(200)
                .body("status", equalTo("rejected"))
                .body("reason", equalTo("Designations of earlier years, recorded already"));
        assertEquals(version, Api.dataVersion(), "a rejection writes no data");
        Api.steward()
                .queryParam("entity", "proposal")
                .queryParam("key", String.valueOf(first.get(0).get("id")))
                .get("/api/v1/history")
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("rejected")))
                .body("items[0].dataVersion", equalTo((int) version))
                .body("items[0].changed", org.hamcrest.Matchers.hasItem("reason"));
        assertTrue(proposalIdsOf("rejected").contains(((Number) first.get(0).get("id")).intValue()));

        load("ofac-sdn", fixture("ofac-sdn-2024-04-15.xml"), "steward")
                .statusCode(200)
                .body("added", equalTo(1))
                .body("removed", equalTo(1));
        List<Map<String, Object>> second = pending("ofac-sdn");
        assertEquals(1, second.size());
        Object id = second.get(0).get("id");
        Api.as("viewer")
                .get(PROPOSALS + "/" + id)
                .then()
                .body("listingDate", equalTo("2024-04-15"))
                .body("entries.ref", containsInAnyOrder("90006", "90005"))
                .body("entries.change", containsInAnyOrder("added", "removed"));
        Api.as("viewer").post(PROPOSALS + "/" + id + "/approval").then().statusCode(403);
        Api.as("admin").post(PROPOSALS + "/" + id + "/approval").then().statusCode(200);
        assertEquals(version + 1, Api.dataVersion());
        Api.as("viewer")
                .get("/api/v1/sanctions/OFAC-SDN-DPRK-2024-04-15")
                .then()
                .statusCode(200)
                .body("authority", equalTo("US-OFAC"))
                .body("measures", equalTo(List.of("asset-freeze")))
                .body("note", containsString("90006"));
        String metrics =
                RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(
                metrics.lines()
                        .anyMatch(line -> line.startsWith("sanctions_source_age_seconds{source=\"ofac-sdn\"}")
                                && !line.endsWith("NaN")),
                "the age of the OFAC list is reported once it is loaded");
    }

    @Test
    void everyReaderSeesTheQueueButOnlyStewardsLoad() {
        for (String user : List.of("viewer", "analyst", "policy", "steward", "admin")) {
            Api.as(user).get(PROPOSALS).then().statusCode(200);
            Api.as(user).get(SourceLists.SOURCES).then().statusCode(200).body("source", hasItem("ofac-sdn"));
        }
        for (String user : List.of("viewer", "analyst", "policy")) {
            load("ofac-sdn", fixture("ofac-sdn-2024-03-01.xml"), user).statusCode(403);
        }
        Api.as("viewer").queryParam("status", "maybe").get(PROPOSALS).then().statusCode(400);
    }

    private static List<Map<String, Object>> pending(String source) {
        return Api.as("analyst")
                .queryParam("status", "pending")
                .get(PROPOSALS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("")
                .stream()
                .filter(p -> p.get("source").equals(source))
                .toList();
    }

    private static List<Integer> proposalIdsOf(String status) {
        return SourceLists.proposalIds(status);
    }
}
