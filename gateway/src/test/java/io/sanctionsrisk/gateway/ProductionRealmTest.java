package io.sanctionsrisk.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.testing.KeycloakServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production realm of the prod overlay imports into the real Keycloak and behaves as its file says: the machine
 * clients get tokens the gateway accepts (audience, roles, RS256, typ Bearer), the dashboard accepts only its exact
 * public redirect URI, and no offline token is issued to it. The one change to the file: sslRequired is "external"
 * instead of "all", because this server speaks plain HTTP on 127.0.0.1.
 */
class ProductionRealmTest {

    private static final String PUBLIC_URL = "https://sanctions-risk.example.com";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static KeycloakServer keycloak;
    private static String bankSecret;

    @BeforeAll
    static void startKeycloakWithTheProductionRealm() throws IOException {
        Path repo = Path.of(System.getProperty("keycloak.realm.file"))
                .getParent()
                .getParent()
                .getParent();
        Path work = Files.createDirectories(Path.of(System.getProperty("keycloak.work.dir"), "production-realm"));
        JsonObject realm =
                new JsonObject(Files.readString(repo.resolve("k8s/overlays/prod/realm-sanctions-risk.json")));
        assertEquals("all", realm.getString("sslRequired"));
        realm.put("sslRequired", "external");
        Path realmFile = work.resolve("realm-sanctions-risk.json");
        Files.writeString(realmFile, realm.encodePrettily());
        bankSecret = UUID.randomUUID().toString();
        Path credentials = work.resolve("production.env");
        Files.writeString(
                credentials,
                "SR_BANK_RISK_ENGINE_SECRET=" + bankSecret + "\nSR_STEWARD_SYNC_SECRET=" + UUID.randomUUID()
                        + "\nSR_RISK_SERVICE_SECRET=" + UUID.randomUUID() + "\nSR_PUBLIC_DASHBOARD_URL=" + PUBLIC_URL
                        + "\n");
        keycloak = KeycloakServer.start(Path.of(System.getProperty("keycloak.dist.dir")), realmFile, credentials, work);
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void machineClientsGetTokensTheGatewayAccepts() throws Exception {
        JsonObject tokens =
                token("grant_type=client_credentials&client_id=bank-risk-engine&client_secret=" + bankSecret);
        String access = tokens.getString("access_token");
        JsonObject header = part(access, 0);
        JsonObject claims = part(access, 1);
        assertEquals("RS256", header.getString("alg"));
        assertEquals("Bearer", claims.getString("typ"));
        assertTrue(audience(claims).contains("sanctions-risk-api"), claims.encode());
        assertTrue(claims.getJsonObject("realm_access").getJsonArray("roles").contains("risk-analyst"));
    }

    @Test
    void theDashboardAcceptsOnlyItsExactPublicRedirectUri() throws Exception {
        assertEquals(200, authorize(PUBLIC_URL + "/dashboard/", "openid").statusCode());
        for (String other : new String[] {
            "http://127.0.0.1:8080/dashboard/",
            "http://localhost:8080/dashboard/",
            PUBLIC_URL + "/dashboard/elsewhere",
            PUBLIC_URL + "/"
        }) {
            HttpResponse<String> refused = authorize(other, "openid");
            assertEquals(400, refused.statusCode(), other);
            assertTrue(refused.body().contains("redirect_uri"), other);
        }
    }

    @Test
    void theDashboardGetsNoOfflineAccessAndNoPasswordGrant() throws Exception {
        HttpResponse<String> offline = authorize(PUBLIC_URL + "/dashboard/", "openid offline_access");
        // a scope the client does not have is refused back to the redirect URI
        assertEquals(302, offline.statusCode(), offline.body());
        String location = offline.headers().firstValue("Location").orElse("");
        assertTrue(
                location.startsWith(PUBLIC_URL + "/dashboard/") && location.contains("error=invalid_scope"), location);
        HttpResponse<String> password = HTTP.send(
                tokenRequest("grant_type=password&client_id=dashboard&username=admin&password=admin-pw"),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(password.statusCode() == 400 || password.statusCode() == 401, password.body());
    }

    private static HttpResponse<String> authorize(String redirectUri, String scope) throws Exception {
        String url = keycloak.issuer() + "/protocol/openid-connect/auth?client_id=dashboard&response_type=code"
                + "&code_challenge_method=S256&code_challenge=" + "a".repeat(43) + "&scope="
                + URLEncoder.encode(scope, StandardCharsets.UTF_8) + "&redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject token(String form) throws Exception {
        HttpResponse<String> response = HTTP.send(tokenRequest(form), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    private static HttpRequest tokenRequest(String form) {
        return HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private static JsonArray audience(JsonObject claims) {
        Object aud = claims.getValue("aud");
        return aud instanceof JsonArray array ? array : new JsonArray().add(aud);
    }

    private static JsonObject part(String jwt, int index) {
        return new JsonObject(
                new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
    }
}
