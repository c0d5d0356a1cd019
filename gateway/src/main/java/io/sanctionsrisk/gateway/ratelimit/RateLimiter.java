package io.sanctionsrisk.gateway.ratelimit;

import io.sanctionsrisk.gateway.config.GatewayConfig;
import io.sanctionsrisk.gateway.config.GatewayConfig.RateLimit;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Token buckets per client (the token's {@code azp}), or per client and subject for public clients where one client
 * id stands for many people; and, checked before the token, buckets per remote address. A request costs one token, a
 * batch one per item. Buckets live in this replica's memory: with n replicas a client gets up to n times the rate.
 */
@ApplicationScoped
public class RateLimiter {

    static final String OVERFLOW_KEY = "(overflow)";
    private static final long SWEEP_MILLIS = 60_000;

    private final RateLimit config;
    private final Set<String> perUserClients;
    private final Vertx vertx;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, TokenBucket> addressBuckets = new ConcurrentHashMap<>();
    private long sweepTimer = -1;

    public RateLimiter(GatewayConfig config, Vertx vertx) {
        this.config = config.rateLimit();
        this.perUserClients = Set.copyOf(this.config.perUserClients());
        this.vertx = vertx;
    }

    /** The outcome for one request: allowed, or refused with the whole seconds to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOW = new Decision(true, 0);

        static Decision after(long waitNanos) {
            if (waitNanos == 0) {
                return ALLOW;
            }
            return new Decision(false, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L)));
        }
    }

    @PostConstruct
    void startSweeping() {
        if (config.enabled() || config.perAddress().enabled()) {
            sweepTimer = vertx.setPeriodic(SWEEP_MILLIS, id -> sweep());
        }
    }

    @PreDestroy
    void stopSweeping() {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
    }

    /**
     * The key a client's requests are counted under: the client id, or client and subject for public clients. Also
     * the key of the cap on requests in flight.
     */
    public String clientKey(String clientId, String subject) {
        String client = clientId == null || clientId.isBlank() ? "(no azp)" : clientId;
        return perUserClients.contains(client) ? client + "/" + subject : client;
    }

    public Decision take(String clientId, String subject) {
        return take(clientId, subject, 1);
    }

    /** Takes {@code cost} tokens of the client's bucket (see {@link TokenBucket#tryTake(double)}). */
    public Decision take(String clientId, String subject, double cost) {
        if (!config.enabled()) {
            return Decision.ALLOW;
        }
        return Decision.after(clientBucket(clientId, subject).tryTake(cost));
    }

    /** Charges work that is already under way (the items of a streamed batch); the bucket may go into debt. */
    public void charge(String clientId, String subject, double cost) {
        if (config.enabled() && cost > 0) {
            clientBucket(clientId, subject).charge(cost);
        }
    }

    /** One token of the remote address's bucket, before anything else about the request is checked. */
    public Decision takeForAddress(String address) {
        RateLimit.PerAddress perAddress = config.perAddress();
        if (!perAddress.enabled()) {
            return Decision.ALLOW;
        }
        TokenBucket bucket = bucket(
                addressBuckets,
                address == null ? "(unknown)" : address,
                () -> new TokenBucket(perAddress.requestsPerSecond(), perAddress.burst(), System::nanoTime));
        return Decision.after(bucket.tryTake());
    }

    private TokenBucket clientBucket(String clientId, String subject) {
        String client = clientId == null || clientId.isBlank() ? "(no azp)" : clientId;
        return bucket(buckets, clientKey(clientId, subject), () -> newBucket(client));
    }

    private TokenBucket bucket(ConcurrentHashMap<String, TokenBucket> map, String key, Supplier<TokenBucket> create) {
        TokenBucket bucket = map.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (map.size() >= config.maxBuckets()) {
            sweep(map);
        }
        String kept = map.size() >= config.maxBuckets() ? OVERFLOW_KEY : key;
        return map.computeIfAbsent(kept, k -> create.get());
    }

    private TokenBucket newBucket(String client) {
        RateLimit.ClientLimit own = config.clients().get(client);
        double rate = own == null
                ? config.requestsPerSecond()
                : own.requestsPerSecond().orElse(config.requestsPerSecond());
        int burst = own == null ? config.burst() : own.burst().orElse(config.burst());
        return new TokenBucket(rate, burst, System::nanoTime);
    }

    /** Forgets every bucket, so that each test of the limits starts from full buckets. */
    public void forgetAll() {
        buckets.clear();
        addressBuckets.clear();
    }

    /** Drops full buckets: a full bucket and a missing one answer the same. */
    void sweep() {
        sweep(buckets);
        sweep(addressBuckets);
    }

    private static void sweep(ConcurrentHashMap<String, TokenBucket> map) {
        map.entrySet().removeIf(entry -> entry.getValue().isFull());
    }
}
