package io.sanctionsrisk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Keycloak administration REST API, for tests that need tokens the realm file deliberately never issues: from
 * another realm, without the API audience, or with a one-second lifetime.
 */
public final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newHttpClient();

    KeycloakAdmin(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    /** Creates a realm with the given realm roles (no clients, no users). */
    public void createRealm(String realm, List<String> roles) {
        ObjectNode body = JSON.createObjectNode().put("realm", realm).put("enabled", true);
        ArrayNode realmRoles = body.putObject("roles").putArray("realm");
        roles.forEach(role -> realmRoles.addObject().put("name", role));
        send("POST", "/admin/realms", body, 201);
    }

    /**
     * Creates a confidential client with a service account holding the given realm roles.
     *
     * @param withApiAudience whether its tokens carry the audience sanctions-risk-api
     * @param accessTokenLifespanSeconds the lifetime of its access tokens, or 0 for the realm default
     */
    public void createServiceClient(
            String realm,
            String clientId,
            String secret,
            List<String> roles,
            boolean withApiAudience,
            int accessTokenLifespanSeconds) {
        ObjectNode client = JSON.createObjectNode()
                .put("clientId", clientId)
                .put("enabled", true)
                .put("publicClient", false)
                .put("secret", secret)
                .put("serviceAccountsEnabled", true)
                .put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", false);
        if (accessTokenLifespanSeconds > 0) {
            client.putObject("attributes").put("access.token.lifespan", String.valueOf(accessTokenLifespanSeconds));
        }
        if (withApiAudience) {
            ObjectNode mapper = client.putArray("protocolMappers").addObject();
            mapper.put("name", "audience-sanctions-risk-api")
                    .put("protocol", "openid-connect")
                    .put("protocolMapper", "oidc-audience-mapper");
            mapper.putObject("config")
                    .put("included.custom.audience", "sanctions-risk-api")
                    .put("access.token.claim", "true");
        }
        send("POST", "/admin/realms/" + realm + "/clients", client, 201);
        String internalId = send("GET", "/admin/realms/" + realm + "/clients?clientId=" + enc(clientId), null, 200)
                .get(0)
                .get("id")
                .asText();
        String serviceUserId = send(
                        "GET", "/admin/realms/" + realm + "/clients/" + internalId + "/service-account-user", null, 200)
                .get("id")
                .asText();
        ArrayNode roleRepresentations = JSON.createArrayNode();
        for (String role : roles) {
            roleRepresentations.add(send("GET", "/admin/realms/" + realm + "/roles/" + enc(role), null, 200));
        }
        send(
                "POST",
                "/admin/realms/" + realm + "/users/" + serviceUserId + "/role-mappings/realm",
                roleRepresentations,
                204);
    }

    /**
     * Lets a browser client log in from one more origin: adds {@code origin/*} to its redirect and post-logout
     * redirect URIs and the origin to its web origins (CORS at the token endpoint). For a dashboard served on a free
     * test port; the realm file keeps only the documented ports.
     */
    public void allowClientOrigin(String realm, String clientId, String origin) {
        String path = "/admin/realms/" + realm + "/clients/" + clientInternalId(realm, clientId);
        ObjectNode client = (ObjectNode) send("GET", path, null, 200);
        String redirect = origin + "/*";
        addOnce(array(client, "redirectUris"), redirect);
        addOnce(array(client, "webOrigins"), origin);
        ObjectNode attributes =
                client.get("attributes") instanceof ObjectNode existing ? existing : client.putObject("attributes");
        String postLogout = attributes.path("post.logout.redirect.uris").asText("");
        if (!List.of(postLogout.split("##")).contains(redirect)) {
            attributes.put("post.logout.redirect.uris", postLogout.isEmpty() ? redirect : postLogout + "##" + redirect);
        }
        send("PUT", path, client, 204);
    }

    /** Creates an enabled user with a password (not temporary) and the given realm roles (may be none). */
    public void createUser(String realm, String username, String password, List<String> roles) {
        ObjectNode user = JSON.createObjectNode()
                .put("username", username)
                .put("enabled", true)
                .put("email", username + "@users.test")
                .put("emailVerified", true)
                .put("firstName", username)
                .put("lastName", "test");
        user.putArray("credentials")
                .addObject()
                .put("type", "password")
                .put("value", password)
                .put("temporary", false);
        send("POST", "/admin/realms/" + realm + "/users", user, 201);
        String id = send("GET", "/admin/realms/" + realm + "/users?exact=true&username=" + enc(username), null, 200)
                .get(0)
                .get("id")
                .asText();
        ArrayNode roleRepresentations = JSON.createArrayNode();
        for (String role : roles) {
            roleRepresentations.add(send("GET", "/admin/realms/" + realm + "/roles/" + enc(role), null, 200));
        }
        if (!roles.isEmpty()) {
            send("POST", "/admin/realms/" + realm + "/users/" + id + "/role-mappings/realm", roleRepresentations, 204);
        }
    }

    /**
     * Adds an imported RSA key (RS256) to a realm's keys with the given priority. With a priority below the realm's
     * own key the realm keeps signing with its key, yet publishes this one: a test can then sign tokens the
     * services trust, with any header and claims it needs. Returns nothing; the key id is the one the realm
     * publishes for this key in its JWKS.
     */
    public void addRsaKey(String realm, String name, String privateKeyPem, int priority) {
        ObjectNode component = JSON.createObjectNode()
                .put("name", name)
                .put("providerId", "rsa")
                .put("providerType", "org.keycloak.keys.KeyProvider");
        ObjectNode config = component.putObject("config");
        config.putArray("priority").add(String.valueOf(priority));
        config.putArray("enabled").add("true");
        config.putArray("active").add("true");
        config.putArray("algorithm").add("RS256");
        config.putArray("privateKey").add(privateKeyPem);
        send("POST", "/admin/realms/" + realm + "/components", component, 201);
    }

    private String clientInternalId(String realm, String clientId) {
        JsonNode found = send("GET", "/admin/realms/" + realm + "/clients?clientId=" + enc(clientId), null, 200);
        if (found.size() != 1) {
            throw new IllegalStateException("realm " + realm + " has no client " + clientId);
        }
        return found.get(0).get("id").asText();
    }

    private static ArrayNode array(ObjectNode node, String field) {
        return node.get(field) instanceof ArrayNode existing ? existing : node.putArray(field);
    }

    private static void addOnce(ArrayNode values, String value) {
        for (JsonNode existing : values) {
            if (existing.asText().equals(value)) {
                return;
            }
        }
        values.add(value);
    }

    /** An access token for a client of any realm of this server, by client credentials. */
    public String clientToken(String realm, String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret);
        JsonNode json = post(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token", form, null);
        return json.get("access_token").asText();
    }

    private String adminToken() {
        String form =
                "grant_type=password&client_id=admin-cli&username=" + enc(username) + "&password=" + enc(password);
        return post(baseUrl + "/realms/master/protocol/openid-connect/token", form, null)
                .get("access_token")
                .asText();
    }

    private JsonNode post(String url, String form, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = exchange(request.build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    private JsonNode send(String method, String path, JsonNode body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> response = exchange(request.build());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : parse(response.body());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak administration request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak answered no JSON: " + body, e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
