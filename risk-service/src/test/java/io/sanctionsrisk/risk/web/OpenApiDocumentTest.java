package io.sanctionsrisk.risk.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.testing.OpenApiLint;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiDocumentTest {

    /** Generated clients are named by these; renaming one breaks every bank's client code. */
    private static final String OPERATION_IDS = """
            GET /api/v1/model getModel
            POST /api/v1/model/refits refitModel
            POST /api/v1/model/fits fitDataset
            GET /api/v1/model/intensity getIntensity
            GET /api/v1/model/card getModelCard
            GET /api/v1/model/snapshots listSnapshots
            GET /api/v1/model/snapshots/{id}/card getSnapshotCard
            POST /api/v1/scores createScore
            POST /api/v1/scores/batch createScoreBatch
            GET /api/v1/heatmap getHeatmap
            POST /api/v1/scenarios createScenario
            GET /api/v1/scenarios listScenarios
            GET /api/v1/scenarios/{id} getScenario
            POST /api/v1/scenarios/{id}/runs rerunScenario
            GET /api/v1/scenarios/{id}/summary getScenarioSummary
            GET /api/v1/scenarios/{id}/intensity getScenarioIntensity
            POST /api/v1/backtests createBacktest
            GET /api/v1/backtests listBacktests
            GET /api/v1/backtests/{id} getBacktest
            POST /api/v1/webhooks createWebhook
            GET /api/v1/webhooks listWebhooks
            GET /api/v1/webhooks/{id} getWebhook
            DELETE /api/v1/webhooks/{id} deleteWebhook
            GET /api/v1/webhooks/deliveries listWebhookDeliveries
            GET /api/v1/webhooks/deliveries/{id} getWebhookDelivery
            POST /api/v1/webhooks/deliveries/{id}/redeliver redeliverWebhook
            POST /api/v1/portfolios createPortfolio
            GET /api/v1/portfolios listPortfolios
            GET /api/v1/portfolios/{id} getPortfolio
            PUT /api/v1/portfolios/{id}/institutions replacePortfolioInstitutions
            GET /api/v1/portfolios/{id}/scores getPortfolioScores
            GET /api/v1/portfolios/{id}/history getPortfolioHistory
            """;

    @Test
    void passesRedoclysRecommendedRulesWithoutAnErrorOrAWarning() throws Exception {
        assumeFalse(OpenApiLint.skipped(), "-D" + OpenApiLint.SKIP);
        assertEquals(List.of(), OpenApiLint.lint(document(), "risk-service"));
    }

    @Test
    void namesEveryOperationDescribesEveryAnswerAndStatesServersAndLicence() throws Exception {
        JsonNode document = new ObjectMapper().readTree(document());
        assertEquals(List.of(), OpenApiLint.conventions(document));
        Map<String, String> ids = new TreeMap<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fields()
                        .forEachRemaining(op -> ids.put(
                                op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
                                op.getValue().path("operationId").asText())));
        Map<String, String> expected = new TreeMap<>();
        OPERATION_IDS
                .lines()
                .forEach(line -> expected.put(
                        line.substring(0, line.lastIndexOf(' ')), line.substring(line.lastIndexOf(' ') + 1)));
        assertEquals(expected, ids);
        assertEquals(
                "#/components/schemas/Problem",
                document.at("/paths/~1api~1v1~1scores~1batch/post/responses/413/content/application~1problem+json"
                                + "/schema/$ref")
                        .asText());
        assertEquals(
                "#/components/responses/Unauthorized",
                document.at("/paths/~1api~1v1~1heatmap/get/responses/401/$ref").asText());
    }

    private static String document() {
        return given().accept("application/json").get("/q/openapi").asString();
    }
}
