package io.sanctionsrisk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The realm file, imported into the real Keycloak, issues the tokens DESIGN.md promises. */
class RealmTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void demoUsersGetTheirRealmRolesAndTheApiAudienceThroughTheDashboard() throws Exception {
        assertClaims(Tokens.forUser("viewer"), "dashboard", Set.of("compliance-viewer"));
        assertClaims(Tokens.forUser("analyst"), "dashboard", Set.of("compliance-viewer", "risk-analyst"));
        assertClaims(Tokens.forUser("policy"), "dashboard", Set.of("compliance-viewer", "policy-analyst"));
        assertClaims(Tokens.forUser("steward"), "dashboard", Set.of("compliance-viewer", "data-steward"));
        assertClaims(
                Tokens.forUser("admin"),
                "dashboard",
                Set.of("compliance-viewer", "risk-analyst", "policy-analyst", "data-steward", "admin"));
    }

    @Test
    void serviceClientsGetExactlyTheirRoleByClientCredentials() throws Exception {
        assertClaims(Tokens.forClient("bank-risk-engine"), "bank-risk-engine", Set.of("risk-analyst"));
        assertClaims(Tokens.forClient("steward-sync"), "steward-sync", Set.of("data-steward"));
        assertClaims(Tokens.forClient("risk-service"), "risk-service", Set.of("compliance-viewer"));
    }

    @Test
    void tokensAreIssuedByTheRealmWithAStableIssuer() throws Exception {
        JsonNode claims = claims(Tokens.forClient("steward-sync"));
        assertEquals(KeycloakTestResource.server().issuer(), claims.get("iss").asText());
        assertFalse(claims.get("sub").asText().isBlank());
    }

    @Test
    void wrongPasswordOrUnknownUserCannotLogIn() {
        assertThrows(IllegalStateException.class, () -> Tokens.logIn("viewer", "not-the-password"));
        assertThrows(IllegalStateException.class, () -> Tokens.logIn("mallory", "mallory-pw"));
    }

    private static void assertClaims(String token, String azp, Set<String> expectedRoles) throws Exception {
        JsonNode claims = claims(token);
        assertEquals(azp, claims.get("azp").asText());
        JsonNode aud = claims.get("aud");
        boolean hasAudience =
                aud.isArray() ? toSet(aud).contains("sanctions-risk-api") : "sanctions-risk-api".equals(aud.asText());
        assertTrue(hasAudience, "aud must carry sanctions-risk-api: " + aud);
        Set<String> roles = toSet(claims.path("realm_access").path("roles"));
        roles.removeIf(role ->
                role.startsWith("default-roles-") || role.equals("offline_access") || role.equals("uma_authorization"));
        assertEquals(new TreeSet<>(expectedRoles), roles);
    }

    private static JsonNode claims(String token) throws Exception {
        String[] parts = token.split("\\.");
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static Set<String> toSet(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
