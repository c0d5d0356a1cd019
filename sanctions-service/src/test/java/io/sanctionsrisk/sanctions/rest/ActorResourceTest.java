package io.sanctionsrisk.sanctions.rest;

import static io.sanctionsrisk.sanctions.support.Api.PROBLEM;
import static io.sanctionsrisk.sanctions.support.Api.PROBLEMS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.sanctions.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActorResourceTest {

    private static final String PATH = "/api/v1/actors";

    @Test
    void createsListsAndReadsAnActorWithItsAliases() {
        String key = Api.key("ACT");
        Api.createActor(key);
        Api.as("policy")
                .get(PATH + "/" + key)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("aliases", equalTo(List.of("Alias one", "Alias two")));
        Api.as("policy")
                .queryParam("size", 500)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.key", hasItem(key));
    }

    @Test
    void replacesTheAliases() {
        String key = Api.key("ACT");
        Api.createActor(key);
        Map<String, Object> update = Api.actor(key);
        update.put("aliases", List.of("Alias two", " Alias three ", "Alias two", ""));
        update.put("version", 0);
        Api.steward()
                .body(update)
                .put(PATH + "/" + key)
                .then()
                .statusCode(200)
                .body("aliases", equalTo(List.of("Alias two", "Alias three")));
    }

    @Test
    void refusesToDeleteAnActorThatIncidentsNameWith409() {
        String key = Api.key("ACT");
        Api.createActor(key);
        Api.createIncident(Api.incident(Api.key("INC"), key));
        Api.State before = Api.state();
        Api.steward()
                .delete(PATH + "/" + key)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "conflict"))
                .body("detail", containsString("incident"));
        Api.assertUnchanged(before);
    }

    @Test
    void deletesAnUnreferencedActor() {
        String key = Api.key("ACT");
        Api.createActor(key);
        Api.steward().delete(PATH + "/" + key).then().statusCode(204);
        Api.as("viewer").get(PATH + "/" + key).then().statusCode(404);
    }

    @Test
    void rejectsAnActorWithoutNameOrWithABadKeyOrUrlWith400() {
        Map<String, Object> actor = Api.actor("has space");
        actor.remove("name");
        actor.put("sourceUrl", "ftp:/nowhere");
        Api.State before = Api.state();
        Api.steward()
                .body(actor)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("key"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("sourceUrl"));
        Api.assertUnchanged(before);
    }
}
