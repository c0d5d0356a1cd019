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

/**
 * Token buckets per client (the token's {@code azp}), or per client and subject for public clients where one client
 * id stands for many people. Buckets live in this replica's memory: with n replicas a client gets up to n times the
 * rate.
 */
@ApplicationScoped
public class RateLimiter {

    static final String OVERFLOW_KEY = "(overflow)";
    private static final long SWEEP_MILLIS = 60_000;

    private final RateLimit config;
    private final Set<String> perUserClients;
    private final Vertx vertx;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private long sweepTimer = -1;

    public RateLimiter(GatewayConfig config, Vertx vertx) {
        this.config = config.rateLimit();
        this.perUserClients = Set.copyOf(this.config.perUserClients());
        this.vertx = vertx;
    }

    /** The outcome for one request: allowed, or refused with the whole seconds to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOW = new Decision(true, 0);
    }

    @PostConstruct
    void startSweeping() {
        if (config.enabled()) {
            sweepTimer = vertx.setPeriodic(SWEEP_MILLIS, id -> sweep());
        }
    }

    @PreDestroy
    void stopSweeping() {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
    }

    public Decision take(String clientId, String subject) {
        if (!config.enabled()) {
            return Decision.ALLOW;
        }
        String client = clientId == null || clientId.isBlank() ? "(no azp)" : clientId;
        String key = perUserClients.contains(client) ? client + "/" + subject : client;
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= config.maxBuckets()) {
                sweep();
            }
            if (buckets.size() >= config.maxBuckets()) {
                key = OVERFLOW_KEY;
            }
            bucket = buckets.computeIfAbsent(key, k -> newBucket(client));
        }
        long waitNanos = bucket.tryTake();
        if (waitNanos == 0) {
            return Decision.ALLOW;
        }
        return new Decision(false, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L)));
    }

    private TokenBucket newBucket(String client) {
        RateLimit.ClientLimit own = config.clients().get(client);
        double rate = own == null
                ? config.requestsPerSecond()
                : own.requestsPerSecond().orElse(config.requestsPerSecond());
        int burst = own == null ? config.burst() : own.burst().orElse(config.burst());
        return new TokenBucket(rate, burst, System::nanoTime);
    }

    /** Drops full buckets: a full bucket and a missing one answer the same. */
    void sweep() {
        buckets.entrySet().removeIf(entry -> entry.getValue().isFull());
    }
}
