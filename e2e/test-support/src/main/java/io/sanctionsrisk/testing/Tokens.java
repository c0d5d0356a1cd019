package io.sanctionsrisk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real access tokens from the test Keycloak: demo users through the dashboard's authorization code flow with PKCE
 * (the way a browser gets them), service clients through the client-credentials grant (the way a bank system does).
 */
public final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION_ANY = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final String DASHBOARD = "dashboard";
    private static final String REDIRECT_URI = "http://127.0.0.1:8080/callback";
    private static final Duration REUSE = Duration.ofSeconds(120);
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    /** A demo user's access token (viewer, analyst, policy, steward, admin), issued to the dashboard client. */
    public static String forUser(String username) {
        KeycloakServer server = KeycloakTestResource.server();
        String password = server.credential("SR_DEMO_PASSWORD_" + username.toUpperCase(Locale.ROOT));
        return CACHE.compute(
                        "user:" + username,
                        (key, cached) -> fresh(cached) ? cached : new Cached(codeFlow(username, password)))
                .token;
    }

    /** Logs in through the dashboard's code flow with the given password; fails unless Keycloak accepts it. */
    public static String logIn(String username, String password) {
        return codeFlow(username, password);
    }

    /** A service client's access token (bank-risk-engine, steward-sync, risk-service) by client credentials. */
    public static String forClient(String clientId) {
        return CACHE.compute(
                        "client:" + clientId,
                        (key, cached) -> fresh(cached) ? cached : new Cached(clientCredentials(clientId)))
                .token;
    }

    /** "Bearer ..." for a demo user, for an Authorization header. */
    public static String bearerForUser(String username) {
        return "Bearer " + forUser(username);
    }

    /** "Bearer ..." for a service client, for an Authorization header. */
    public static String bearerForClient(String clientId) {
        return "Bearer " + forClient(clientId);
    }

    private static boolean fresh(Cached cached) {
        return cached != null && cached.obtained.plus(REUSE).isAfter(Instant.now());
    }

    private static String clientCredentials(String clientId) {
        KeycloakServer server = KeycloakTestResource.server();
        String secret =
                server.credential("SR_" + clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET");
        HttpClient http = HttpClient.newHttpClient();
        return tokenRequest(
                http,
                server,
                form(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)));
    }

    private static String codeFlow(String username, String password) {
        KeycloakServer server = KeycloakTestResource.server();
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(16);
        Map<String, String> authParams = new LinkedHashMap<>();
        authParams.put("client_id", DASHBOARD);
        authParams.put("response_type", "code");
        authParams.put("scope", "openid");
        authParams.put("redirect_uri", REDIRECT_URI);
        authParams.put("state", state);
        authParams.put("code_challenge", s256(verifier));
        authParams.put("code_challenge_method", "S256");
        URI authorize = URI.create(server.issuer() + "/protocol/openid-connect/auth?" + form(authParams));

        HttpResponse<String> loginPage =
                send(http, HttpRequest.newBuilder(authorize).GET().build());
        if (loginPage.statusCode() != 200) {
            throw new IllegalStateException("login page answered " + loginPage.statusCode() + ": " + loginPage.body());
        }
        String action = formAction(loginPage.body());
        // Keycloak marks its session cookies Secure; a browser on loopback sends them anyway, so do the same.
        String cookies = loginPage.headers().allValues("Set-Cookie").stream()
                .map(header -> header.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        HttpResponse<String> afterLogin = send(
                http,
                HttpRequest.newBuilder(URI.create(action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", username, "password", password, "credentialId", ""))))
                        .build());
        String location = afterLogin.headers().firstValue("Location").orElse("");
        if (afterLogin.statusCode() != 302 || !location.startsWith(REDIRECT_URI)) {
            throw new IllegalStateException("login of " + username + " failed with " + afterLogin.statusCode());
        }
        Map<String, String> callback = query(URI.create(location).getRawQuery());
        if (!state.equals(callback.get("state")) || callback.get("code") == null) {
            throw new IllegalStateException("callback without code or with a wrong state: " + location);
        }
        return tokenRequest(
                http,
                server,
                form(Map.of(
                        "grant_type", "authorization_code",
                        "client_id", DASHBOARD,
                        "code", callback.get("code"),
                        "redirect_uri", REDIRECT_URI,
                        "code_verifier", verifier)));
    }

    private static String tokenRequest(HttpClient http, KeycloakServer server, String body) {
        HttpResponse<String> response = send(
                http,
                HttpRequest.newBuilder(URI.create(server.issuer() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint answered no JSON", e);
        }
    }

    private static String formAction(String html) {
        Matcher matcher = FORM_ACTION.matcher(html);
        if (!matcher.find()) {
            matcher = FORM_ACTION_ANY.matcher(html);
            if (!matcher.find()) {
                throw new IllegalStateException("no login form in the page");
            }
        }
        return matcher.group(1).replace("&amp;", "&");
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to Keycloak failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Cached(String token, Instant obtained) {
        Cached(String token) {
            this(token, Instant.now());
        }
    }
}
