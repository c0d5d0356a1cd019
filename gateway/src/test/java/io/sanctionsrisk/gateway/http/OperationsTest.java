package io.sanctionsrisk.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.gateway.testing.TestBackends;
import io.sanctionsrisk.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CORS, health, OpenAPI, metrics and the access log: what operators and browsers see of the gateway itself. */
@QuarkusTest
class OperationsTest {

    @BeforeEach
    void healthyBackends() {
        TestBackends.resetAll();
    }

    @Test
    void preflightFromTheDashboardOriginsIsAllowed() {
        for (String origin : List.of("http://127.0.0.1:8080", "http://localhost:8080")) {
            given().header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .options("/api/v1/scores")
                    .then()
                    .statusCode(200)
                    .header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", containsString("POST"))
                    .header("Access-Control-Allow-Headers", containsString("Authorization"));
        }
    }

    @Test
    void otherOriginsGetNoCorsGrant() {
        String id = "cors-" + UUID.randomUUID();
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/scores")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://127.0.0.1:9999")
                .header("Authorization", Tokens.bearerForUser("viewer"))
                .header("X-Request-Id", id)
                .get("/api/v1/heatmap")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        assertTrue(TestBackends.risk().received(id).isEmpty(), "a cross-origin request from a stranger was forwarded");
    }

    @Test
    void dashboardOriginCanReadAnswersAndTheRequestId() {
        given().header("Origin", "http://localhost:8080")
                .header("Authorization", Tokens.bearerForUser("viewer"))
                .get("/api/v1/heatmap?horizonDays=90")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8080")
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    void healthNeedsNoTokenAndReportsBackendsWithoutDependingOnThem() {
        TestBackends.management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        TestBackends.management()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("backends"))
                .body("checks.find { it.name == 'backends' }.data.risk", equalTo("closed"))
                .body("checks.find { it.name == 'backends' }.data.sanctions", equalTo("closed"));
    }

    @Test
    void operationalEndpointsAreNotOnThePublicPort() {
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
            TestBackends.management().get(path).then().statusCode(200);
        }
    }

    @Test
    void openApiDescribesTheGatewayAndSwaggerUiIsServed() {
        TestBackends.management()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("sanctions-risk gateway"))
                .body("paths.'/api/v1/scores'.post.summary", containsString("risk-analyst"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
        TestBackends.management().get("/q/swagger-ui/").then().statusCode(200).header("X-Frame-Options", "DENY");
    }

    @Test
    void metricsCountRequestsByRoute() {
        given().header("Authorization", Tokens.bearerForUser("viewer"))
                .get("/api/v1/actors")
                .then()
                .statusCode(200);
        TestBackends.management()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("gateway_requests_seconds_count{backend=\"sanctions\",method=\"GET\","
                        + "outcome=\"forwarded\",route=\"actors\",status=\"200\"}"))
                .body(containsString("gateway_backend_breaker_open{backend=\"risk\"}"));
    }

    @Test
    void everyRequestWritesOneAccessLogLineWithWhoWhatWhereAndHowLong() throws InterruptedException {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                ExtLogRecord ext = (ExtLogRecord) record;
                // the MDC lives on the request's context: copy it now, while publishing on that thread
                ext.copyAll();
                records.add(ext);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger access = Logger.getLogger("io.sanctionsrisk.gateway.access");
        access.addHandler(capture);
        try {
            String id = "log-" + UUID.randomUUID();
            given().header("Authorization", Tokens.bearerForClient("bank-risk-engine"))
                    .header("X-Request-Id", id)
                    .contentType("application/json")
                    .body("{}")
                    .post("/api/v1/scores")
                    .then()
                    .statusCode(200);
            ExtLogRecord line = awaitLine(records, id);
            Map<String, String> mdc = line.getMdcCopy();
            assertTrue(
                    line.getFormattedMessage().startsWith("POST /api/v1/scores status=200"),
                    line.getFormattedMessage());
            assertTrue(mdc.get("subject").matches("[0-9a-f-]{36}"), mdc.toString());
            assertTrue(mdc.get("client").equals("bank-risk-engine"), mdc.toString());
            assertTrue(mdc.get("method").equals("POST"), mdc.toString());
            assertTrue(mdc.get("route").equals("scores"), mdc.toString());
            assertTrue(mdc.get("backend").equals("risk"), mdc.toString());
            assertTrue(mdc.get("status").equals("200"), mdc.toString());
            assertTrue(mdc.get("durationMs").matches("\\d+"), mdc.toString());
            assertTrue(records.stream()
                            .filter(r -> id.equals(r.getMdc("requestId")))
                            .count()
                    == 1);
        } finally {
            access.removeHandler(capture);
        }
    }

    private static ExtLogRecord awaitLine(List<ExtLogRecord> records, String requestId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            for (ExtLogRecord record : records) {
                if (requestId.equals(record.getMdc("requestId"))) {
                    return record;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no access-log line for " + requestId);
    }
}
