package io.sanctionsrisk.risk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request whose Content-Length exceeds {@code quarkus.http.limits.max-body-size} gets a 413 problem+json (Quarkus'
 * own check answers 413 with an empty body). The route runs before that check; it lets the client finish sending,
 * dropping the bytes, and then answers and closes the connection, so a client that writes before it reads sees the
 * answer rather than a reset.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Before Quarkus' body handling. */
    static final int ORDER = -3;

    private final long maxBytes;
    private final ObjectMapper mapper;

    public BodySizeLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize, ObjectMapper mapper) {
        this.maxBytes = maxBodySize.asLongValue();
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            long declared = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
            if (declared <= maxBytes) {
                context.next();
                return;
            }
            String answer = answer(context.request().path(), declared);
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemType.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close");
            context.request().handler(ignored -> {});
            context.request().exceptionHandler(error -> context.response().close());
            context.request().endHandler(done -> context.response().end(answer));
            context.request().resume();
        });
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String answer(String path, long declared) {
        Problem problem = Problem.of(
                ProblemType.PAYLOAD_TOO_LARGE,
                "the body has " + declared + " bytes; at most " + maxBytes + " are accepted"
                        + " (quarkus.http.limits.max-body-size)",
                path);
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return "{\"type\":\"" + ProblemType.PAYLOAD_TOO_LARGE.uri() + "\",\"status\":413}";
        }
    }
}
