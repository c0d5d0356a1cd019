package io.sanctionsrisk.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanctionsrisk.testing.KeycloakAdmin;
import io.sanctionsrisk.testing.KeycloakServer;
import io.sanctionsrisk.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who calls: a demo user or a service client of the realm with its roles, or one of the callers that must be
 * turned away with 401 whatever they ask for.
 */
record Principal(String name, Set<String> roles, boolean authenticated, Supplier<String> authorization) {

    static final String VIEWER = "compliance-viewer";
    static final String ANALYST = "risk-analyst";
    static final String POLICY = "policy-analyst";
    static final String STEWARD = "data-steward";
    static final String ADMIN = "admin";
    static final Set<String> ALL_ROLES = Set.of(VIEWER, ANALYST, POLICY, STEWARD, ADMIN);

    private static final ObjectMapper JSON = new ObjectMapper();

    String header() {
        return authorization.get();
    }

    /** Every demo user and service client of the realm file, and every kind of caller without a valid token. */
    static List<Principal> all(KeycloakServer keycloak) {
        List<Principal> all = new ArrayList<>();
        all.add(user("viewer", Set.of(VIEWER)));
        all.add(user("analyst", Set.of(VIEWER, ANALYST)));
        all.add(user("policy", Set.of(VIEWER, POLICY)));
        all.add(user("steward", Set.of(VIEWER, STEWARD)));
        all.add(user("admin", ALL_ROLES));
        all.add(client("bank-risk-engine", Set.of(ANALYST)));
        all.add(client("steward-sync", Set.of(STEWARD)));
        all.add(client("risk-service", Set.of(VIEWER)));
        all.addAll(rejected(keycloak));
        return all;
    }

    private static Principal user(String username, Set<String> roles) {
        return new Principal(username, roles, true, () -> Tokens.bearerForUser(username));
    }

    private static Principal client(String clientId, Set<String> roles) {
        return new Principal(clientId, roles, true, () -> Tokens.bearerForClient(clientId));
    }

    private static Principal invalid(String name, Supplier<String> authorization) {
        return new Principal(name, Set.of(), false, authorization);
    }

    /** Callers that get 401: each one has the admin role in its token, so only the token's flaw turns it away. */
    private static List<Principal> rejected(KeycloakServer keycloak) {
        KeycloakAdmin admin = keycloak.admin();
        String realm = KeycloakServer.REALM;
        admin.createServiceClient(realm, "e2e-no-audience", "e2e-no-audience-secret", List.of(ADMIN), false, 0);
        admin.createServiceClient(realm, "e2e-short-lived", "e2e-short-lived-secret", List.of(ADMIN), true, 1);
        admin.createRealm("e2e-elsewhere", List.of(ADMIN));
        admin.createServiceClient("e2e-elsewhere", "e2e-intruder", "e2e-intruder-secret", List.of(ADMIN), true, 0);

        String expired = admin.clientToken(realm, "e2e-short-lived", "e2e-short-lived-secret");
        String noAudience = admin.clientToken(realm, "e2e-no-audience", "e2e-no-audience-secret");
        String otherRealm = admin.clientToken("e2e-elsewhere", "e2e-intruder", "e2e-intruder-secret");
        awaitExpiry(expired);

        List<Principal> rejected = new ArrayList<>();
        rejected.add(invalid("no token", () -> null));
        rejected.add(invalid("garbage token", () -> "Bearer not-a-token"));
        rejected.add(invalid("not bearer", () -> "Basic dmlld2VyOnZpZXdlci1wdw=="));
        rejected.add(invalid("expired token", () -> "Bearer " + expired));
        rejected.add(invalid("wrong audience", () -> "Bearer " + noAudience));
        rejected.add(invalid("other realm", () -> "Bearer " + otherRealm));
        rejected.add(invalid("tampered signature", () -> "Bearer " + promoteToAdmin(Tokens.forUser("viewer"))));
        rejected.add(invalid("alg none", () -> "Bearer " + unsigned(Tokens.forUser("viewer"))));
        return rejected;
    }

    /** The viewer's token with the admin role written into its payload; the signature no longer matches. */
    private static String promoteToAdmin(String token) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + withAllRoles(parts[1]) + "." + parts[2];
    }

    /** The viewer's claims, promoted, under a header that claims no signature at all. */
    private static String unsigned(String token) {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + withAllRoles(token.split("\\.")[1]) + ".";
    }

    private static String withAllRoles(String payload) {
        try {
            ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(payload));
            var roles = claims.putObject("realm_access").putArray("roles");
            ALL_ROLES.forEach(roles::add);
            return base64(JSON.writeValueAsBytes(claims));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void awaitExpiry(String token) {
        try {
            long exp = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]))
                    .get("exp")
                    .asLong();
            long waitMillis = exp * 1000 - System.currentTimeMillis() + 1500;
            if (waitMillis > 0) {
                Thread.sleep(waitMillis);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
