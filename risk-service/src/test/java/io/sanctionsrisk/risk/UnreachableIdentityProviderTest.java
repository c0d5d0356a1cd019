package io.sanctionsrisk.risk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.testing.Tokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A replica whose identity provider has never answered cannot verify any token. A request with a token then
 * gets a 503 problem+json with Retry-After (the caller may retry), never a 500, and never a pass.
 */
@QuarkusTest
@TestProfile(UnreachableIdentityProviderTest.DeadKeycloak.class)
class UnreachableIdentityProviderTest {

    public static class DeadKeycloak implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.auth-server-url",
                    "http://127.0.0.1:" + closedPort() + "/realms/sanctions-risk",
                    "quarkus.oidc.connection-delay",
                    "0S");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aRealTokenGetsServiceUnavailableNotAnError() {
        given().header("Authorization", "Bearer " + Tokens.forUser("viewer"))
                .get("/api/v1/model")
                .then()
                .statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", notNullValue())
                .body("type", equalTo(ProblemType.IDENTITY_UNAVAILABLE.uri()));
    }

    @Test
    void noTokenIsStillUnauthorized() {
        given().get("/api/v1/model").then().statusCode(401);
    }
}
