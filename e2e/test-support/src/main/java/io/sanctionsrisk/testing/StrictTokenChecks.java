package io.sanctionsrisk.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token checks every backend makes as strictly as the gateway: RS256 only, access tokens only (typ Bearer), the
 * realm's issuer and the API audience. A service's {@code @QuarkusTest} extends this with a path any viewer may read
 * and a machine client its API accepts. The control tokens, re-signed with a key the realm publishes, are accepted,
 * so each refusal comes from the one thing the test changed.
 */
public abstract class StrictTokenChecks {

    private static final String PROBLEMS = "https://sanctionsrisk.io/problems/";

    /** A GET path every realm role may read, answering 200 to a valid token. */
    protected abstract String path();

    /** A machine client (client credentials) the service accepts. */
    protected abstract String machineClient();

    /**
     * The test key is added to the realm on first use; the service fetches the realm's keys again for an unknown key
     * id at most once a minute (forced-jwk-refresh-interval), so wait until it trusts the key: every refusal below is
     * then the refusal of a token whose signature the service accepts.
     */
    @BeforeEach
    void theTestKeyIsTrusted() throws InterruptedException {
        String token = ForgedTokens.resigned(Tokens.forUser("viewer"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (given().auth().oauth2(token).get(path()).statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
        }
    }

    @Test
    void realAndReSignedAccessTokensAreAccepted() {
        accepted(Tokens.forUser("viewer"));
        accepted(Tokens.forClient(machineClient()));
        accepted(ForgedTokens.resigned(Tokens.forUser("viewer")));
    }

    @Test
    void unsignedTokenIs401() {
        refused(ForgedTokens.unsigned(Tokens.forUser("admin")));
    }

    @Test
    void hmacSignedTokenIs401() {
        refused(ForgedTokens.hs256(Tokens.forUser("admin")));
    }

    @Test
    void tokensThatAreNotAccessTokensAre401() {
        String real = Tokens.forUser("admin");
        refused(ForgedTokens.resigned(real, h -> {}, c -> c.put("typ", "ID")));
        refused(ForgedTokens.resigned(real, h -> {}, c -> c.put("typ", "Refresh")));
        refused(ForgedTokens.resigned(real, h -> {}, c -> c.remove("typ")));
    }

    @Test
    void anotherAlgorithmInTheHeaderIs401() {
        refused(ForgedTokens.resigned(Tokens.forUser("admin"), h -> h.put("alg", "RS512"), c -> {}));
    }

    @Test
    void wrongIssuerOrAudienceIs401() {
        String real = Tokens.forUser("admin");
        refused(ForgedTokens.resigned(real, h -> {}, c -> c.put("iss", "http://127.0.0.1:1/realms/elsewhere")));
        refused(ForgedTokens.resigned(real, h -> {}, c -> c.put("aud", "account")));
    }

    private void accepted(String token) {
        given().auth().oauth2(token).when().get(path()).then().statusCode(200);
    }

    private void refused(String token) {
        given().auth()
                .oauth2(token)
                .when()
                .get(path())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unauthorized"));
    }
}
