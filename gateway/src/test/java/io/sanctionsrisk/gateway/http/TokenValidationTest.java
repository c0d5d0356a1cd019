package io.sanctionsrisk.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.sanctionsrisk.gateway.testing.Jwts;
import io.sanctionsrisk.gateway.testing.RawHttp;
import io.sanctionsrisk.gateway.testing.TestBackends;
import io.sanctionsrisk.testing.KeycloakAdmin;
import io.sanctionsrisk.testing.KeycloakServer;
import io.sanctionsrisk.testing.KeycloakTestResource;
import io.sanctionsrisk.testing.Tokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every token the gateway must refuse gets a 401 problem, never a 500, and never reaches a backend. */
@QuarkusTest
class TokenValidationTest {

    private static final String PATH = "/api/v1/incidents";
    private static final String UNAUTHORIZED = "https://sanctionsrisk.io/problems/unauthorized";

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void healthyBackends() {
        TestBackends.resetAll();
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
        String id = newId();
        refused(given().header("X-Request-Id", id), id).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void garbageTokensAre401() {
        for (String authorization : List.of(
                "Bearer not-a-token",
                "Bearer ",
                "Bearer a.b.c",
                "Bearer ....",
                "Bearer eyJhbGciOiJSUzI1NiJ9.%%%.###",
                "Basic dXNlcjpwYXNz",
                "Negotiate YII=",
                "Bearer " + "A".repeat(12_000))) {
            String id = newId();
            refused(given().header("X-Request-Id", id).header("Authorization", authorization), id);
        }
    }

    @Test
    void tokenWithAlgNoneIs401() {
        String real = Tokens.forUser("admin");
        JsonObject header = new JsonObject().put("alg", "none").put("typ", "JWT");
        String forged = Jwts.assemble(header, Jwts.claims(real), "");
        assertRefused(forged);
        assertRefused(forged.substring(0, forged.length() - 1));
    }

    @Test
    void tamperedClaimsAre401() {
        String real = Tokens.forUser("viewer");
        String withAdminRole = withClaims(
                real,
                claims -> claims.put("realm_access", new JsonObject().put("roles", new JsonArray().add("admin"))));
        assertRefused(withAdminRole);
        String expiredLooking = withClaims(real, claims -> claims.put("exp", claims.getLong("iat") - 60));
        assertRefused(expiredLooking);
    }

    @Test
    void tamperedSignatureIs401() {
        String real = Tokens.forClient("steward-sync");
        String signature = Jwts.signature(real);
        char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';
        String tampered = real.substring(0, real.length() - signature.length())
                + signature.substring(0, 10)
                + flipped
                + signature.substring(11);
        assertRefused(tampered);
    }

    @Test
    void tokenSignedWithAnUnknownKeyIs401() {
        JsonObject claims = Jwts.claims(Tokens.forUser("admin"));
        assertRefused(Jwts.signedWithForeignKey(claims, "rotated-" + UUID.randomUUID()));
        assertRefused(Jwts.signedWithForeignKey(
                claims, Jwts.header(Tokens.forUser("admin")).getString("kid")));
    }

    @Test
    void realTokenWithoutTheApiAudienceIs401() {
        KeycloakAdmin admin = KeycloakTestResource.server().admin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        admin.createServiceClient(KeycloakServer.REALM, "no-aud-" + suffix, "s3cret", List.of("admin"), false, 0);
        admin.createServiceClient(KeycloakServer.REALM, "with-aud-" + suffix, "s3cret", List.of("admin"), true, 0);
        String without = admin.clientToken(KeycloakServer.REALM, "no-aud-" + suffix, "s3cret");
        String with = admin.clientToken(KeycloakServer.REALM, "with-aud-" + suffix, "s3cret");

        assertRefused(without);
        // the twin client differs only in the audience mapper, and it is let in
        given().header("Authorization", "Bearer " + with).get(PATH).then().statusCode(200);
    }

    @Test
    void realTokenFromAnotherRealmIs401() {
        KeycloakAdmin admin = KeycloakTestResource.server().admin();
        String realm = "elsewhere-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createRealm(realm, List.of("admin", "compliance-viewer"));
        admin.createServiceClient(realm, "intruder", "s3cret", List.of("admin", "compliance-viewer"), true, 0);
        assertRefused(admin.clientToken(realm, "intruder", "s3cret"));
    }

    @Test
    void expiredRealTokenIs401() throws InterruptedException {
        KeycloakAdmin admin = KeycloakTestResource.server().admin();
        String client = "short-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createServiceClient(KeycloakServer.REALM, client, "s3cret", List.of("admin"), true, 1);
        String token = admin.clientToken(KeycloakServer.REALM, client, "s3cret");
        long exp = Jwts.claims(token).getLong("exp");
        while (System.currentTimeMillis() / 1000 <= exp + 1) {
            Thread.sleep(250);
        }
        assertRefused(token);
    }

    @Test
    void twoAuthorizationHeadersAre401() {
        String id = newId();
        String bearer = Tokens.bearerForUser("admin");
        refused(
                given().header("X-Request-Id", id)
                        .header("Authorization", bearer)
                        .header("Authorization", bearer),
                id);
    }

    @Test
    void tokenInTheQueryIsNotATokenAnd401() {
        String id = newId();
        refused(given().header("X-Request-Id", id).queryParam("access_token", Tokens.forUser("admin")), id);
    }

    @Test
    void nonAsciiAuthorizationHeaderIs401NotA500() {
        String id = newId();
        String head = "GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: " + id
                + "\r\nConnection: close\r\nAuthorization: Bearer \u00e9\u00ff\u0080garbage";
        RawHttp.Answer answer = RawHttp.exchange(gateway, head, new byte[0]);
        assertEquals(401, answer.status(), answer.head());
        assertTrue(answer.body().contains(UNAUTHORIZED), answer.body());
        assertFalse(TestBackends.anyReceived(id));
    }

    @Test
    void malformedContentLengthIs400NotA500() {
        String id = newId();
        String head = "POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: " + id
                + "\r\nConnection: close\r\nContent-Length: 12abc\r\nAuthorization: " + Tokens.bearerForUser("admin");
        RawHttp.Answer answer = RawHttp.exchange(gateway, head, "{}".getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, answer.status(), answer.head());
        assertFalse(TestBackends.anyReceived(id));
    }

    private void assertRefused(String token) {
        String id = newId();
        refused(given().header("X-Request-Id", id).header("Authorization", "Bearer " + token), id)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    private static ValidatableResponse refused(RequestSpecification request, String id) {
        ValidatableResponse response = request.when()
                .get(PATH)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo(UNAUTHORIZED))
                .body("status", equalTo(401));
        assertFalse(TestBackends.anyReceived(id), "a refused request reached a backend");
        return response;
    }

    private static String withClaims(String token, UnaryOperator<JsonObject> change) {
        return Jwts.assemble(Jwts.header(token), change.apply(Jwts.claims(token)), Jwts.signature(token));
    }

    private static String newId() {
        return "tok-" + UUID.randomUUID();
    }
}
