package io.sanctionsrisk.sanctions.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;

/** Turns a JSON binding failure into words: which field, and what it should have been. */
public final class JsonErrors {

    private JsonErrors() {}

    /**
     * The 400 of a JSON body that cannot be parsed: where it breaks, or which parser limit it exceeds (nesting
     * deeper than 1000 levels, say), which comes without a location.
     */
    public static ApiProblem malformed(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException limit) {
            String message = String.valueOf(limit.getOriginalMessage());
            String what = message.contains("nesting depth")
                    ? "is nested deeper than the 1000 levels allowed"
                    : "exceeds a limit of the JSON parser (" + message.replaceAll(" \\(from `.*", "") + ")";
            return new ApiProblem(ProblemType.MALFORMED_BODY, "the JSON body " + what);
        }
        JsonLocation at = e.getLocation();
        return new ApiProblem(
                ProblemType.MALFORMED_BODY,
                at == null
                        ? "the body is not well-formed JSON"
                        : "the body is not well-formed JSON (line " + at.getLineNr() + ", column " + at.getColumnNr()
                                + ")");
    }

    /** The JSON path of the failing field: "measures[2]", "audit.createdAt"; empty for the document. */
    public static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    /** "'abc' is not a whole number" or "wrong type: expected an ISO date (yyyy-mm-dd)". */
    public static String message(JsonMappingException e) {
        String expected = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? describe(mismatch.getTargetType())
                : "a value of another type";
        if (e instanceof InvalidFormatException invalid) {
            return "'" + invalid.getValue() + "' is not " + expected;
        }
        return "wrong type: expected " + expected;
    }

    private static String describe(Class<?> type) {
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
            return "a whole number";
        }
        if (type == LocalDate.class) {
            return "an ISO date (yyyy-mm-dd)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
