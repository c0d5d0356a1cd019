package io.sanctionsrisk.sanctions.rest;

import static io.sanctionsrisk.sanctions.support.Api.PROBLEM;
import static io.sanctionsrisk.sanctions.support.Api.PROBLEMS;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.sanctions.support.Api;
import io.sanctionsrisk.sanctions.support.Listing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class IncidentCursorPagingTest {

    private static final String PATH = "/api/v1/incidents";

    /**
     * Incidents of a new actor with tied dates, tied amounts and unknown (null) amounts, keyed {@code actor-00}..;
     * returns the actor. Row i: date, attempted, realised.
     */
    private static String tiesAndNulls() {
        String actor = Api.key("ACT");
        Api.createActor(actor);
        Object[][] rows = {
            {"2003-03-01", 500L, 100L},
            {"2003-03-01", 500L, null},
            {"2003-01-15", null, null},
            {"2003-03-01", 900L, 100L},
            {"2003-02-01", null, null},
            {"2003-01-15", 500L, 500L},
            {"2003-02-01", 900L, 0L},
            {"2003-03-01", 100L, 100L},
            {"2003-02-01", 500L, null},
            {"2003-01-15", null, null},
            {"2003-03-01", 0L, 0L},
            {"2003-02-01", 900L, 100L},
            {"2003-01-15", 500L, 100L}
        };
        for (int i = 0; i < rows.length; i++) {
            // Keys created out of order, so the key order is not the insertion order.
            int n = (i * 5) % rows.length;
            Map<String, Object> incident = Api.incident(String.format("%s-%02d", actor, n), actor);
            incident.remove("intrusionStartDate");
            incident.put("firstActionDate", rows[n][0]);
            incident.put("attemptedUsd", rows[n][1]);
            incident.put("realisedUsd", rows[n][2]);
            Api.createIncident(incident);
        }
        return actor;
    }

    @ParameterizedTest(name = "sort={0}")
    @ValueSource(
            strings = {
                "firstActionDate",
                "-firstActionDate",
                "key",
                "-key",
                "attemptedUsd",
                "-attemptedUsd",
                "realisedUsd",
                "-realisedUsd"
            })
    void walkingByCursorServesTheRowsOfOffsetPagingInTheSameOrder(String sort) {
        String actor = tiesAndNulls();
        for (int size : new int[] {1, 2, 3, 5, 13, 50}) {
            Map<String, String> query = Map.of("actor", actor, "sort", sort);
            List<String> byOffset = Listing.byOffset(query, size);
            assertEquals(13, byOffset.size());
            assertEquals(byOffset, Listing.byCursor(query, size), "sort " + sort + ", size " + size);
        }
        Map<String, String> everything = Map.of("sort", sort);
        List<String> all = Listing.byOffset(everything, 17);
        assertEquals(all, Listing.byCursor(everything, 17), "the whole list, sort " + sort);
        assertEquals(all.size(), all.stream().distinct().count());
    }

    @Test
    void nullAmountsComeAfterEveryAmountAscendingAndBeforeEveryAmountDescending() {
        String actor = tiesAndNulls();
        String k = actor + "-";
        List<String> nulls = List.of(k + "01", k + "02", k + "04", k + "08", k + "09");
        List<String> realised = Listing.byCursor(Map.of("actor", actor, "sort", "realisedUsd"), 4);
        assertEquals(nulls, realised.subList(8, 13));
        assertEquals(List.of(k + "06", k + "10"), realised.subList(0, 2), "ties by key");
        List<String> descending = Listing.byCursor(Map.of("actor", actor, "sort", "-realisedUsd"), 4);
        assertEquals(nulls, descending.subList(0, 5));
        assertEquals(List.of(k + "05", k + "00", k + "03", k + "07"), descending.subList(5, 9), "ties by key");
    }

    @Test
    void keepsTheFiltersOnEveryPage() {
        String actor = tiesAndNulls();
        Map<String, String> query = Map.of("actor", actor, "from", "2003-02-01", "to", "2003-02-28");
        List<String> keys = Listing.byCursor(query, 2);
        assertEquals(List.of(actor + "-04", actor + "-06", actor + "-08", actor + "-11"), keys);
        String cursor = firstCursor(Map.of("actor", actor, "country", "BD", "sort", "-attemptedUsd"), 2);
        Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("country", "BD")
                .queryParam("sort", "-attemptedUsd")
                .queryParam("size", 2)
                .queryParam("cursor", cursor)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.country", everyItem(equalTo("BD")))
                .body("items.actor", everyItem(equalTo(actor)))
                .body("page", nullValue())
                .body("size", equalTo(2))
                .body("totalItems", equalTo(13))
                .body("totalPages", equalTo(7));
    }

    @Test
    void offsetPagesCarryTheCursorOfTheirNextPageAndTheLastPageNone() {
        String actor = tiesAndNulls();
        String cursor = Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("size", 5)
                .queryParam("page", 1)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("nextCursor", notNullValue())
                .extract()
                .jsonPath()
                .getString("nextCursor");
        List<String> third = Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("size", 5)
                .queryParam("page", 2)
                .get(PATH)
                .then()
                .body("items", hasSize(3))
                .body("nextCursor", nullValue())
                .extract()
                .jsonPath()
                .getList("items.key");
        Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("size", 5)
                .queryParam("cursor", cursor)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.key", equalTo(third))
                .body("nextCursor", nullValue());
    }

    @Test
    void aCursorContinuesAfterItsRowWhenRowsAreAddedOrDeleted() {
        String actor = tiesAndNulls();
        Map<String, String> query = Map.of("actor", actor);
        String cursor = firstCursor(query, 4);
        List<String> before = Listing.byOffset(query, 13);
        // Delete the row the cursor names and add one before it: the next page still starts right after it.
        Api.steward().delete(PATH + "/" + before.get(3)).then().statusCode(204);
        Map<String, Object> early = Api.incident(actor + "-99", actor);
        early.remove("intrusionStartDate");
        early.put("firstActionDate", "2003-01-01");
        Api.createIncident(early);
        Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("size", 4)
                .queryParam("cursor", cursor)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.key", contains(before.subList(4, 8).toArray()))
                .body("totalItems", equalTo(13));
    }

    @Test
    void rejectsACursorTogetherWithAPageWith400NamingPage() {
        String actor = tiesAndNulls();
        String cursor = firstCursor(Map.of("actor", actor), 2);
        Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("size", 2)
                .queryParam("page", 0)
                .queryParam("cursor", cursor)
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors[0].field", equalTo("page"))
                .body("errors[0].message", containsString("cursor"));
    }

    @Test
    void rejectsACursorOfAnotherSortOrOtherFiltersWith400NamingCursor() {
        String actor = tiesAndNulls();
        String cursor = firstCursor(Map.of("actor", actor, "sort", "realisedUsd"), 2);
        assertBadCursor(Map.of("actor", actor, "sort", "-realisedUsd"), cursor, "sort 'realisedUsd'");
        assertBadCursor(Map.of("actor", actor, "sort", "attemptedUsd"), cursor, "sort 'realisedUsd'");
        assertBadCursor(Map.of("actor", actor), cursor, "sort 'realisedUsd'");
        assertBadCursor(Map.of("actor", actor, "sort", "realisedUsd", "country", "BD"), cursor, "other filters");
        assertBadCursor(Map.of("sort", "realisedUsd"), cursor, "other filters");
        // The default order and its explicit name are the same order.
        String byDate = firstCursor(Map.of("actor", actor), 2);
        Api.as("viewer")
                .queryParam("actor", actor)
                .queryParam("sort", "firstActionDate")
                .queryParam("cursor", byDate)
                .get(PATH)
                .then()
                .statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "not a cursor",
                "%%%",
                "AAAA",
                "eyJwYWdlIjogMTAwMH0",
                "MXxmaXJzdEFjdGlvbkRhdGV8",
                "////////////////////////////////////////"
            })
    void rejectsMalformedCursorsWith400NamingCursor(String cursor) {
        assertBadCursor(Map.of(), cursor, "cursor");
    }

    @Test
    void rejectsAlteredTruncatedAndOverlongCursorsWith400NamingCursor() {
        String actor = tiesAndNulls();
        Map<String, String> query = Map.of("actor", actor, "sort", "-attemptedUsd");
        String cursor = firstCursor(query, 3);
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        // Another key, the check left as it was.
        String otherKey = text.replace(actor + "-", actor.substring(0, actor.length() - 1) + "X-");
        assertBadCursor(query, encode(otherKey), "altered");
        // Another amount.
        String[] parts = text.split("\\|", -1);
        parts[3] = "1";
        assertBadCursor(query, encode(String.join("|", parts)), "altered");
        assertBadCursor(query, cursor.substring(0, cursor.length() - 3), "cursor");
        assertBadCursor(query, cursor + "A", "cursor");
        assertBadCursor(query, cursor.repeat(20), "longer");
        // A cursor whose check matches but whose amount is unreadable is still a 400, never a 500.
        assertBadCursor(query, signed(parts[0], parts[1], parts[2], "lots", parts[4]), "unreadable");
        assertBadCursor(query, signed(parts[0], parts[1], parts[2], "-5", parts[4]), "negative");
        assertBadCursor(query, signed(parts[0], parts[1], parts[2], "5", "no key!"), "key");
        assertBadCursor(query, signed("2", parts[1], parts[2], "5", parts[4]), "unknown format");
        Map<String, String> byDate = Map.of("actor", actor);
        String[] date = new String(Base64.getUrlDecoder().decode(firstCursor(byDate, 3)), StandardCharsets.US_ASCII)
                .split("\\|", -1);
        assertBadCursor(byDate, signed(date[0], date[1], date[2], "", date[4]), "no firstActionDate");
        assertBadCursor(byDate, signed(date[0], date[1], date[2], "2003-02-30", date[4]), "unreadable");
    }

    @Test
    void aBadCursorChangesNothing() {
        Api.State before = Api.state();
        assertBadCursor(Map.of(), "garbage", "cursor");
        Api.assertUnchanged(before);
    }

    private static String firstCursor(Map<String, String> query, int size) {
        var request = Api.as("viewer").queryParam("size", size);
        query.forEach(request::queryParam);
        return request.get(PATH)
                .then()
                .statusCode(200)
                .body("nextCursor", notNullValue())
                .extract()
                .jsonPath()
                .getString("nextCursor");
    }

    private static void assertBadCursor(Map<String, String> query, String cursor, String message) {
        var request = Api.as("viewer").queryParam("cursor", cursor);
        query.forEach(request::queryParam);
        request.get(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors[0].field", equalTo("cursor"))
                .body("errors[0].message", containsString(message));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** A cursor in the documented format with a matching check, whatever its fields say. */
    private static String signed(String... fields) {
        String payload = String.join("|", fields);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
            return encode(payload + "|" + HexFormat.of().formatHex(hash).substring(0, 16));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
