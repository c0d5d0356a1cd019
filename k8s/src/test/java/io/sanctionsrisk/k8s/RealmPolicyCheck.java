package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the realm Keycloak imports must say about identity. In every overlay: tokens signed with RS256, brute-force
 * detection on, refresh tokens rotated (a refresh token works once), and browser (public) clients on the code flow
 * with PKCE only and without offline access. In production also: no demo users (service accounts only), no local
 * or wildcard URI, a password policy, all connections over TLS, login and admin events recorded.
 */
final class RealmPolicyCheck {

    static final int MIN_PASSWORD_LENGTH = 12;
    static final Set<String> LOGIN_EVENTS = Set.of("LOGIN", "LOGIN_ERROR", "CLIENT_LOGIN", "CLIENT_LOGIN_ERROR");

    private static final Pattern LOCAL_OR_WILDCARD =
            Pattern.compile("localhost|127\\.0\\.0\\.1|\\[::1]|\\*|0\\.0\\.0\\.0", Pattern.CASE_INSENSITIVE);
    private static final Pattern LENGTH = Pattern.compile("(?:^|\\s)length\\((\\d+)\\)");

    private RealmPolicyCheck() {}

    static List<String> check(Manifests manifests, boolean production) {
        List<String> violations = new ArrayList<>();
        List<String> realms = manifests.all(ConfigMap.class).stream()
                .filter(c -> c.getData() != null && c.getData().containsKey(RealmCheck.REALM_KEY))
                .map(c -> c.getData().get(RealmCheck.REALM_KEY))
                .toList();
        if (realms.isEmpty()) {
            violations.add("no realm to check");
        }
        for (String realm : realms) {
            violations.addAll(check(realm, production));
        }
        return violations;
    }

    static List<String> check(String realmJson, boolean production) {
        List<String> violations = new ArrayList<>();
        JsonNode realm;
        try {
            realm = JsonMapper.builder().build().readTree(realmJson);
        } catch (JacksonException e) {
            return List.of("the realm is not JSON: " + e.getOriginalMessage());
        }
        String name = "realm " + realm.path("realm").asString("?");
        if (!"RS256".equals(realm.path("defaultSignatureAlgorithm").asString())) {
            violations.add(name + ": defaultSignatureAlgorithm must be RS256, the algorithm every service pins");
        }
        if (!realm.path("bruteForceProtected").asBoolean(false)) {
            violations.add(name + ": brute-force detection (bruteForceProtected) is off");
        }
        if (!realm.path("revokeRefreshToken").asBoolean(false)
                || realm.path("refreshTokenMaxReuse").asInt(-1) != 0) {
            violations.add(name + ": refresh tokens are not rotated (revokeRefreshToken true, refreshTokenMaxReuse 0)");
        }
        for (JsonNode client : realm.path("clients")) {
            if (client.path("publicClient").asBoolean(false)) {
                browserClient(name + " client " + client.path("clientId").asString(), client, violations);
            }
        }
        if (production) {
            production(name, realm, violations);
        }
        return violations;
    }

    /** A browser client: code flow with PKCE only, no offline access. */
    private static void browserClient(String where, JsonNode client, List<String> violations) {
        if (client.path("implicitFlowEnabled").asBoolean(false)
                || client.path("directAccessGrantsEnabled").asBoolean(false)
                || !client.path("standardFlowEnabled").asBoolean(true)) {
            violations.add(where + ": a browser client uses the code flow only (no implicit flow, no password grant)");
        }
        if (!"S256"
                .equals(client.path("attributes")
                        .path("pkce.code.challenge.method")
                        .asString())) {
            violations.add(where + ": PKCE with S256 is not required");
        }
        if (!client.has("optionalClientScopes") || !client.has("defaultClientScopes")) {
            violations.add(where + ": lists no client scopes, so Keycloak gives it the realm's defaults,"
                    + " offline_access among them");
        }
        for (String field : List.of("defaultClientScopes", "optionalClientScopes")) {
            for (JsonNode scope : client.path(field)) {
                if ("offline_access".equals(scope.asString())) {
                    violations.add(where + ": " + field + " has offline_access; browsers get no offline tokens");
                }
            }
        }
    }

    private static void production(String name, JsonNode realm, List<String> violations) {
        for (JsonNode user : realm.path("users")) {
            if (!user.has("serviceAccountClientId")) {
                violations.add(name + ": demo user " + user.path("username").asString()
                        + " in the production realm (people are created by the realm's administrators)");
            }
        }
        for (JsonNode client : realm.path("clients")) {
            String where = name + " client " + client.path("clientId").asString();
            List<String> uris = new ArrayList<>();
            client.path("redirectUris").forEach(u -> uris.add(u.asString()));
            client.path("webOrigins").forEach(u -> uris.add(u.asString()));
            for (String field : List.of("rootUrl", "baseUrl", "adminUrl")) {
                if (client.has(field)) {
                    uris.add(client.path(field).asString());
                }
            }
            String logout =
                    client.path("attributes").path("post.logout.redirect.uris").asString("");
            uris.addAll(List.of(logout.split("##")));
            for (String uri : uris) {
                if (LOCAL_OR_WILDCARD.matcher(uri).find() || uri.equals("+")) {
                    violations.add(where + ": local or wildcard URI " + uri);
                }
            }
        }
        String policy = realm.path("passwordPolicy").asString("");
        Matcher length = LENGTH.matcher(policy);
        if (!length.find() || Integer.parseInt(length.group(1)) < MIN_PASSWORD_LENGTH) {
            violations.add(name + ": the password policy must ask for a length of at least " + MIN_PASSWORD_LENGTH
                    + " (passwordPolicy '" + policy + "')");
        }
        if (!"all".equals(realm.path("sslRequired").asString())) {
            violations.add(name + ": sslRequired must be all in production");
        }
        if (!realm.path("eventsEnabled").asBoolean(false)) {
            violations.add(name + ": login events are off (eventsEnabled)");
        } else {
            Set<String> types = new java.util.TreeSet<>();
            realm.path("enabledEventTypes").forEach(t -> types.add(t.asString()));
            if (!types.isEmpty() && !types.containsAll(LOGIN_EVENTS)) {
                violations.add(name + ": enabledEventTypes must include " + LOGIN_EVENTS);
            }
        }
        if (!realm.path("adminEventsEnabled").asBoolean(false)
                || !realm.path("adminEventsDetailsEnabled").asBoolean(false)) {
            violations.add(name + ": admin events (with details) are off");
        }
    }
}
