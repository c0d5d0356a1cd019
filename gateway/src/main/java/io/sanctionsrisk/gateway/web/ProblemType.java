package io.sanctionsrisk.gateway.web;

/**
 * The stable problem types the gateway itself answers with (RFC 9457). The type URI is {@link #BASE} plus the slug,
 * the same base the services use, so a client switches on one vocabulary. Documented in the module README.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request"),
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Not allowed"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    REQUEST_TIMEOUT("request-timeout", 408, "Request body too slow"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body too large"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    TOO_MANY_IN_FLIGHT("too-many-in-flight", 429, "Too many requests under way"),
    INTERNAL("internal-error", 500, "Internal error"),
    BAD_GATEWAY("bad-gateway", 502, "Backend failed"),
    BACKEND_UNAVAILABLE("backend-unavailable", 503, "Backend unavailable"),
    GATEWAY_BUSY("gateway-busy", 503, "Gateway busy"),
    BACKEND_TIMEOUT("backend-timeout", 504, "Backend timed out");

    public static final String BASE = "https://sanctionsrisk.io/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return BASE + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
