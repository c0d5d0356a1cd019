package io.sanctionsrisk.sanctions.history;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sanctionsrisk.sanctions.support.Api;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every write keeps its history, in its own transaction, and the application's database user cannot change or
 * remove a history row.
 */
@QuarkusTest
class ChangeHistoryTest {

    private static final String HISTORY = "/api/v1/history";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void recordsWhoChangedWhatWhenAndTheDataVersionOfCreateUpdateAndDelete() {
        String key = Api.key("HST");
        Api.asClient("steward-sync")
                .body(Api.actor(key))
                .post("/api/v1/actors")
                .then()
                .statusCode(201);
        long created = Api.dataVersion();
        Map<String, Object> update = Api.actor(key);
        update.put("name", "Renamed by the history test");
        update.put("version", 0);
        Api.steward().body(update).put("/api/v1/actors/" + key).then().statusCode(200);
        long updated = Api.dataVersion();
        Api.steward().delete("/api/v1/actors/" + key).then().statusCode(204);
        long deleted = Api.dataVersion();

        JsonPath page = Api.steward()
                .queryParam("entity", "actor")
                .queryParam("key", key)
                .get(HISTORY)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .extract()
                .jsonPath();
        assertEquals(List.of("created", "updated", "deleted"), page.getList("items.action"));
        assertEquals(List.of(created, updated, deleted), page.getList("items.dataVersion", Long.class));
        assertEquals(List.of("steward-sync", "dashboard", "dashboard"), page.getList("items.client"));
        assertEquals(List.of("api", "api", "api"), page.getList("items.via"));
        assertTrue(page.getList("items.subject").stream().allMatch(subject -> subject != null));
        assertEquals(key, page.getString("items[0].after.key"));
        assertEquals(null, (Object) page.get("items[0].before"));
        assertEquals("Test actor " + key, page.getString("items[1].before.name"));
        assertEquals("Renamed by the history test", page.getString("items[1].after.name"));
        assertTrue(page.getList("items[1].changed").contains("name"));
        assertTrue(!page.getList("items[1].changed").contains("aliases"));
        assertEquals("Renamed by the history test", page.getString("items[2].before.name"));
        assertEquals(null, (Object) page.get("items[2].after"));
    }

    @Test
    void aRefusedWriteLeavesNoHistory() {
        String key = Api.key("HST");
        Api.createActor(key);
        Api.steward().body(Api.actor(key)).post("/api/v1/actors").then().statusCode(409);
        Api.steward()
                .queryParam("key", key)
                .get(HISTORY)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].action", equalTo("created"));
    }

    @Test
    void anImportRecordsEachRecordItChangesAndADryRunNone() {
        String key = Api.key("HST");
        String csv = "key,name,aliases,description,source,source_url\r\n" + key + ",Imported actor,,,,\r\n";
        Api.steward()
                .contentType("text/csv")
                .queryParam("dryRun", "true")
                .body(csv)
                .post("/api/v1/imports")
                .then()
                .statusCode(200);
        Api.steward().queryParam("key", key).get(HISTORY).then().body("totalItems", equalTo(0));
        long version = Long.parseLong(Api.steward()
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Data-Version"));
        Api.steward()
                .queryParam("entity", "actor")
                .queryParam("key", key)
                .get(HISTORY)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].via", equalTo("import"))
                .body("items[0].action", equalTo("created"))
                .body("items[0].dataVersion", equalTo((int) version))
                .body("items[0].after.name", equalTo("Imported actor"));
    }

    @Test
    void theSeedIsRecordedAsTheSystem() {
        Api.as("admin")
                .queryParam("subject", "system:seed")
                .queryParam("size", 1)
                .get(HISTORY)
                .then()
                .statusCode(200)
                .body("items[0].via", equalTo("seed"))
                .body("items[0].client", equalTo("sanctions-service"));
    }

    @Test
    void onlyStewardsAndAdminsReadItAndBadParametersAre400() {
        Api.as("viewer").get(HISTORY).then().statusCode(403);
        Api.as("analyst").get(HISTORY).then().statusCode(403);
        io.restassured.RestAssured.given().get(HISTORY).then().statusCode(401);
        Api.steward()
                .queryParam("entity", "nonsense")
                .get(HISTORY)
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM)
                .body("errors.field", hasItem("entity"));
        Api.steward()
                .queryParam("from", "yesterday")
                .get(HISTORY)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("from"));
        Api.steward()
                .queryParam("from", "2030-01-03")
                .queryParam("to", "2030-01-01")
                .get(HISTORY)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("to"));
        Api.steward()
                .queryParam("from", "2999-01-01")
                .get(HISTORY)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0))
                .body("items[0]", nullValue());
    }

    @Test
    void theApplicationsDatabaseUserCannotUpdateDeleteOrTruncateHistory() throws SQLException {
        Api.createActor(Api.key("HST"));
        long rows = count();
        assertTrue(rows > 0);
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            // The same user the service runs as (and, in the tests, the table's owner).
            assertEquals("sanctions", connection.getMetaData().getUserName());
            SQLException update = assertThrows(
                    SQLException.class, () -> sql.executeUpdate("update change_history set subject = 'x'"));
            assertEquals("42501", update.getSQLState(), update.getMessage());
            SQLException delete =
                    assertThrows(SQLException.class, () -> sql.executeUpdate("delete from change_history"));
            assertEquals("42501", delete.getSQLState(), delete.getMessage());
            SQLException truncate = assertThrows(SQLException.class, () -> sql.execute("truncate change_history"));
            assertEquals("42501", truncate.getSQLState(), truncate.getMessage());
        }
        assertEquals(rows, count());
    }

    @Test
    void theTriggerRefusesEvenWhereThePrivilegeIsGrantedBack() throws SQLException {
        Api.createActor(Api.key("HST"));
        long rows = count();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                // The owner can grant itself the privileges again; the trigger still refuses.
                sql.execute("grant update, delete on change_history to current_user");
                SQLException update = assertThrows(
                        SQLException.class, () -> sql.executeUpdate("update change_history set subject = 'x'"));
                assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        assertEquals(rows, count());
    }

    private long count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery("select count(*) from change_history")) {
            result.next();
            return result.getLong(1);
        }
    }
}
