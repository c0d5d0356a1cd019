package io.sanctionsrisk.sanctions.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "https://sanctionsrisk.io/problems/validation")
        String type,

        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,

        @Schema(example = "country: unknown country code 'ZZ'")
        String detail,

        @Schema(example = "/api/v1/incidents") String instance,

        @Schema(description = "Every problem found, naming the field and record")
        List<Violation> errors,

        @Schema(description = "Only on 500: the id under which the error was logged")
        String errorId,

        @JsonIgnore @Schema(hidden = true) Map<String, Object> extensions) {

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, List.of(), null, Map.of());
    }

    public static Problem of(ApiProblem problem, String instance) {
        ProblemType type = problem.type();
        return new Problem(
                type.uri(),
                type.title(),
                type.status(),
                problem.getMessage(),
                instance,
                problem.errors(),
                null,
                problem.extensions());
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }
}
