package io.sanctionsrisk.gateway.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.vertx.http.ManagementInterface;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.sanctionsrisk.gateway.config.GatewayConfig;
import io.sanctionsrisk.gateway.dashboard.DashboardRoutes;
import io.sanctionsrisk.gateway.routing.RouteTable;
import io.sanctionsrisk.gateway.web.Exchange;
import io.sanctionsrisk.gateway.web.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Runs first on every request, before CORS and security: fixes the request id, puts the security headers on every
 * answer (whoever wrote it), and writes one access-log line and one metric sample when the answer is done.
 */
@ApplicationScoped
public class GatewayFilter {

    /** Before Quarkus' CORS (300) and authentication (200) filters, so their answers get the headers too. */
    static final int PRIORITY = 400;

    private static final Logger ACCESS = Logger.getLogger("io.sanctionsrisk.gateway.access");
    private static final List<String> MDC_KEYS =
            List.of("requestId", "subject", "client", "method", "route", "backend", "status", "durationMs");

    private final GatewayConfig.Headers headers;
    private final GatewayConfig.AccessLog accessLog;
    private final MeterRegistry registry;
    private final String hsts;
    private final String dashboardContentSecurityPolicy;

    public GatewayFilter(GatewayConfig config, MeterRegistry registry, DashboardRoutes dashboard) {
        this.headers = config.headers();
        this.dashboardContentSecurityPolicy = dashboard.contentSecurityPolicy();
        this.accessLog = config.accessLog();
        this.registry = registry;
        GatewayConfig.Headers.Hsts hstsConfig = headers.hsts();
        this.hsts = hstsConfig.enabled()
                ? "max-age=" + hstsConfig.maxAge().toSeconds()
                        + (hstsConfig.includeSubdomains() ? "; includeSubDomains" : "")
                : null;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    /** The management interface (/q/*) gets the same request id, headers and access log. */
    void registerManagement(@Observes ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Exchange exchange = Exchange.start(ctx, RequestIds.acceptOrGenerate(single(request.headers())));
        ctx.addHeadersEndHandler(done -> secure(ctx, exchange));
        if (accessLog.enabled() && accessLog.skipPrefixes().stream().noneMatch(request.path()::startsWith)) {
            ctx.addEndHandler(done -> record(ctx, exchange, done.failed()));
        }
        ctx.next();
    }

    private static String single(MultiMap headers) {
        List<String> values = headers.getAll(RequestIds.HEADER);
        return values.size() == 1 ? values.get(0) : null;
    }

    /** The raw path as sent, cut short and with anything unprintable masked, so a log line stays one line. */
    static String printable(String path) {
        String cut = path.length() > 256 ? path.substring(0, 256) + "..." : path;
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(c < 0x21 || c > 0x7e ? '?' : c);
        }
        return out.toString();
    }

    private void secure(RoutingContext ctx, Exchange exchange) {
        HttpServerResponse response = ctx.response();
        MultiMap out = response.headers();
        String path = ctx.request().path();
        boolean api = path.startsWith("/api/");
        out.set(RequestIds.HEADER, exchange.requestId());
        out.set("X-Content-Type-Options", "nosniff");
        out.set("X-Frame-Options", "DENY");
        out.set("Referrer-Policy", headers.referrerPolicy());
        out.set("Content-Security-Policy", contentSecurityPolicy(path, api));
        if (api || response.getStatusCode() >= 400) {
            out.set("Cache-Control", "no-store");
            out.remove("Expires");
            out.remove("Pragma");
        }
        if (hsts != null) {
            out.set("Strict-Transport-Security", hsts);
        }
    }

    private String contentSecurityPolicy(String path, boolean api) {
        if (api) {
            return headers.apiContentSecurityPolicy();
        }
        return DashboardRoutes.covers(path) ? dashboardContentSecurityPolicy : headers.contentSecurityPolicy();
    }

    private void record(RoutingContext ctx, Exchange exchange, boolean aborted) {
        HttpServerRequest request = ctx.request();
        int status = ctx.response().getStatusCode();
        long nanos = System.nanoTime() - exchange.startNanos();
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        String method = RouteTable.METHODS.contains(request.method().name())
                        || "OPTIONS".equals(request.method().name())
                ? request.method().name()
                : "OTHER";
        String outcome = aborted ? "aborted" : exchange.outcome();
        Timer.builder("gateway.requests")
                .description("Requests through the gateway, by route, backend, method, status and outcome")
                .tag("route", exchange.route())
                .tag("backend", exchange.backend())
                .tag("method", method)
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        MDC.put("requestId", exchange.requestId());
        MDC.put("subject", exchange.subject());
        MDC.put("client", exchange.client());
        MDC.put("method", method);
        MDC.put("route", exchange.route());
        MDC.put("backend", exchange.backend());
        MDC.put("status", Integer.toString(status));
        MDC.put("durationMs", Long.toString(millis));
        try {
            ACCESS.infof(
                    "%s %s status=%d durationMs=%d route=%s backend=%s subject=%s client=%s requestId=%s"
                            + " outcome=%s attempts=%d remote=%s",
                    method,
                    printable(request.path()),
                    status,
                    millis,
                    exchange.route(),
                    exchange.backend(),
                    exchange.subject(),
                    exchange.client(),
                    exchange.requestId(),
                    outcome,
                    exchange.attempts(),
                    request.remoteAddress() == null
                            ? "-"
                            : request.remoteAddress().hostAddress());
        } finally {
            MDC_KEYS.forEach(MDC::remove);
        }
    }
}
