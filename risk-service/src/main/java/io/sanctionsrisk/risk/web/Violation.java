package io.sanctionsrisk.risk.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing wrong with the input, naming the field (with its index in a list: {@code events[3]}). */
@Schema(description = "One problem with the input, naming the field")
public record Violation(
        @Schema(example = "events[3]") String field,
        @Schema(example = "is NaN; times must be finite") String message) {

    public static Violation of(String field, String message) {
        return new Violation(field, message);
    }
}
