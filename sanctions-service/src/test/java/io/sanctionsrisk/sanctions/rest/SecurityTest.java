package io.sanctionsrisk.sanctions.rest;

import static io.restassured.RestAssured.given;
import static io.sanctionsrisk.sanctions.support.Api.PROBLEM;
import static io.sanctionsrisk.sanctions.support.Api.PROBLEMS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsrisk.sanctions.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Role checks with real Keycloak tokens, per DESIGN.md's route table. */
@QuarkusTest
class SecurityTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/sanctions",
                "/api/v1/incidents",
                "/api/v1/actors",
                "/api/v1/taxonomy/sectors",
                "/api/v1/timeline",
                "/api/v1/exports?format=json",
                "/api/v1/data-version"
            })
    void answersEveryReadWithoutTokenWith401Problem(String path) {
        given().when()
                .get(path)
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo(PROBLEMS + "unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void answersAForgedTokenWith401Problem() {
        given().auth()
                .oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .when()
                .get("/api/v1/sanctions")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "unauthorized"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"viewer", "analyst", "policy", "steward", "admin"})
    void letsEveryRealmRoleRead(String user) {
        Api.as(user).get("/api/v1/sanctions").then().statusCode(200);
        Api.as(user).get("/api/v1/taxonomy/countries").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"viewer", "analyst", "policy"})
    void refusesWritesWithoutTheStewardRoleWith403Problem(String user) {
        Api.State before = Api.state();
        Api.as(user)
                .body(Api.actor(Api.key("ACT")))
                .post("/api/v1/actors")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "forbidden"));
        Api.as(user)
                .contentType("text/csv")
                .body("key,name,aliases,description,source,source_url\r\nX-1,X,,,,\r\n")
                .post("/api/v1/imports")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        Api.as(user).delete("/api/v1/sanctions/UNSC-2094").then().statusCode(403);
        Api.assertUnchanged(before);
    }

    @Test
    void letsStewardAndAdminWrite() {
        Api.as("steward")
                .body(Api.actor(Api.key("ACT")))
                .post("/api/v1/actors")
                .then()
                .statusCode(201);
        Api.as("admin")
                .body(Api.actor(Api.key("ACT")))
                .post("/api/v1/actors")
                .then()
                .statusCode(201);
    }

    @Test
    void appliesTheRouteTableToServiceClients() {
        Api.asClient("bank-risk-engine").get("/api/v1/incidents").then().statusCode(200);
        Api.asClient("risk-service").get("/api/v1/data-version").then().statusCode(200);
        Api.asClient("bank-risk-engine")
                .body(Api.actor(Api.key("ACT")))
                .post("/api/v1/actors")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        Api.asClient("risk-service")
                .body(Api.actor(Api.key("ACT")))
                .post("/api/v1/actors")
                .then()
                .statusCode(403);
        Api.asClient("steward-sync")
                .body(Api.actor(Api.key("ACT")))
                .post("/api/v1/actors")
                .then()
                .statusCode(201);
    }

    @Test
    void recordsTheTokenSubjectAndClientOnEveryWrite() {
        String key = Api.key("ACT");
        Api.asClient("steward-sync")
                .body(Api.actor(key))
                .post("/api/v1/actors")
                .then()
                .statusCode(201)
                .body("audit.createdBy", notNullValue())
                .body("audit.createdByClient", equalTo("steward-sync"))
                .body("audit.createdAt", notNullValue());
        String version = Api.as("viewer")
                .get("/api/v1/actors/" + key)
                .then()
                .extract()
                .path("version")
                .toString();
        var update = Api.actor(key);
        update.put("name", "Renamed");
        update.put("version", Long.parseLong(version));
        Api.as("steward")
                .body(update)
                .put("/api/v1/actors/" + key)
                .then()
                .statusCode(200)
                .body("audit.createdByClient", equalTo("steward-sync"))
                .body("audit.updatedByClient", equalTo("dashboard"))
                .body(
                        "audit.updatedBy",
                        not(equalTo(Api.as("viewer")
                                .get("/api/v1/actors/" + key)
                                .then()
                                .extract()
                                .path("audit.createdBy"))));
    }

    @Test
    void servesHealthAndOpenApiWithoutToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().accept(ContentType.JSON)
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/incidents'", notNullValue())
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void checksTheReadinessOfTheDatabase() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }
}
