package io.sanctionsrisk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The administration helper shapes the off-nominal tokens the end-to-end suite needs. */
class KeycloakAdminTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anotherRealmIssuesTokensUnderItsOwnIssuer() throws Exception {
        KeycloakServer server = KeycloakTestResource.server();
        KeycloakAdmin admin = server.admin();
        admin.createRealm("elsewhere-a", List.of("admin"));
        admin.createServiceClient("elsewhere-a", "intruder", "intruder-secret", List.of("admin"), true, 0);

        JsonNode claims = claims(admin.clientToken("elsewhere-a", "intruder", "intruder-secret"));

        assertEquals(server.baseUrl() + "/realms/elsewhere-a", claims.get("iss").asText());
        assertTrue(claims.get("aud").toString().contains("sanctions-risk-api"));
    }

    @Test
    void clientWithoutTheAudienceMapperGetsNoApiAudienceAndShortLifetimeIsHonoured() throws Exception {
        KeycloakAdmin admin = KeycloakTestResource.server().admin();
        admin.createServiceClient(
                KeycloakServer.REALM, "no-audience-a", "no-audience-secret", List.of("admin"), false, 0);
        admin.createServiceClient(
                KeycloakServer.REALM, "short-lived-a", "short-lived-secret", List.of("admin"), true, 1);

        JsonNode noAudience = claims(admin.clientToken(KeycloakServer.REALM, "no-audience-a", "no-audience-secret"));
        JsonNode shortLived = claims(admin.clientToken(KeycloakServer.REALM, "short-lived-a", "short-lived-secret"));

        assertFalse(String.valueOf(noAudience.get("aud")).contains("sanctions-risk-api"));
        assertEquals(1, shortLived.get("exp").asLong() - shortLived.get("iat").asLong());
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
