package io.sanctionsrisk.risk.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** The delivery rows: written when an event is observed, claimed by a worker, and settled after each attempt. */
@ApplicationScoped
public class DeliveryStore {

    private static final Logger LOG = Logger.getLogger(DeliveryStore.class);

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public DeliveryStore(
            WebhookSubscriptionRepository subscriptions,
            WebhookDeliveryRepository deliveries,
            WebhookConfig config,
            ObjectMapper json,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /**
     * One pending delivery of the event for every subscription that wants it (of the owner, or of everyone when the
     * owner is null). An event already queued for a subscription under the same identity (observed twice, or on two
     * replicas) is not queued again. Returns how many rows were written.
     */
    public int enqueue(EventType type, String owner, String identity, Object data, Instant at) {
        String eventKey = sha256(type.wire() + "\n" + identity);
        List<WebhookSubscription> wanting =
                QuarkusTransaction.requiringNew().call(() -> subscriptions.wanting(type, owner));
        int written = 0;
        for (WebhookSubscription subscription : wanting) {
            try {
                boolean added = QuarkusTransaction.requiringNew().call(() -> {
                    if (deliveries.exists(subscription.getId(), eventKey)) {
                        return false;
                    }
                    String messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");
                    deliveries.persist(new WebhookDelivery(
                            subscription, messageId, type, eventKey, payload(type, at, data), clock.instant()));
                    return true;
                });
                written += added ? 1 : 0;
            } catch (RuntimeException e) {
                // the unique (subscription, event) key: another replica queued it between the check and the insert
                LOG.debugf("delivery of %s to subscription %d not queued: %s", type.wire(), subscription.getId(), e);
            }
        }
        return written;
    }

    /** The body every attempt sends: the event type, when it happened, and its data. */
    private String payload(EventType type, Instant at, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.wire());
        body.put("timestamp", at.toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type.wire() + " cannot be written as JSON", e);
        }
    }

    /** A claimed delivery with what its attempt needs. */
    public record Claimed(
            long id, long version, long subscriptionId, String messageId, String payload, String url, String secret) {}

    /**
     * Claims up to {@code free} due deliveries for this replica, at most {@code perSubscription} in flight for any one
     * subscription counting {@code inFlight}; busy subscriptions are not even read.
     */
    @Transactional
    public List<Claimed> claimDue(Map<Long, Integer> inFlight, int perSubscription, int free) {
        Instant now = clock.instant();
        Set<Long> busy = inFlight.entrySet().stream()
                .filter(e -> e.getValue() >= perSubscription)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        List<WebhookDelivery> due = deliveries.due(now, busy, free * perSubscription);
        Map<Long, Integer> counts = new HashMap<>(inFlight);
        Instant until = now.plus(config.delivery().claimTimeout());
        List<WebhookDelivery> taken = new ArrayList<>();
        for (WebhookDelivery delivery : due) {
            if (taken.size() >= free) {
                break;
            }
            int count = counts.getOrDefault(delivery.getSubscriptionId(), 0);
            if (count >= perSubscription) {
                continue;
            }
            if (deliveries.claim(delivery.getId(), delivery.getVersion(), until)) {
                counts.put(delivery.getSubscriptionId(), count + 1);
                taken.add(delivery);
            }
        }
        if (taken.isEmpty()) {
            return List.of();
        }
        Map<Long, WebhookSubscription> owners =
                subscriptions
                        .list(
                                "id in ?1",
                                taken.stream()
                                        .map(WebhookDelivery::getSubscriptionId)
                                        .distinct()
                                        .toList())
                        .stream()
                        .collect(Collectors.toMap(WebhookSubscription::getId, Function.identity()));
        List<Claimed> claimed = new ArrayList<>();
        for (WebhookDelivery d : taken) {
            WebhookSubscription s = owners.get(d.getSubscriptionId());
            if (s != null) {
                claimed.add(new Claimed(
                        d.getId(),
                        d.getVersion() + 1,
                        d.getSubscriptionId(),
                        d.getMessageId(),
                        d.getPayload(),
                        s.getUrl(),
                        s.getSecret()));
            }
        }
        return claimed;
    }

    /** The receiver answered 2xx. */
    @Transactional
    public void delivered(Claimed claimed, int statusCode, Instant at) {
        held(claimed).ifPresent(d -> d.delivered(statusCode, at));
    }

    /**
     * The attempt failed: due again after the backoff, or dead-lettered when it was the last attempt or {@code final}
     * (the address check refused the URL).
     */
    @Transactional
    public void failed(Claimed claimed, Integer statusCode, String error, Instant at, boolean permanent) {
        held(claimed).ifPresent(d -> {
            int attempt = d.getAttempts() + 1;
            if (permanent || attempt >= config.delivery().maxAttempts()) {
                d.dead(statusCode, error, at);
            } else {
                d.retryAt(at.plus(backoff(attempt)), statusCode, error, at);
            }
        });
    }

    /** The wait after the n-th failed attempt: initial x multiplier^(n-1), capped, stretched by the jitter. */
    Duration backoff(int attempt) {
        WebhookConfig.Delivery d = config.delivery();
        double millis = d.initialBackoff().toMillis() * Math.pow(d.backoffMultiplier(), attempt - 1);
        millis = Math.min(millis, d.maxBackoff().toMillis());
        millis *= 1
                + Math.max(0, Math.min(1, d.jitter()))
                        * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) millis);
    }

    /** The row, locked, while this worker's claim still holds it; empty when the claim ran out and was retaken. */
    private java.util.Optional<WebhookDelivery> held(Claimed claimed) {
        WebhookDelivery row = deliveries.findById(claimed.id(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null
                || row.getVersion() != claimed.version()
                || !WebhookDelivery.Status.DELIVERING.wire().equals(row.getStatus())) {
            LOG.warnf("delivery %d was retaken by another worker; this attempt's outcome is dropped", claimed.id());
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(row);
    }

    /** Deletes settled rows older than the retention. */
    @Transactional
    public long purge() {
        return deliveries.purge(clock.instant().minus(config.delivery().retention()));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
