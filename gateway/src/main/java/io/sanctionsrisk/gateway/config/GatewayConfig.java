package io.sanctionsrisk.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's own settings, under the {@code gateway.} prefix of application.properties: the route table, the
 * backends and the limits. Every key is documented in the module README.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Roles that may read (GET, HEAD) under every route whose table entry does not name its own GET roles. */
    List<String> readRoles();

    /** The route table: a name (used in logs and metrics) to a path prefix, its backend and its write roles. */
    Map<String, RouteConfig> routes();

    /** The backends by name, as the route table refers to them. */
    Map<String, BackendConfig> backends();

    Limits limits();

    Isolation isolation();

    Identity identity();

    RateLimit rateLimit();

    Headers headers();

    AccessLog accessLog();

    Dashboard dashboard();

    interface RouteConfig {
        /** Path prefix, e.g. /api/v1/incidents; matches the prefix itself and everything below it. */
        String prefix();

        /** Name of the backend that owns the prefix. */
        String backend();

        /** HTTP method (POST, PUT, PATCH, DELETE; GET overrides read-roles) to the roles that may use it. */
        Map<String, List<String>> methods();

        /** Largest request body on this route; the global limit when absent. */
        Optional<MemorySize> maxBodySize();

        /**
         * Exact paths under the prefix whose POST body is a batch (a JSON array or NDJSON lines): such a request
         * costs the rate limit one token per item, not one per request.
         */
        Optional<List<String>> batchPaths();
    }

    interface BackendConfig {
        /** Base URL (scheme, host, port) of the service; the request path is appended unchanged. */
        URI url();

        /** Time to obtain a connection (TCP connect or a free pooled connection). */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Longest silence while waiting for the backend's answer or the next part of it. */
        @WithDefault("30s")
        Duration readTimeout();

        /** Extra attempts for GET and HEAD when the backend cannot be reached or answers 502/503/504. */
        @WithDefault("2")
        int retries();

        /** Pause before the first retry; doubled for each further one. */
        @WithDefault("100ms")
        Duration retryBackoff();

        /**
         * How long an idle pooled connection is kept; shorter than the backend's own idle timeout, so the gateway
         * never sends on a connection the backend is closing.
         */
        @WithDefault("15s")
        Duration keepAliveTimeout();

        /** Connections kept to the backend (HTTP/1.1 pool size). */
        @WithDefault("64")
        int maxConnections();

        /** Requests that may wait for a pooled connection; more answer 503 at once. */
        @WithDefault("512")
        int maxWaitQueue();

        /**
         * Problem types (slugs) of the backend's own load shedding: a 503 with Retry-After and one of these types is
         * passed on as it is, never retried, and does not count against the breaker.
         */
        @WithDefault("busy,no-snapshot")
        List<String> sheddingTypes();

        Breaker breaker();

        interface Breaker {
            /** Consecutive failures (unreachable, timeout, 502/503/504) that open the breaker. */
            @WithDefault("5")
            int failureThreshold();

            /** How long an open breaker answers 503 before it lets one trial request through. */
            @WithDefault("10s")
            Duration openDelay();
        }
    }

    interface Limits {
        /** Largest request body on routes without their own limit; larger is a 413 at the gateway. */
        @WithDefault("1M")
        MemorySize maxBodySize();
    }

    /** Who may change data: machine clients, and browsers only with an explicit scope. */
    interface Identity {
        /** Public (browser) clients, whose tokens are read-only on the write routes unless they carry the scope. */
        @WithDefault("dashboard")
        List<String> browserClients();

        /** The scope a browser token needs to change data through the write routes. */
        @WithDefault("sanctions-risk.write")
        String writeScope();

        /**
         * Routes whose methods other than GET and HEAD change the system of record, the model, or what is sent to a
         * bank's systems (its portfolios and webhook subscriptions).
         */
        @WithDefault("sanctions,incidents,actors,imports,sources,model-refits,portfolios,webhooks")
        List<String> writeRoutes();
    }

    /** What keeps one client from taking capacity from the others. */
    interface Isolation {
        /** Requests of one client (the rate-limit key) under way at once; more are 429. */
        @WithDefault("16")
        int maxInFlightPerClient();

        /**
         * Bodies up to this size are received whole before a backend connection is taken; of a larger body this much
         * is received first, and the rest is streamed.
         */
        @WithDefault("64K")
        MemorySize bufferLimit();

        /** All bodies held in the gateway's memory at once; a request that would pass it is 503 with Retry-After. */
        @WithDefault("256M")
        MemorySize maxBufferedBytes();

        /** Time for the received part of a body (see buffer-limit) to arrive; later is 408. */
        @WithDefault("30s")
        Duration bodyTimeout();

        /** Longest pause in the streamed rest of a large body; a longer one ends the request. */
        @WithDefault("15s")
        Duration bodyIdleTimeout();
    }

    interface RateLimit {
        /** Token buckets per client (the token's azp claim). */
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second a client may send. */
        @WithDefault("50")
        double requestsPerSecond();

        /** Requests a client may send at once after being idle (the bucket size). */
        @WithDefault("100")
        int burst();

        /**
         * Clients whose users get a bucket each (client plus subject) instead of sharing one: public clients
         * such as the dashboard, where one client id stands for many people.
         */
        @WithDefault("dashboard")
        List<String> perUserClients();

        /** Per-client overrides of rate and burst, by client id. */
        Map<String, ClientLimit> clients();

        /**
         * Most buckets kept in memory. Full buckets are dropped first (a full bucket is the same as none); when
         * every bucket is in use, further new clients share one overflow bucket.
         */
        @WithDefault("10000")
        int maxBuckets();

        /** Buckets per remote address, checked before the token is: also unauthenticated callers are limited. */
        PerAddress perAddress();

        interface PerAddress {
            @WithDefault("true")
            boolean enabled();

            @WithDefault("200")
            double requestsPerSecond();

            @WithDefault("400")
            int burst();
        }

        interface ClientLimit {
            Optional<Double> requestsPerSecond();

            Optional<Integer> burst();
        }
    }

    interface Headers {
        /** Content-Security-Policy on API answers (JSON only: nothing may load or frame it). */
        @WithDefault("default-src 'none'; frame-ancestors 'none'")
        String apiContentSecurityPolicy();

        /**
         * Content-Security-Policy on everything else the gateway serves (Swagger UI). The dashboard under /dashboard
         * gets its own, stricter policy (see {@code DashboardRoutes}).
         */
        @WithDefault("frame-ancestors 'none'")
        String contentSecurityPolicy();

        @WithDefault("no-referrer")
        String referrerPolicy();

        Hsts hsts();

        interface Hsts {
            /** Send Strict-Transport-Security; turn on where the gateway is reached over TLS only. */
            @WithDefault("false")
            boolean enabled();

            @WithDefault("365d")
            Duration maxAge();

            @WithDefault("true")
            boolean includeSubdomains();
        }
    }

    interface AccessLog {
        @WithDefault("true")
        boolean enabled();

        /** Path prefixes left out of the access log (probes and scrapes). */
        @WithName("skip-prefixes")
        @WithDefault("/q/health,/q/metrics")
        List<String> skipPrefixes();
    }

    /** The compliance dashboard the gateway serves under /dashboard/ and what its browser code needs to log in. */
    interface Dashboard {
        /**
         * The realm URL the browser logs in at (Keycloak's issuer, e.g. http://127.0.0.1:8180/realms/sanctions-risk).
         * It may differ from quarkus.oidc.auth-server-url, the address the gateway itself reaches Keycloak at; its
         * origin is the only other origin the dashboard's Content-Security-Policy lets the page connect to.
         */
        URI authServerUrl();

        /** The public client of the realm the dashboard logs in as (code flow with PKCE). */
        @WithDefault("dashboard")
        String clientId();
    }
}
