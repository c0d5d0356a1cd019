package io.sanctionsrisk.risk.web;

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
        @Schema(example = "https://sanctionsrisk.io/problems/invalid-dataset")
        String type,

        @Schema(example = "Invalid dataset") String title,
        @Schema(example = "422") int status,

        @Schema(example = "events[3]: lies outside the window [0, 3650]")
        String detail,

        @Schema(example = "/api/v1/model/fits") String instance,

        @Schema(description = "Every problem found (the first 50), naming the field")
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

    public static Problem internal(String errorId, String instance) {
        ProblemType type = ProblemType.INTERNAL;
        return new Problem(
                type.uri(),
                type.title(),
                type.status(),
                "the request failed on the server; quote error id " + errorId,
                instance,
                List.of(),
                errorId,
                Map.of());
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }
}
