package io.sanctionsrisk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens the services must refuse, made from real ones: unsigned ({@code alg: none}), HMAC-signed with the realm's
 * published public key as the secret (the algorithm-confusion attack), and RS256 tokens signed with a key the realm
 * publishes, whose header or claims a test changes (a wrong {@code typ}, say). The last kind, unchanged, is accepted:
 * it shows that a refusal comes from the one change, not from the signature.
 */
public final class ForgedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private static KeyPair keys;
    private static String kid;

    private ForgedTokens() {}

    /** The token's header as JSON. */
    public static ObjectNode header(String token) {
        return part(token, 0);
    }

    /** The token's claims as JSON. */
    public static ObjectNode claims(String token) {
        return part(token, 1);
    }

    /** The real token's claims, unsigned, under {@code alg: none}. */
    public static String unsigned(String real) {
        ObjectNode header = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        return encode(header) + "." + encode(claims(real)) + ".";
    }

    /**
     * The real token's claims signed with HMAC-SHA256, keyed with the PEM of a public key the realm publishes (what a
     * verifier that lets the token pick its algorithm would check it against).
     */
    public static String hs256(String real) {
        ensureKey();
        ObjectNode header =
                JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT").put("kid", kid);
        String input = encode(header) + "." + encode(claims(real));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(publicKeyPem().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The real token's claims, changed by {@code claims}, signed RS256 with a key the realm publishes, under a
     * header changed by {@code header} (which starts as alg RS256, typ JWT and the key's id).
     */
    public static String resigned(String real, Consumer<ObjectNode> header, Consumer<ObjectNode> claims) {
        ensureKey();
        ObjectNode h =
                JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", kid);
        header.accept(h);
        ObjectNode c = claims(real);
        claims.accept(c);
        String input = encode(h) + "." + encode(c);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real token re-signed with the published test key, claims and typ unchanged: a token services accept. */
    public static String resigned(String real) {
        return resigned(real, h -> {}, c -> {});
    }

    /** Generates the test key and adds it to the realm (lower priority than the realm's own) once per class loader. */
    private static synchronized void ensureKey() {
        if (keys != null) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair generated = generator.generateKeyPair();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(generated.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----";
            KeycloakServer server = KeycloakTestResource.server();
            server.admin().addRsaKey(KeycloakServer.REALM, "test-key-" + UUID.randomUUID(), pem, 1);
            kid = publishedKid(server.issuer(), (RSAPublicKey) generated.getPublic());
            keys = generated;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publishedKid(String issuer, RSAPublicKey key) {
        String modulus = B64.encodeToString(unsigned(key.getModulus()));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/certs"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            for (JsonNode jwk : JSON.readTree(response.body()).path("keys")) {
                if (modulus.equals(jwk.path("n").asText())) {
                    return jwk.path("kid").asText();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not read the realm's keys", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        throw new IllegalStateException("the realm does not publish the added test key");
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String encode(JsonNode json) {
        return B64.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode part(String token, int index) {
        try {
            return (ObjectNode) JSON.readTree(DECODE.decode(token.split("\\.")[index]));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }
}
