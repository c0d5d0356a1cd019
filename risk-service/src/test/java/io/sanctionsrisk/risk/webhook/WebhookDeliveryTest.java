package io.sanctionsrisk.risk.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsrisk.risk.events.BandChanged;
import io.sanctionsrisk.risk.events.DataStale;
import io.sanctionsrisk.risk.events.SnapshotServed;
import io.sanctionsrisk.risk.events.ThresholdCrossed;
import io.sanctionsrisk.risk.testing.Eventually;
import io.sanctionsrisk.testing.Tokens;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries to receivers on 127.0.0.1 that check every signature with their own code: retries, dead letters,
 * redelivery, who gets which event, a slow receiver beside a fast one, rows left by a stopped replica, and the address
 * check at delivery time. The test profile allows 127.0.0.1, tries 3 times and backs off from 100 ms.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String WEBHOOKS = "/api/v1/webhooks";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final Event<BandChanged> bandChanged;
    private final Event<ThresholdCrossed> thresholdCrossed;
    private final Event<SnapshotServed> snapshotServed;
    private final Event<DataStale> dataStale;
    private final WebhookConfig config;

    WebhookDeliveryTest(
            WebhookSubscriptionRepository subscriptions,
            WebhookDeliveryRepository deliveries,
            Event<BandChanged> bandChanged,
            Event<ThresholdCrossed> thresholdCrossed,
            Event<SnapshotServed> snapshotServed,
            Event<DataStale> dataStale,
            WebhookConfig config) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.bandChanged = bandChanged;
        this.thresholdCrossed = thresholdCrossed;
        this.snapshotServed = snapshotServed;
        this.dataStale = dataStale;
        this.config = config;
    }

    @BeforeEach
    @AfterEach
    void noSubscriptions() {
        QuarkusTransaction.requiringNew().run(subscriptions::deleteAll);
    }

    private WebhookSubscription subscribe(String owner, String url, String secret, EventType... events) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription row =
                    new WebhookSubscription(owner, Instant.now(), "test", null, url, secret, List.of(events), null);
            subscriptions.persist(row);
            return row;
        });
    }

    private List<WebhookDelivery> deliveriesOf(long subscriptionId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> deliveries.list("subscriptionId = ?1 order by id", subscriptionId));
    }

    private WebhookDelivery first(long subscriptionId) {
        return deliveriesOf(subscriptionId).stream().findFirst().orElse(null);
    }

    private WebhookDelivery delivery(long id) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.findById(id));
    }

    private static BandChanged band(String organisation, String institution) {
        return new BandChanged(
                organisation, "portfolio-1", institution, "moderate", "high", 41.5, 52.25, 12L, Instant.now());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void signsEveryAttemptRetriesFailuresAndDelivers() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        try (WebhookReceiver receiver = new WebhookReceiver(secret).answering(attempt -> attempt < 3 ? 500 : 204)) {
            String token = Tokens.forClient("bank-risk-engine");
            String owner = given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "secret", secret, "events", List.of("band-change")))
                    .post(WEBHOOKS)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("owner");
            Instant before = Instant.now();
            bandChanged.fire(band(owner, "BANK-042"));

            Map<String, Object> delivered = Eventually.await(
                    "the band change is delivered on the third attempt",
                    WAIT,
                    () -> given().auth()
                            .oauth2(token)
                            .queryParam("status", "delivered")
                            .get(WEBHOOKS + "/deliveries")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getMap("items[0]"),
                    item -> item != null);
            assertEquals(3, delivered.get("attempts"));
            assertEquals(204, delivered.get("lastStatusCode"));

            List<WebhookReceiver.Received> received = receiver.received();
            assertEquals(3, received.size(), received.toString());
            assertEquals(
                    List.of(500, 500, 204),
                    received.stream().map(WebhookReceiver.Received::answered).toList());
            assertEquals(
                    1,
                    received.stream()
                            .map(WebhookReceiver.Received::id)
                            .distinct()
                            .count(),
                    "one webhook-id");
            assertEquals(delivered.get("messageId"), received.get(0).id());
            for (WebhookReceiver.Received r : received) {
                assertTrue(r.signatureValid(), "signature of " + r);
                long timestamp = Long.parseLong(r.timestamp());
                assertTrue(Math.abs(timestamp - before.getEpochSecond()) < 300, "timestamp within 5 minutes");
                JsonNode body = json(r.body());
                assertEquals("band-change", body.get("type").asText());
                assertEquals("BANK-042", body.at("/data/institutionId").asText());
                assertEquals("high", body.at("/data/band").asText());
                assertEquals(owner, body.at("/data/organisation").asText());
            }
        }
    }

    @Test
    void deadLettersAfterTheLastAttemptAndRedeliversById() {
        WebhookSecret secret = WebhookSecret.generate();
        try (WebhookReceiver receiver = new WebhookReceiver(secret.text()).answering(attempt -> 503)) {
            String token = Tokens.forUser("analyst");
            io.restassured.path.json.JsonPath created = given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "secret", secret.text(), "events", List.of("threshold")))
                    .post(WEBHOOKS)
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            long subscription = created.getLong("id");
            String owner = created.getString("owner");
            thresholdCrossed.fire(
                    new ThresholdCrossed(owner, "portfolio-7", "BANK-7", 50.0, 48.0, 51.5, 13L, Instant.now()));

            WebhookDelivery dead = Eventually.await(
                    "the delivery is dead-lettered",
                    WAIT,
                    () -> first(subscription),
                    d -> d != null && "dead".equals(d.getStatus()));
            assertEquals(3, dead.getAttempts());
            assertEquals(503, dead.getLastStatusCode());
            assertEquals(3, receiver.received().size());
            given().auth()
                    .oauth2(token)
                    .queryParam("status", "dead")
                    .queryParam("subscription", subscription)
                    .get(WEBHOOKS + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].id", equalTo(dead.getId().intValue()))
                    .body("items[0].lastError", equalTo("the receiver answered 503"));

            receiver.answering(attempt -> 200);
            given().auth()
                    .oauth2(token)
                    .post(WEBHOOKS + "/deliveries/" + dead.getId() + "/redeliver")
                    .then()
                    .statusCode(202)
                    .body("status", equalTo("pending"))
                    .body("attempts", equalTo(0))
                    .body("redeliveries", equalTo(1));
            WebhookDelivery redelivered = Eventually.await(
                    "the redelivery arrives",
                    WAIT,
                    () -> delivery(dead.getId()),
                    d -> "delivered".equals(d.getStatus()));
            assertEquals(1, redelivered.getAttempts());
            List<WebhookReceiver.Received> received = receiver.received();
            assertEquals(4, received.size());
            assertEquals(dead.getMessageId(), received.get(3).id(), "the same webhook-id");
            assertTrue(received.stream().allMatch(WebhookReceiver.Received::signatureValid));
        }
    }

    @Test
    void deliversAnEventOnceToEachSubscriberOfItsTypeAndOrganisation() {
        WebhookSecret secret = WebhookSecret.generate();
        try (WebhookReceiver receiver = new WebhookReceiver(secret.text())) {
            WebhookSubscription bandsOfA = subscribe("org-a", receiver.url(), secret.text(), EventType.BAND_CHANGE);
            WebhookSubscription allOfB = subscribe(
                    "org-b",
                    receiver.url(),
                    secret.text(),
                    EventType.BAND_CHANGE,
                    EventType.THRESHOLD,
                    EventType.MODEL_VERSION,
                    EventType.STALE_DATA);

            bandChanged.fire(band("org-a", "A-1"));
            bandChanged.fire(band("org-a", "A-1"));
            bandChanged.fire(band("org-c", "C-1"));
            bandChanged.fire(band(null, "NOBODY-1"));
            SnapshotServed served = new SnapshotServed(99L, 98L, "cadence-2.1", 42L, Instant.now());
            snapshotServed.fire(served);
            snapshotServed.fire(served);
            dataStale.fire(
                    new DataStale(99L, List.of("the data were last confirmed current 901 s ago"), Instant.now()));

            // one recorder writes the events in the order fired: once the last is written, all are
            Eventually.await(
                    "the stale-data event is written",
                    WAIT,
                    () -> types(allOfB.getId()),
                    t -> t.contains("stale-data"));
            assertEquals(List.of("band-change"), types(bandsOfA.getId()));
            assertEquals(List.of("model-version", "stale-data"), types(allOfB.getId()));

            Eventually.await("all three are delivered", WAIT, receiver::delivered, n -> n >= 3);
            Set<String> types = receiver.received().stream()
                    .map(r -> json(r.body()).get("type").asText())
                    .collect(Collectors.toSet());
            assertEquals(Set.of("band-change", "model-version", "stale-data"), types);
            JsonNode model = receiver.received().stream()
                    .map(r -> json(r.body()))
                    .filter(b -> b.get("type").asText().equals("model-version"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("cadence-2.1", model.at("/data/modelVersion").asText());
            assertEquals(99, model.at("/data/snapshotId").asLong());
            assertEquals(3, receiver.received().size(), "no duplicates");
        }
    }

    private List<String> types(long subscriptionId) {
        return deliveriesOf(subscriptionId).stream()
                .map(WebhookDelivery::getEventType)
                .sorted()
                .toList();
    }

    @Test
    void aSlowReceiverDoesNotHoldUpOtherSubscribers() {
        WebhookSecret secret = WebhookSecret.generate();
        try (WebhookReceiver slow = new WebhookReceiver(secret.text());
                WebhookReceiver fast = new WebhookReceiver(secret.text())) {
            WebhookSubscription slowOne = subscribe("slow-org", slow.url(), secret.text(), EventType.BAND_CHANGE);
            subscribe("fast-org", fast.url(), secret.text(), EventType.BAND_CHANGE);
            slow.hold();
            int slowEvents = 3 * config.delivery().maxInFlightPerSubscription();
            for (int i = 0; i < slowEvents; i++) {
                bandChanged.fire(band("slow-org", "S-" + i));
            }
            for (int i = 0; i < 5; i++) {
                bandChanged.fire(band("fast-org", "F-" + i));
            }
            Eventually.await("the fast receiver gets all five", WAIT, fast::delivered, n -> n == 5);
            assertEquals(0, slow.delivered(), "the slow receiver has answered nothing yet");
            assertTrue(
                    slow.maxConcurrent() <= config.delivery().maxInFlightPerSubscription(),
                    "at most max-in-flight-per-subscription at once, got " + slow.maxConcurrent());
            slow.release();
            Eventually.await(
                    "the slow receiver's deliveries complete",
                    WAIT,
                    () -> deliveriesOf(slowOne.getId()).stream()
                            .filter(d -> d.getStatus().equals("delivered"))
                            .count(),
                    n -> n == slowEvents);
            assertTrue(fast.received().stream().allMatch(WebhookReceiver.Received::signatureValid));
        }
    }

    @Test
    void takesOverDeliveriesThatAStoppedReplicaLeft() {
        WebhookSecret secret = WebhookSecret.generate();
        try (WebhookReceiver receiver = new WebhookReceiver(secret.text())) {
            WebhookSubscription subscription =
                    subscribe("durable-org", receiver.url(), secret.text(), EventType.MODEL_VERSION);
            // one row queued but never announced to a worker, one claimed by a replica that stopped before sending
            long[] ids = QuarkusTransaction.requiringNew().call(() -> {
                Instant now = Instant.now();
                WebhookDelivery queued = new WebhookDelivery(
                        subscription,
                        "msg_queued0000000000000000000000",
                        EventType.MODEL_VERSION,
                        "k1",
                        "{\"type\":\"model-version\",\"data\":{\"snapshotId\":1}}",
                        now);
                WebhookDelivery claimed = new WebhookDelivery(
                        subscription,
                        "msg_claimed000000000000000000000",
                        EventType.MODEL_VERSION,
                        "k2",
                        "{\"type\":\"model-version\",\"data\":{\"snapshotId\":2}}",
                        now);
                deliveries.persist(queued);
                deliveries.persist(claimed);
                deliveries.flush();
                deliveries.update(
                        "status = 'delivering', claimedUntil = ?1, claimToken = 42 where id = ?2",
                        now.minusSeconds(60),
                        claimed.getId());
                return new long[] {queued.getId(), claimed.getId()};
            });
            for (long id : ids) {
                Eventually.await("delivery " + id, WAIT, () -> delivery(id), d -> "delivered".equals(d.getStatus()));
            }
            assertEquals(
                    Set.of("msg_queued0000000000000000000000", "msg_claimed000000000000000000000"),
                    receiver.received().stream()
                            .map(WebhookReceiver.Received::id)
                            .collect(Collectors.toSet()));
        }
    }

    @Test
    void checksTheAddressAgainWhenDelivering() {
        // registered before the rules changed, or a name that now resolves to an internal address
        WebhookSubscription internal = subscribe(
                "rebind-org",
                "http://10.11.12.13:8080/hooks",
                WebhookSecret.generate().text(),
                EventType.BAND_CHANGE);
        bandChanged.fire(band("rebind-org", "R-1"));
        WebhookDelivery dead = Eventually.await(
                "the delivery is refused",
                WAIT,
                () -> first(internal.getId()),
                d -> d != null && "dead".equals(d.getStatus()));
        assertEquals(1, dead.getAttempts(), "not retried");
        assertTrue(dead.getLastError().contains("refused by the address check"), dead.getLastError());
        assertTrue(dead.getLastError().contains("a private"), dead.getLastError());
    }
}
