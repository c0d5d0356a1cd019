package io.sanctionsrisk.risk.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Sends the due deliveries of this replica, off the request threads: a pump claims due rows (never more than the free
 * workers, never more than {@code max-in-flight-per-subscription} for one subscription, so a slow receiver holds a few
 * workers and the others keep going) and hands each to a worker, which checks the address again, signs and posts.
 * The pump runs when an event is queued, when a delivery ends, and every poll interval (retries falling due, claims of
 * a replica that died).
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** A receiver's answer body is read and dropped; beyond this many bytes the connection is cut. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final DeliveryStore store;
    private final UrlPolicy policy;
    private final WebhookConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private final Map<Long, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private ExecutorService pump;
    private ExecutorService workers;
    private HttpClient http;

    public DeliveryWorker(DeliveryStore store, UrlPolicy policy, WebhookConfig config, Vertx vertx, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        WebhookConfig.Delivery d = config.delivery();
        AtomicInteger threads = new AtomicInteger();
        pump = Executors.newSingleThreadExecutor(r -> daemon(r, "webhook-pump"));
        workers = Executors.newFixedThreadPool(
                d.workers(), r -> daemon(r, "webhook-delivery-" + threads.incrementAndGet()));
        http = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(d.workers())
                .setKeepAlive(true)
                .setConnectTimeout((int) d.connectTimeout().toMillis())
                .setVerifyHost(true)
                .setForceSni(true));
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        // Claimed rows not yet settled are retaken by any replica once their claim runs out.
        if (pump != null) {
            pump.shutdownNow();
            workers.shutdownNow();
            http.close();
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Scheduled(
            identity = "webhook-deliveries",
            every = "${risk.webhooks.delivery.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    void scheduled() {
        wake();
    }

    /** Deletes settled deliveries past the retention, hourly whatever the poll interval. */
    @Scheduled(
            identity = "webhook-delivery-purge",
            every = "1h",
            delayed = "1h",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    void purge() {
        long purged = store.purge();
        if (purged > 0) {
            LOG.infof("deleted %d settled webhook deliveries older than the retention", purged);
        }
    }

    /** Asks the pump to claim and start due deliveries; returns at once. */
    public void wake() {
        if (pump == null || !config.delivery().enabled() || pump.isShutdown()) {
            return;
        }
        if (pumpQueued.compareAndSet(false, true)) {
            try {
                pump.execute(this::pumpDue);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pumpQueued.set(false);
            }
        }
    }

    private void pumpDue() {
        pumpQueued.set(false);
        try {
            WebhookConfig.Delivery d = config.delivery();
            while (true) {
                int free = d.workers() - running.get();
                if (free <= 0) {
                    return;
                }
                Map<Long, Integer> counts = new HashMap<>();
                inFlight.forEach((id, count) -> counts.put(id, count.get()));
                List<DeliveryStore.Claimed> claimed =
                        store.claimDue(counts, Math.max(1, d.maxInFlightPerSubscription()), free);
                if (claimed.isEmpty()) {
                    return;
                }
                for (DeliveryStore.Claimed c : claimed) {
                    running.incrementAndGet();
                    inFlight.computeIfAbsent(c.subscriptionId(), id -> new AtomicInteger())
                            .incrementAndGet();
                    workers.execute(() -> {
                        try {
                            deliver(c);
                        } finally {
                            inFlight.get(c.subscriptionId()).decrementAndGet();
                            running.decrementAndGet();
                            wake();
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "claiming due webhook deliveries failed; the next poll tries again");
        }
    }

    /** One attempt: check the address, sign, post, settle the row. */
    void deliver(DeliveryStore.Claimed c) {
        Instant at = clock.instant();
        try {
            UrlPolicy.Target target;
            try {
                target = policy.check(c.url());
            } catch (UrlPolicy.Refused e) {
                store.failed(c, null, "url refused by the address check: " + e.getMessage(), at, true);
                return;
            }
            String signature = WebhookSecret.parse(c.secret()).sign(c.messageId(), at.getEpochSecond(), c.payload());
            int status;
            try {
                status = post(target, c, at.getEpochSecond(), signature);
            } catch (TimeoutException e) {
                store.failed(
                        c,
                        null,
                        "no answer within " + config.delivery().requestTimeout().toMillis() + " ms",
                        at,
                        false);
                return;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                store.failed(c, null, cause.getClass().getSimpleName() + ": " + cause.getMessage(), at, false);
                return;
            }
            if (status >= 200 && status < 300) {
                store.delivered(c, status, at);
            } else {
                store.failed(c, status, "the receiver answered " + status, at, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf(e, "webhook delivery %d failed unexpectedly; its claim runs out and it is retried", c.id());
        }
    }

    private int post(UrlPolicy.Target target, DeliveryStore.Claimed c, long timestamp, String signature)
            throws InterruptedException, ExecutionException, TimeoutException {
        WebhookConfig.Delivery d = config.delivery();
        String path =
                target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty()
                        ? "/"
                        : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            path += "?" + target.uri().getRawQuery();
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                // connect to the address just checked, never to a second resolution of the name
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(path)
                .setFollowRedirects(false)
                .setConnectTimeout(d.connectTimeout().toMillis())
                .setIdleTimeout(d.requestTimeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "sanctions-risk-webhooks/1")
                .putHeader("webhook-id", c.messageId())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature);
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        Future<Integer> answer = http.request(options).compose(request -> {
            sent.set(request);
            return request.send(Buffer.buffer(c.payload())).compose(response -> {
                AtomicInteger bytes = new AtomicInteger();
                response.handler(chunk -> {
                    if (bytes.addAndGet(chunk.length()) > MAX_ANSWER_BYTES) {
                        request.reset();
                    }
                });
                return response.end().map(done -> response.statusCode());
            });
        });
        try {
            return answer.toCompletionStage()
                    .toCompletableFuture()
                    .get(d.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            throw e;
        }
    }

    /** Skips the poll when {@code risk.webhooks.delivery.enabled} is false. */
    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {

        private final WebhookConfig config;

        public Disabled(WebhookConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.delivery().enabled();
        }
    }
}
