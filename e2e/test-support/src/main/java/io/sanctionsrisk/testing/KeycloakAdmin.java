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
