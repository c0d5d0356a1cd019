package io.sanctionsrisk.risk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Standard Webhooks signature, checked against the specification's published example and against openssl. */
class WebhookSecretTest {

    /** The example of the Standard Webhooks reference libraries' tests: secret, message id, timestamp, body, result. */
    @Test
    void matchesTheSpecificationsExample() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                secret.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}"));
    }

    @Test
    void matchesOpensslOnAGeneratedSecretAndAUnicodeBody() throws Exception {
        WebhookSecret secret = WebhookSecret.generate();
        String id = "msg_0f1e2d3c4b5a69788796a5b4c3d2e1f0";
        long timestamp = 1_780_000_000L;
        String body = "{\"type\":\"band-change\",\"data\":{\"institutionId\":\"Banco Nación ñ 東京\",\"score\":57.25}}";
        byte[] key = Base64.getDecoder().decode(secret.text().substring("whsec_".length()));
        String opensslSignature = openssl(
                HexFormat.of().formatHex(key), (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        assertEquals("v1," + opensslSignature, secret.sign(id, timestamp, body));
        assertNotEquals(secret.sign(id, timestamp + 1, body), secret.sign(id, timestamp, body));
    }

    @Test
    void generatesThirtyTwoRandomBytesBehindThePrefix() {
        WebhookSecret a = WebhookSecret.generate();
        WebhookSecret b = WebhookSecret.generate();
        assertTrue(a.text().startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(a.text().substring(6)).length);
        assertNotEquals(a.text(), b.text());
        assertEquals(a.text(), WebhookSecret.parse(a.text()).text());
        assertEquals("whsec_...", a.toString(), "the secret stays out of logs");
    }

    @Test
    void refusesSecretsThatAreNotWhsecBase64OfTwentyFourToSixtyFourBytes() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSecret.parse(null));
        assertThrows(IllegalArgumentException.class, () -> WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertThrows(IllegalArgumentException.class, () -> WebhookSecret.parse("whsec_not*base64!"));
        String tooShort = Base64.getEncoder().encodeToString(new byte[23]);
        String tooLong = Base64.getEncoder().encodeToString(new byte[65]);
        assertThrows(IllegalArgumentException.class, () -> WebhookSecret.parse("whsec_" + tooShort));
        assertThrows(IllegalArgumentException.class, () -> WebhookSecret.parse("whsec_" + tooLong));
        WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[24]));
        WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[64]));
    }

    /** base64(HMAC-SHA256) of the content under the hex key, computed by the openssl command line. */
    private static String openssl(String hexKey, byte[] content) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "openssl", "dgst", "-sha256", "-mac", "HMAC", "-macopt", "hexkey:" + hexKey, "-binary")
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(content);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream stdout = process.getInputStream()) {
            stdout.transferTo(out);
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "openssl finished");
        assertEquals(
                0, process.exitValue(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(32, out.size(), "an HMAC-SHA256");
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
