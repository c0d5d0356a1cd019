package io.sanctionsrisk.risk.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sanctionsrisk.risk.audit.InputsDigest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** An event to deliver: its type, its owner (null: every owner's subscriptions), what makes it one event. */
    public record Observed(EventType type, String owner, String identity, Object data, Instant at) {

        String eventKey() {
            return InputsDigest.ofText(type.wire() + "\n" + identity);
        }
    }

    /**
     * One pending delivery of each event for every subscription that wants it, in one transaction. An event already
     * queued for a subscription under the same identity (observed twice, or on two replicas) is not queued again; when
     * another replica writes the same row at the same moment the batch is written again event by event. Returns how
     * many rows were written.
     */
    public int enqueueAll(List<Observed> events) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> write(events));
        } catch (RuntimeException e) {
            LOG.debugf("a batch of %d events met a concurrent write; writing them one by one: %s", events.size(), e);
            int written = 0;
            for (Observed event : events) {
                try {
                    written += QuarkusTransaction.requiringNew().call(() -> write(List.of(event)));
                } catch (RuntimeException again) {
                    LOG.debugf("event %s %s not queued: %s", event.type().wire(), event.identity(), again);
                }
            }
            return written;
        }
    }

    private int write(List<Observed> events) {
        Map<String, List<WebhookSubscription>> wanting = new HashMap<>();
        Map<String, Observed> byKey = new LinkedHashMap<>();
        for (Observed event : events) {
            byKey.putIfAbsent(event.eventKey(), event);
        }
        Set<String> existing = deliveries.existingKeys(byKey.keySet());
        Instant now = clock.instant();
        int written = 0;
        for (Map.Entry<String, Observed> entry : byKey.entrySet()) {
            Observed event = entry.getValue();
            List<WebhookSubscription> subscribers = wanting.computeIfAbsent(
                    event.type().wire() + "\n" + event.owner(),
                    k -> subscriptions.wanting(event.type(), event.owner()));
            for (WebhookSubscription subscription : subscribers) {
                if (existing.contains(subscription.getId() + "/" + entry.getKey())) {
                    continue;
                }
                String messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");
                deliveries.persist(new WebhookDelivery(
                        subscription,
                        messageId,
                        event.type(),
                        entry.getKey(),
                        payload(event.type(), event.at(), event.data()),
                        now));
                written++;
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
            long id,
            long token,
            int attempts,
            long subscriptionId,
            String messageId,
            String payload,
            String url,
            String secret) {}

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
        List<Long> chosen = new ArrayList<>();
        for (WebhookDelivery delivery : due) {
            if (chosen.size() >= free) {
                break;
            }
            int count = counts.getOrDefault(delivery.getSubscriptionId(), 0);
            if (count < perSubscription) {
                counts.put(delivery.getSubscriptionId(), count + 1);
                chosen.add(delivery.getId());
            }
        }
        if (chosen.isEmpty()) {
            return List.of();
        }
        long token = RANDOM.nextLong();
        List<WebhookDelivery> taken =
                deliveries.claim(chosen, token, now, now.plus(config.delivery().claimTimeout()));
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
                        token,
                        d.getAttempts(),
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
        settled(
                claimed,
                deliveries.settle(
                        claimed.id(), claimed.token(), WebhookDelivery.Status.DELIVERED, at, statusCode, null, null));
    }

    /**
     * The attempt failed: due again after the backoff, or dead-lettered when it was the last attempt or {@code
     * permanent} (the address check refused the URL).
     */
    @Transactional
    public void failed(Claimed claimed, Integer statusCode, String error, Instant at, boolean permanent) {
        int attempt = claimed.attempts() + 1;
        boolean dead = permanent || attempt >= config.delivery().maxAttempts();
        settled(
                claimed,
                deliveries.settle(
                        claimed.id(),
                        claimed.token(),
                        dead ? WebhookDelivery.Status.DEAD : WebhookDelivery.Status.PENDING,
                        at,
                        statusCode,
                        error,
                        dead ? null : at.plus(backoff(attempt))));
    }

    private static void settled(Claimed claimed, boolean settled) {
        if (!settled) {
            LOG.warnf("delivery %d was retaken or deleted meanwhile; this attempt's outcome is dropped", claimed.id());
        }
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

    /** Deletes settled rows older than the retention. */
    @Transactional
    public long purge() {
        return deliveries.purge(clock.instant().minus(config.delivery().retention()));
    }
}
