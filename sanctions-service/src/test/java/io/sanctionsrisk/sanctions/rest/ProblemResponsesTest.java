package io.sanctionsrisk.sanctions.rest;

import static io.sanctionsrisk.sanctions.support.Api.PROBLEM;
import static io.sanctionsrisk.sanctions.support.Api.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.sanctions.support.Api;
import io.sanctionsrisk.sanctions.web.ProblemMappers;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** Errors outside the resources' own checks are problem+json too, and a 500 gives away nothing but an id. */
@QuarkusTest
class ProblemResponsesTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void answersAnUnknownPathWith404Problem() {
        Api.as("viewer")
                .get("/api/v1/sanctions/UNSC-2094/nothing")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void answersAnUnsupportedMethodWith405Problem() {
        Api.steward()
                .body("{}")
                .patch("/api/v1/sanctions/UNSC-2094")
                .then()
                .statusCode(405)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "method-not-allowed"));
    }

    @Test
    void answersAnUnacceptableMediaTypeWith406Problem() {
        Api.as("viewer")
                .accept("application/xml")
                .get("/api/v1/sanctions")
                .then()
                .statusCode(406)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "not-acceptable"));
    }

    @Test
    void answersAnUnexpectedFailureWith500CarryingOnlyAnErrorId() throws Exception {
        Response response = new ProblemMappers(mapper)
                .unexpected(new IllegalStateException("connection string secret=hunter2"), null);
        String body = (String) response.getEntity();
        assertEquals(500, response.getStatus());
        assertEquals(PROBLEM, response.getMediaType().toString());
        String errorId = mapper.readTree(body).path("errorId").asText();
        assertFalse(errorId.isBlank());
        assertTrue(mapper.readTree(body).path("detail").asText().contains(errorId));
        assertFalse(body.contains("IllegalStateException"), body);
        assertFalse(body.contains("hunter2"), body);
    }
}
