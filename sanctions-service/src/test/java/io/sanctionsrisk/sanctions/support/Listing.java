package io.sanctionsrisk.sanctions.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Walks the incident list to its end, by page number or by cursor, and gives the keys in the order served. */
public final class Listing {

    private static final String PATH = "/api/v1/incidents";

    private Listing() {}

    /** Every key, page by page through {@code page=0,1,...}. */
    public static List<String> byOffset(Map<String, String> query, int size) {
        List<String> keys = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath answer = get(query, size, Map.of("page", String.valueOf(page)));
            List<String> items = answer.getList("items.key");
            keys.addAll(items);
            if (items.size() < size) {
                return keys;
            }
        }
    }

    /** Every key, following nextCursor from the first page; checks that the last page carries no cursor. */
    public static List<String> byCursor(Map<String, String> query, int size) {
        JsonPath answer = get(query, size, Map.of());
        List<String> keys = new ArrayList<>(answer.getList("items.key"));
        long total = answer.getLong("totalItems");
        int pages = 1;
        while (answer.getString("nextCursor") != null) {
            assertTrue(pages++ <= total, "more pages than items: the cursor does not advance");
            answer = get(query, size, Map.of("cursor", answer.getString("nextCursor")));
            assertNull(answer.get("page"), "a page asked for by cursor has no number");
            assertEquals(total, answer.getLong("totalItems"));
            keys.addAll(answer.getList("items.key"));
        }
        return keys;
    }

    private static JsonPath get(Map<String, String> query, int size, Map<String, String> more) {
        RequestSpecification request = Api.as("viewer").queryParam("size", size);
        query.forEach(request::queryParam);
        more.forEach(request::queryParam);
        return request.get(PATH).then().statusCode(200).extract().jsonPath();
    }
}
