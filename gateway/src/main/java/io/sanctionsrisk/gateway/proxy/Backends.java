package io.sanctionsrisk.gateway.proxy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sanctionsrisk.gateway.config.GatewayConfig;
import io.sanctionsrisk.gateway.config.GatewayConfig.BackendConfig;
import io.sanctionsrisk.gateway.isolation.RequestBody;
import io.sanctionsrisk.gateway.routing.Route;
import io.sanctionsrisk.gateway.web.Exchange;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The backends of the route table, built once from configuration: one HTTP client (connection pool), one circuit
 * breaker and one retry policy each, so the policy for a dependency lives in one place.
 */
@ApplicationScoped
public class Backends {

    private final Map<String, Backend> backends;
    private final long idleTimeoutMillis;

    public Backends(GatewayConfig config, Vertx vertx, MeterRegistry registry) {
        this.idleTimeoutMillis = config.isolation().bodyIdleTimeout().toMillis();
        Map<String, Backend> built = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, BackendConfig> entry : config.backends().entrySet()) {
            String name = entry.getKey();
            BackendConfig backend = entry.getValue();
            URI url = backend.url();
            String key = "gateway.backends." + name;
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                problems.add(key + ".url '" + url + "' must be an absolute http(s) URL");
                continue;
            }
            if (url.getRawPath() != null
                            && !url.getRawPath().isEmpty()
                            && !url.getRawPath().equals("/")
                    || url.getRawQuery() != null) {
                problems.add(key + ".url '" + url + "' must not have a path or query (paths are forwarded unchanged)");
                continue;
            }
            if (backend.retries() < 0 || backend.maxConnections() < 1 || backend.maxWaitQueue() < 0) {
                problems.add(key + ": retries and max-wait-queue must not be negative, max-connections at least 1");
                continue;
            }
            HttpClientOptions options = new HttpClientOptions()
                    .setName("gateway-" + name)
                    .setConnectTimeout((int) backend.connectTimeout().toMillis())
                    .setKeepAlive(true)
                    .setKeepAliveTimeout(
                            (int) Math.max(1, backend.keepAliveTimeout().toSeconds()))
                    .setTcpNoDelay(true)
                    .setDecompressionSupported(false)
                    .setTrustAll(false)
                    .setVerifyHost(true);
            // the gateway's fair queue hands out the connections; the pool's own queue only absorbs the moment
            // between a slot's release and its connection's return
            PoolOptions pool = new PoolOptions()
                    .setHttp1MaxSize(backend.maxConnections())
                    .setMaxWaitQueueSize(backend.maxConnections());
            HttpClient client = vertx.createHttpClient(options, pool);
            CircuitBreaker breaker = new CircuitBreaker(
                    backend.breaker().failureThreshold(), backend.breaker().openDelay(), System::nanoTime);
            FairQueue slots = new FairQueue(backend.maxConnections(), backend.maxWaitQueue(), vertx);
            built.put(name, new Backend(name, url, backend, client, breaker, slots));
            Gauge.builder(
                            "gateway.backend.breaker.open",
                            breaker,
                            b -> b.state() == CircuitBreaker.State.CLOSED ? 0 : 1)
                    .description("1 while the backend's circuit breaker is open or half-open")
                    .tag("backend", name)
                    .register(registry);
        }
        if (!problems.isEmpty()) {
            built.values().forEach(b -> b.client().close());
            throw new IllegalArgumentException("invalid backends: " + String.join("; ", problems));
        }
        this.backends = Collections.unmodifiableMap(new TreeMap<>(built));
    }

    public Backend get(String name) {
        Backend backend = backends.get(name);
        if (backend == null) {
            throw new IllegalStateException("no backend " + name);
        }
        return backend;
    }

    public Collection<Backend> all() {
        return backends.values();
    }

    public Set<String> names() {
        return backends.keySet();
    }

    /**
     * Forwards a request that passed every check of the front door, once a connection slot is free for its client.
     *
     * @param clientKey the caller's rate-limit key, for the fair queue
     * @param bodyDone called once the whole body went to the backend (after any streamed rest)
     */
    public void forward(
            RoutingContext ctx, Route route, Exchange exchange, RequestBody body, String clientKey, Runnable bodyDone) {
        new ProxyCall(ctx, route, get(route.backend()), exchange, body, idleTimeoutMillis, bodyDone).start(clientKey);
    }

    @PreDestroy
    void close() {
        backends.values().forEach(b -> b.client().close());
    }
}
