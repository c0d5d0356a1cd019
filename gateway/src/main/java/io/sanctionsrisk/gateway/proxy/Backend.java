package io.sanctionsrisk.gateway.proxy;

import io.sanctionsrisk.gateway.config.GatewayConfig.BackendConfig;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;

/** One backend service: its connection pool, its timeouts and retry policy, and its circuit breaker. */
public final class Backend {

    private final String name;
    private final URI url;
    private final String origin;
    private final BackendConfig config;
    private final HttpClient client;
    private final CircuitBreaker breaker;
    private final FairQueue slots;

    Backend(String name, URI url, BackendConfig config, HttpClient client, CircuitBreaker breaker, FairQueue slots) {
        this.name = name;
        this.url = url;
        this.origin = url.getScheme() + "://" + url.getRawAuthority();
        this.config = config;
        this.client = client;
        this.breaker = breaker;
        this.slots = slots;
    }

    /** The pool's slots, handed out fairly between clients. */
    FairQueue slots() {
        return slots;
    }

    /** Connections in use and requests waiting for one, for the readiness details and the metrics. */
    public int slotsInUse() {
        return slots.inUse();
    }

    public int slotsWaiting() {
        return slots.waiting();
    }

    public String name() {
        return name;
    }

    public URI url() {
        return url;
    }

    /** scheme://host:port of the backend, as it may appear in Location headers it sends. */
    String origin() {
        return origin;
    }

    BackendConfig config() {
        return config;
    }

    HttpClient client() {
        return client;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    RequestOptions requestOptions(HttpMethod method, String pathAndQuery) {
        return new RequestOptions()
                .setMethod(method)
                .setSsl("https".equals(url.getScheme()))
                .setHost(url.getHost())
                .setPort(port(url))
                .setURI(pathAndQuery)
                .setConnectTimeout(config.connectTimeout().toMillis());
    }

    static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "https".equals(url.getScheme()) ? 443 : 80;
    }
}
