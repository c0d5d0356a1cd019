package io.sanctionsrisk.gateway.testing;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/** Takes real tokens apart and puts forged ones together, for the tests that must see them refused. */
public final class Jwts {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Jwts() {}

    public static JsonObject header(String token) {
        return part(token, 0);
    }

    public static JsonObject claims(String token) {
        return part(token, 1);
    }

    public static String signature(String token) {
        return token.split("\\.")[2];
    }

    public static String encode(JsonObject json) {
        return ENCODER.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
    }

    /** header.claims.signature from the given parts. */
    public static String assemble(JsonObject header, JsonObject claims, String signature) {
        return encode(header) + "." + encode(claims) + "." + signature;
    }

    /** A token signed with a new RSA key the realm has never published, under the given key id. */
    public static String signedWithForeignKey(JsonObject claims, String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            JsonObject header =
                    new JsonObject().put("alg", "RS256").put("typ", "JWT").put("kid", kid);
            String signingInput = encode(header) + "." + encode(claims);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ENCODER.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject part(String token, int index) {
        return new JsonObject(new String(DECODER.decode(token.split("\\.")[index]), StandardCharsets.UTF_8));
    }
}
