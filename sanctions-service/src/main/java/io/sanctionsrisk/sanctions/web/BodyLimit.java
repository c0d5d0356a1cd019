package io.sanctionsrisk.sanctions.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body exceeds {@code quarkus.http.limits.max-body-size} with a 413
 * problem+json. It runs just before Quarkus' own check (which answers 413 with no body) and reads the body to
 * its end, discarding it, before answering, so a client that sends first and reads after sees the answer
 * instead of a reset connection.
 */
@ApplicationScoped
public class BodyLimit {

    private final long limit;
    private final ObjectMapper mapper;

    public BodyLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper mapper) {
        this.limit = limit.asLongValue();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(-3).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared <= limit) {
                context.next();
                return;
            }
            String body = problem(context.request().path(), declared);
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemType.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close");
            context.request().handler(discarded -> {});
            context.request().endHandler(end -> context.response().end(body));
            context.request().exceptionHandler(error -> context.response().close());
            context.request().resume();
        });
    }

    private String problem(String path, long declared) {
        Problem problem = Problem.of(
                ProblemType.PAYLOAD_TOO_LARGE,
                "the body declares " + declared + " bytes; the limit is " + limit + " bytes",
                path);
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return "{\"type\":\"" + ProblemType.PAYLOAD_TOO_LARGE.uri() + "\",\"status\":413}";
        }
    }
}
