package io.sanctionsrisk.sanctions.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every request has a request id, in every log line written while it is served (MDC key {@code requestId}: the
 * console format and the JSON logs show it) and in the answer's X-Request-Id. The gateway's id is kept, so one id
 * follows a call from the gateway's access log into the backend's logs; a missing or unsafe one is replaced.
 */
@ApplicationScoped
public class RequestIdLogging {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    /** Before the body-size check, so that its answer carries the id too. */
    static final int ORDER = -10;

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            String id = context.request().getHeader(HEADER);
            if (id == null || !SAFE.matcher(id).matches()) {
                id = UUID.randomUUID().toString();
            }
            MDC.put(MDC_KEY, id);
            context.response().putHeader(HEADER, id);
            context.addEndHandler(done -> MDC.remove(MDC_KEY));
            context.next();
        });
    }
}
