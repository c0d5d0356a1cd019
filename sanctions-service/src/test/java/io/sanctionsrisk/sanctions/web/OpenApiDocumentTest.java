package io.sanctionsrisk.sanctions.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.testing.OpenApiLint;
import java.util.List;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void passesRedoclysRecommendedRulesWithoutAnErrorOrAWarning() throws Exception {
        assumeFalse(OpenApiLint.skipped(), "-D" + OpenApiLint.SKIP);
        assertEquals(List.of(), OpenApiLint.lint(document(), "sanctions-service"));
    }

    @Test
    void namesEveryOperationDescribesEveryAnswerAndStatesServersAndLicence() throws Exception {
        assertEquals(List.of(), OpenApiLint.conventions(new ObjectMapper().readTree(document())));
    }

    @Test
    void makesOperationIdsFromMethodAndPath() {
        assertEquals("getIncidents", OpenApiConventions.operationId(HttpMethod.GET, "/api/v1/incidents"));
        assertEquals("putSanctionsById", OpenApiConventions.operationId(HttpMethod.PUT, "/api/v1/sanctions/{id}"));
        assertEquals(
                "getTaxonomyDatePrecisions",
                OpenApiConventions.operationId(HttpMethod.GET, "/api/v1/taxonomy/date-precisions"));
        assertEquals(
                "postImportsByFormatRuns",
                OpenApiConventions.operationId(HttpMethod.POST, "/api/v2/imports/{format}/runs"));
    }

    private static String document() {
        return given().accept("application/json").get("/q/openapi").asString();
    }
}
