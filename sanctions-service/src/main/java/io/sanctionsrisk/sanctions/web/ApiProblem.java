package io.sanctionsrisk.sanctions.web;

import java.util.List;
import java.util.Map;

/** A failure the client can act on; the REST layer answers it as problem+json with the type's status. */
public class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final List<Violation> errors;
    private final Map<String, Object> extensions;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ApiProblem(ProblemType type, String detail, List<Violation> errors) {
        this(type, detail, errors, Map.of());
    }

    public ApiProblem(ProblemType type, String detail, List<Violation> errors, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public static ApiProblem invalid(List<Violation> errors) {
        String detail = errors.size() == 1
                ? describe(errors.get(0))
                : errors.size() + " problems with the request: " + describe(errors.get(0)) + "; ...";
        return new ApiProblem(ProblemType.VALIDATION, detail, errors);
    }

    public static ApiProblem invalidParameter(String parameter, String message) {
        return invalid(List.of(Violation.of(parameter, message)));
    }

    public static ApiProblem notFound(String kind, String key) {
        return new ApiProblem(ProblemType.NOT_FOUND, "no " + kind + " with key '" + key + "'");
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
}
