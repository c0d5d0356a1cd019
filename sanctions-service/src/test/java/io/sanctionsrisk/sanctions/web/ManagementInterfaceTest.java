package io.sanctionsrisk.sanctions.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Built as it is packaged, with the management interface on: /q/* (health, metrics, OpenAPI, Swagger UI) answers on
 * the management port and is a 404 on the API port, which is the only one a Service exposes to the ingress.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.ManagementOn.class)
class ManagementInterfaceTest {

    private static final List<String> OPERATIONAL =
            List.of("/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/");

    @Test
    void operationalEndpointsAnswerOnTheManagementPort() {
        given().port(ManagementOn.PORT)
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().port(ManagementOn.PORT).get("/q/health/ready").then().statusCode(200);
        given().port(ManagementOn.PORT)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().port(ManagementOn.PORT).get("/q/openapi").then().statusCode(200);
        given().port(ManagementOn.PORT).get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void operationalEndpointsAreNotOnTheApiPort() {
        for (String path : OPERATIONAL) {
            given().get(path).then().statusCode(404);
        }
    }

    public static class ManagementOn implements QuarkusTestProfile {

        static final int PORT = freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.management.enabled", "true", "quarkus.management.test-port", Integer.toString(PORT));
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
