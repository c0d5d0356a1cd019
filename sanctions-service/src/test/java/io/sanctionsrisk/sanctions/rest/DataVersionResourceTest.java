package io.sanctionsrisk.sanctions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DataVersionResourceTest {

    @Test
    void answersTheVersionWithItsEtag() {
        given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .when()
                .get("/api/v1/data-version")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("version", notNullValue())
                .body("lastModified", notNullValue());
    }

    @Test
    void rejectsARequestWithoutTokenWith401Problem() {
        given().when()
                .get("/api/v1/data-version")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sanctionsrisk.io/problems/unauthorized"));
    }
}
