package io.sanctionsrisk.risk.web;

/**
 * The stable problem types of the risk-service API (RFC 9457). The type URI is {@link #BASE} plus the slug; clients
 * may switch on it. Listed in the risk-service README.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "Invalid request"),
    MALFORMED_BODY("malformed-body", 400, "Malformed request body"),
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Not allowed"),
    NO_ORGANISATION("no-organisation", 403, "No organisation in the token"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    REFIT_IN_PROGRESS("refit-in-progress", 409, "Another refit is in progress"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    INVALID_DATASET("invalid-dataset", 422, "Invalid dataset"),
    UNFITTABLE_DATA("unfittable-data", 422, "The data cannot be fitted"),
    INVALID_INSTITUTION("invalid-institution", 422, "Invalid institution"),
    INVALID_SCENARIO("invalid-scenario", 422, "Invalid scenario"),
    INVALID_BACKTEST("invalid-backtest", 422, "Invalid backtest"),
    INVALID_WEBHOOK("invalid-webhook", 422, "Invalid webhook subscription"),
    INVALID_PORTFOLIO("invalid-portfolio", 422, "Invalid portfolio"),
    SNAPSHOT_GONE("snapshot-gone", 409, "The snapshot is no longer stored"),
    NO_SNAPSHOT("no-snapshot", 503, "No model snapshot yet"),
    SANCTIONS_UNAVAILABLE("sanctions-service-unavailable", 503, "The sanctions-service is unavailable"),
    IDENTITY_UNAVAILABLE("identity-provider-unavailable", 503, "The identity provider is unavailable"),
    BUSY("busy", 503, "Too many fits at once"),
    INTERNAL("internal-error", 500, "Internal error");

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
