package io.sanctionsrisk.sanctions.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One thing wrong with the input: which field, and for files which record ({@code ref}: "row 12" in a CSV,
 * "incidents[3]" in JSON, the object id in STIX) of which kind and key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One problem with the input, naming the field and, in files, the record")
public record Violation(
        @Schema(example = "row 12") String ref,
        @Schema(example = "incident") String kind,
        @Schema(example = "2016-bangladesh-bank") String key,
        @Schema(example = "country") String field,
        @Schema(example = "unknown country code 'ZZ'") String message) {

    public static Violation of(String field, String message) {
        return new Violation(null, null, null, field, message);
    }

    public Violation at(String ref, String kind, String key) {
        return new Violation(ref, kind, key, field, message);
    }
}
