package io.sanctionsrisk.risk.web;

import java.util.List;
import java.util.Map;

/** A failure the client can act on; the REST layer answers it as problem+json with the type's status. */
public class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final List<Violation> errors;
    private final Map<String, Object> extensions;
    private final Integer retryAfterSeconds;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of(), null);
    }

    public ApiProblem(
            ProblemType type,
            String detail,
            List<Violation> errors,
            Map<String, Object> extensions,
            Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 400 for a query or path parameter. */
    public static ApiProblem invalidParameter(String parameter, String message) {
        return new ApiProblem(
                ProblemType.VALIDATION,
                parameter + ": " + message,
                List.of(Violation.of(parameter, message)),
                Map.of(),
                null);
    }

    /** A 422 for a dataset that parses but cannot be fitted as sent; lists every problem found (capped). */
    public static ApiProblem invalidDataset(List<Violation> errors, int totalErrors) {
        String detail = totalErrors == 1
                ? describe(errors.get(0))
                : totalErrors + " problems with the dataset, the first: " + describe(errors.get(0));
        return new ApiProblem(ProblemType.INVALID_DATASET, detail, errors, Map.of("errorCount", totalErrors), null);
    }

    public static ApiProblem retryLater(ProblemType type, String detail, int retryAfterSeconds) {
        return new ApiProblem(type, detail, List.of(), Map.of(), retryAfterSeconds);
    }

    private static String describe(Violation violation) {
        return violation.field() == null ? violation.message() : violation.field() + ": " + violation.message();
    }

    public ProblemType type() {
        return type;
    }

    public List<Violation> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
