package io.sanctionsrisk.gateway.web;

import io.vertx.ext.web.RoutingContext;

/**
 * What the gateway learned about one request, for its answer headers and its access-log line. Lives in the request's
 * routing context; touched only on the request's event loop.
 */
public final class Exchange {

    private static final String KEY = Exchange.class.getName();

    private final String requestId;
    private final long startNanos;
    private String route = "-";
    private String backend = "-";
    private String subject = "-";
    private String client = "-";
    private int attempts;
    private String outcome = "-";

    Exchange(String requestId, long startNanos) {
        this.requestId = requestId;
        this.startNanos = startNanos;
    }

    public static Exchange start(RoutingContext ctx, String requestId) {
        Exchange exchange = new Exchange(requestId, System.nanoTime());
        ctx.put(KEY, exchange);
        return exchange;
    }

    /** The exchange of the request; every request has one (the gateway filter runs first). */
    public static Exchange of(RoutingContext ctx) {
        Exchange exchange = ctx.get(KEY);
        if (exchange == null) {
            exchange = start(ctx, RequestIds.generate());
        }
        return exchange;
    }

    public String requestId() {
        return requestId;
    }

    public long startNanos() {
        return startNanos;
    }

    public String route() {
        return route;
    }

    public Exchange route(String route) {
        this.route = route;
        return this;
    }

    public String backend() {
        return backend;
    }

    public Exchange backend(String backend) {
        this.backend = backend;
        return this;
    }

    public String subject() {
        return subject;
    }

    public String client() {
        return client;
    }

    public Exchange caller(String subject, String client) {
        this.subject = subject == null ? "-" : subject;
        this.client = client == null ? "-" : client;
        return this;
    }

    public int attempts() {
        return attempts;
    }

    public void countAttempt() {
        attempts++;
    }

    /** Why the gateway answered itself, or how forwarding ended (e.g. forwarded, aborted). */
    public String outcome() {
        return outcome;
    }

    public Exchange outcome(String outcome) {
        this.outcome = outcome;
        return this;
    }
}
