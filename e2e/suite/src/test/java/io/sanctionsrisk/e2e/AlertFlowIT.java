package io.sanctionsrisk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sanctionsrisk.testing.KeycloakServer;
import io.sanctionsrisk.testing.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A bank's alerting from end to end, through the gateway: the bank's risk engine keeps a portfolio and subscribes a
 * webhook; the data steward's feed imports a new heist; the risk-service refits on the new data, re-scores the
 * portfolio and posts a signed model-version event (and band-change events, when a band moved) to the bank's
 * receiver; the model card names the new snapshot; and the bank's analyst sees the re-scored portfolio in the browser.
 */
class AlertFlowIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PAGE = Duration.ofSeconds(60);
    /** Refit (checked every 5 s in the e2e profile), fit, re-scoring and delivery: generous, never a speed claim. */
    private static final Duration FLOW = Duration.ofMinutes(6);

    private static final String INSTITUTIONS_CSV = """
            institutionId,sector,country,horizonDays,cryptoCustody,controlMaturity
            alert-sg-exchange,crypto-exchange,SG,365,hot-wallet,basic
            alert-bd-bank,commercial-bank,BD,365,,
            alert-cl-branch,commercial-bank,CL,90,,
            alert-vn-exchange,crypto-exchange,VN,365,cold-only,intermediate
            """;
    private static final Set<String> INSTITUTION_IDS =
            Set.of("alert-sg-exchange", "alert-bd-bank", "alert-cl-branch", "alert-vn-exchange");

    private static Suite suite;
    private static String gateway;
    private static Path evidence;
    private static HttpServer receiver;
    private static ExecutorService receiverThreads;
    private static final ConcurrentLinkedQueue<Received> RECEIVED = new ConcurrentLinkedQueue<>();

    private record Received(String id, String timestamp, String signature, String body, Instant at) {}

    @BeforeAll
    static void startTheSuiteAndTheReceiver() throws IOException {
        Browser.requireInstalled();
        suite = Suite.get();
        gateway = suite.gateway.baseUrl();
        suite.keycloak.admin().allowClientOrigin(KeycloakServer.REALM, "dashboard", gateway);
        evidence = Path.of(Suite.required("e2e.work.dir"), "alert-flow");
        // the bank's receiver: takes every delivery, keeps it for the test to check, answers 204
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        receiver.createContext("/sanctions-risk/alerts", AlertFlowIT::receive);
        receiverThreads = Executors.newFixedThreadPool(4);
        receiver.setExecutor(receiverThreads);
        receiver.start();
        // the risk-service fits its first snapshot shortly after start; portfolio uploads are scored on it
        ResilienceIT.awaitStatus(gateway + "/api/v1/model", Tokens.bearerForUser("viewer"), 200, Duration.ofMinutes(5));
    }

    @AfterAll
    static void stopTheReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
        if (receiverThreads != null) {
            receiverThreads.shutdownNow();
        }
    }

    private static void receive(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            RECEIVED.add(new Received(
                    headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"),
                    body,
                    Instant.now()));
            exchange.sendResponseHeaders(204, -1);
        } finally {
            exchange.close();
        }
    }

    @Test
    void aStewardsImportRefitsRescoresAlertsTheBankAndShowsInTheCardAndTheBrowser() throws Exception {
        String bank = Tokens.bearerForClient("bank-risk-engine");

        // 1. the bank's risk engine: a portfolio, its institutions (CSV), a webhook subscription
        HttpResponse<String> created = Http.send(
                "POST",
                gateway + "/api/v1/portfolios",
                bank,
                "application/json",
                "{\"name\": \"Alert flow, Asia exchanges\", \"thresholds\": [50]}");
        assertEquals(201, created.statusCode(), created.body());
        String portfolioId = JSON.readTree(created.body()).path("id").asText();
        assertTrue(!portfolioId.isEmpty(), created.body());

        HttpResponse<String> uploaded = Http.send(
                "PUT",
                gateway + "/api/v1/portfolios/" + portfolioId + "/institutions",
                bank,
                "text/csv",
                INSTITUTIONS_CSV);
        assertTrue(uploaded.statusCode() / 100 == 2, uploaded.statusCode() + ": " + uploaded.body());
        JsonNode before = scores(bank, portfolioId);
        long firstSnapshot = before.path("snapshotId").asLong();
        assertTrue(firstSnapshot > 0, "the upload is scored on the serving snapshot: " + before);
        assertEquals(INSTITUTION_IDS.size(), before.path("total").asInt(), before.toString());
        assertEquals(INSTITUTION_IDS, ids(before), before.toString());

        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/sanctions-risk/alerts";
        HttpResponse<String> subscribed = Http.send(
                "POST",
                gateway + "/api/v1/webhooks",
                bank,
                "application/json",
                JSON.writeValueAsString(JSON.createObjectNode()
                        .put("url", url)
                        .put("secret", secret)
                        .put("description", "end-to-end alert receiver")
                        .set(
                                "events",
                                JSON.createArrayNode().add("model-version").add("band-change"))));
        assertEquals(201, subscribed.statusCode(), subscribed.body());

        // 2. the data steward's feed imports a new heist: a new data version, which the risk-service refits on
        HttpResponse<String> imported = Http.send(
                "POST",
                gateway + "/api/v1/imports",
                Tokens.bearerForClient("steward-sync"),
                "application/stix+json",
                RealFlowIT.bundle("E2E-ALERT-HEIST"));
        assertEquals(200, imported.statusCode(), imported.body());
        JsonNode report = JSON.readTree(imported.body());
        assertEquals(1, report.path("created").path("incidents").asInt(), imported.body());
        long dataVersion = report.path("dataVersion").asLong();
        RealFlowIT.awaitModelAtDataVersion(gateway, Tokens.bearerForUser("viewer"), dataVersion);

        // 3. the portfolio is re-scored on a snapshot of the new data, with the change against the one before
        JsonNode after = await(
                "the portfolio re-scored on data version " + dataVersion,
                () -> scores(Tokens.bearerForClient("bank-risk-engine"), portfolioId),
                s -> s.path("dataVersion").asLong() >= dataVersion
                        && s.path("snapshotId").asLong()
                                == s.path("servingSnapshotId").asLong());
        long newSnapshot = after.path("snapshotId").asLong();
        assertTrue(newSnapshot > firstSnapshot, "re-scored on a new snapshot: " + after);
        assertTrue(after.path("previousSnapshotId").asLong() >= firstSnapshot, after.toString());
        assertEquals(INSTITUTION_IDS, ids(after), after.toString());
        List<String> changedBands = new ArrayList<>();
        for (JsonNode item : after.path("items")) {
            assertTrue(item.hasNonNull("previousScore"), "each was scored before: " + item);
            assertEquals(
                    item.path("score").asDouble() - item.path("previousScore").asDouble(),
                    item.path("scoreChange").asDouble(),
                    1e-9,
                    item.toString());
            assertEquals(
                    !item.path("band").asText().equals(item.path("previousBand").asText()),
                    item.path("bandChanged").asBoolean(),
                    item.toString());
            if (item.path("bandChanged").asBoolean()) {
                changedBands.add(item.path("institutionId").asText());
            }
        }
        assertEquals(changedBands.size(), after.path("bandChanges").asInt(), after.toString());

        // 4. the receiver gets a model-version event for the new snapshot, and a band-change for each moved band;
        // every delivery carries a valid Standard Webhooks signature made with the subscription's secret
        JsonNode modelVersion = awaitDelivery(
                "a model-version delivery for snapshot " + newSnapshot,
                secret,
                event -> "model-version".equals(event.path("type").asText())
                        && event.path("data").path("snapshotId").asLong() == newSnapshot);
        assertEquals(dataVersion, modelVersion.path("data").path("dataVersion").asLong(), modelVersion.toString());
        assertEquals(
                after.path("modelVersion").asText(),
                modelVersion.path("data").path("modelVersion").asText(),
                modelVersion.toString());
        for (String institution : changedBands) {
            JsonNode change = awaitDelivery(
                    "a band-change delivery for " + institution,
                    secret,
                    event -> "band-change".equals(event.path("type").asText())
                            && portfolioId.equals(
                                    event.path("data").path("portfolioId").asText())
                            && institution.equals(
                                    event.path("data").path("institutionId").asText())
                            && event.path("data").path("snapshotId").asLong() == newSnapshot);
            assertEquals("bank-one", change.path("data").path("organisation").asText(), change.toString());
        }
        System.out.println("AlertFlowIT: snapshot " + firstSnapshot + " -> " + newSnapshot + ", band changes "
                + changedBands + ", deliveries received " + RECEIVED.size());

        // 5. the model card of the serving snapshot is the new one, with its change log against the one before
        HttpResponse<String> cardResponse = Http.get(gateway + "/api/v1/model/card", bank);
        assertEquals(200, cardResponse.statusCode(), cardResponse.body());
        JsonNode card = JSON.readTree(cardResponse.body());
        assertTrue(card.path("snapshotId").asLong() >= newSnapshot, "card of snapshot " + card.path("snapshotId"));
        assertTrue(card.path("serving").asBoolean(), "the card is of the serving snapshot");
        assertTrue(
                card.path("versions").path("data").asLong() >= dataVersion,
                card.path("versions").toString());
        assertTrue(
                card.path("changes").path("previousSnapshotId").asLong() >= firstSnapshot,
                card.path("changes").toString());
        HttpResponse<String> newCard = Http.get(gateway + "/api/v1/model/snapshots/" + newSnapshot + "/card", bank);
        assertEquals(200, newCard.statusCode(), newCard.body());
        assertEquals(
                dataVersion,
                JSON.readTree(newCard.body()).path("versions").path("data").asLong());

        // 6. the bank's analyst (group bank-one) sees the portfolio re-scored on the new snapshot in the browser
        showsThePortfolioInTheBrowser(portfolioId, after);
    }

    private static void showsThePortfolioInTheBrowser(String portfolioId, JsonNode after) {
        String page = gateway + "/dashboard/portfolio.html";
        long snapshot = after.path("snapshotId").asLong();
        long previous = after.path("previousSnapshotId").asLong();
        try (Browser browser = Browser.start(evidence)) {
            try {
                browser.driver.get(page);
                browser.waitUpTo(PAGE)
                        .until(ExpectedConditions.elementToBeClickable(By.id("login")))
                        .click();
                browser.waitUpTo(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
                browser.driver.findElement(By.id("username")).sendKeys("analyst");
                browser.driver
                        .findElement(By.id("password"))
                        .sendKeys(suite.keycloak.credential("SR_DEMO_PASSWORD_ANALYST"));
                browser.driver.findElement(By.id("kc-login")).click();
                browser.waitUpTo(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
                assertEquals(page, browser.driver.getCurrentUrl(), "back on the page, code and state removed");

                browser.waitUpTo(PAGE)
                        .until(driver ->
                                driver.findElements(By.cssSelector("#portfolio option[value='" + portfolioId + "']"))
                                                .size()
                                        == 1);
                Select chooser = new Select(browser.driver.findElement(By.id("portfolio")));
                if (!portfolioId.equals(chooser.getFirstSelectedOption().getDomAttribute("value"))) {
                    chooser.selectByValue(portfolioId);
                }
                browser.waitUpTo(PAGE).until(driver -> {
                    var panel = driver.findElement(By.id("scores-panel"));
                    return "ready".equals(panel.getDomAttribute("data-state"))
                            && panel.getText().contains("Scored on snapshot " + snapshot + " ")
                            && panel.getText().contains("changes against snapshot " + previous);
                });
                List<String> shown = browser.driver.findElements(By.cssSelector("#scores-panel tbody tr")).stream()
                        .map(row ->
                                row.findElement(By.cssSelector("th")).getText().strip())
                        .collect(Collectors.toList());
                assertEquals(INSTITUTION_IDS, Set.copyOf(shown), "the institutions shown");
                for (JsonNode item : after.path("items")) {
                    String row = browser.driver
                            .findElement(By.xpath("//*[@id='scores-panel']//tbody/tr[th='"
                                    + item.path("institutionId").asText() + "']"))
                            .getText();
                    assertTrue(row.contains(item.path("band").asText()), row);
                    // the page's own number formatting, so the rounding is the page's
                    String change = (String) browser.driver.executeScript(
                            "return (arguments[0] > 0 ? '+' : '') + arguments[0].toFixed(1);",
                            item.path("scoreChange").asDouble());
                    String score = (String) browser.driver.executeScript(
                            "return arguments[0].toFixed(1);",
                            item.path("score").asDouble());
                    assertTrue(row.contains(score) && row.contains(change), row + " / " + score + " " + change);
                    if (item.path("bandChanged").asBoolean()) {
                        assertTrue(row.contains("band changed"), row);
                    }
                }
                browser.waitUpTo(PAGE).until(driver -> {
                    var panel = driver.findElement(By.id("history-panel"));
                    return "ready".equals(panel.getDomAttribute("data-state"))
                            && panel.getText().contains("new model snapshot");
                });
            } finally {
                browser.keepEvidence(evidence, "analystSeesThePortfolioRescored");
            }
        }
    }

    private static JsonNode scores(String authorization, String portfolioId) {
        HttpResponse<String> response =
                Http.get(gateway + "/api/v1/portfolios/" + portfolioId + "/scores?size=100", authorization);
        assertEquals(200, response.statusCode(), response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private static Set<String> ids(JsonNode scores) {
        Set<String> ids = new java.util.HashSet<>();
        scores.path("items").forEach(item -> ids.add(item.path("institutionId").asText()));
        return ids;
    }

    /** Polls until a delivery matches; every delivery received so far must be signed with the secret. */
    private static JsonNode awaitDelivery(String what, String secret, Predicate<JsonNode> wanted) {
        return await(
                what,
                () -> {
                    for (Received received : RECEIVED) {
                        JsonNode event = verified(received, secret);
                        if (wanted.test(event)) {
                            return event;
                        }
                    }
                    return null;
                },
                event -> event != null);
    }

    /** Checks a delivery as a receiver must before trusting it, and answers its body. */
    private static JsonNode verified(Received received, String secret) {
        assertTrue(received.id() != null && received.id().startsWith("msg_"), "webhook-id " + received.id());
        assertTrue(received.timestamp() != null && received.signature() != null, "signature headers present");
        long sent = Long.parseLong(received.timestamp());
        assertTrue(
                Math.abs(received.at().getEpochSecond() - sent) <= 300,
                "timestamp " + sent + " within five minutes of receipt " + received.at());
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            expected = mac.doFinal((received.id() + "." + received.timestamp() + "." + received.body())
                    .getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        boolean valid = false;
        for (String candidate : received.signature().trim().split(" +")) {
            if (candidate.startsWith("v1,")) {
                byte[] given = Base64.getDecoder().decode(candidate.substring(3));
                valid |= MessageDigest.isEqual(expected, given);
            }
        }
        assertTrue(valid, "the signature " + received.signature() + " of " + received.id() + " does not verify");
        try {
            return JSON.readTree(received.body());
        } catch (IOException e) {
            throw new AssertionError("delivery body is not JSON: " + received.body(), e);
        }
    }

    private interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> T await(String what, Probe<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(FLOW);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = probe.get();
            } catch (Exception e) {
                throw new AssertionError(what + ": " + e, e);
            }
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("waited " + FLOW + " for " + what + "; last seen: " + last);
    }
}
