package io.sanctionsrisk.sanctions.web;

/**
 * The stable problem types of the API (RFC 9457). The type URI is {@link #BASE} plus the slug; clients may
 * switch on it. Documented in the service README.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "Invalid request"),
    MALFORMED_BODY("malformed-body", 400, "Malformed request body"),
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Not allowed"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    STALE_VERSION("stale-version", 409, "Stale version"),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    IMPORT_REJECTED("import-rejected", 422, "Import rejected"),
    PRECONDITION_REQUIRED("precondition-required", 428, "Precondition required"),
    INTERNAL("internal-error", 500, "Internal error"),
    BUSY("busy", 503, "Busy"),
    IDENTITY_UNAVAILABLE("identity-provider-unavailable", 503, "The identity provider is unavailable");

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
