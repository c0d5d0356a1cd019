package io.sanctionsrisk.gateway.proxy;

import io.sanctionsrisk.gateway.web.ProblemType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Tells a backend's own load shedding from a failure. A 503 that carries Retry-After and a problem+json body whose
 * type is one of the backend's shedding types ({@code busy}: its fit, scenario or backtest slots are full) says the
 * backend is up and protecting itself: it is passed on as it is and does not count against the breaker.
 */
final class LoadShedding {

    /** Problem answers are small; a larger 503 body is not read whole and counts as a failure. */
    static final int MAX_BODY = 16 * 1024;

    private LoadShedding() {}

    /** Whether the answer may be load shedding, so its (small) body is worth reading before deciding. */
    static boolean announced(HttpClientResponse answer) {
        String type = answer.getHeader(HttpHeaders.CONTENT_TYPE);
        return answer.statusCode() == 503
                && answer.headers().contains(HttpHeaders.RETRY_AFTER)
                && type != null
                && type.toLowerCase(Locale.ROOT).startsWith(ProblemType.MEDIA_TYPE);
    }

    /** Whether a problem body names one of the shedding types. */
    static boolean isShedding(Buffer body, List<String> sheddingTypes) {
        try {
            Object type = new JsonObject(body).getValue("type");
            return type instanceof String uri
                    && uri.startsWith(ProblemType.BASE)
                    && sheddingTypes.contains(uri.substring(ProblemType.BASE.length()));
        } catch (DecodeException | ClassCastException e) {
            return false;
        }
    }

    /** Reads the answer's body whole, or calls {@code tooLarge} once it passes {@link #MAX_BODY}. */
    static void read(HttpClientResponse answer, Consumer<Buffer> whole, Runnable tooLarge, Consumer<Throwable> failed) {
        Buffer body = Buffer.buffer();
        boolean[] over = {false};
        answer.exceptionHandler(failed::accept);
        answer.handler(chunk -> {
            if (over[0]) {
                return;
            }
            body.appendBuffer(chunk);
            if (body.length() > MAX_BODY) {
                over[0] = true;
                tooLarge.run();
            }
        });
        answer.endHandler(end -> {
            if (!over[0]) {
                whole.accept(body);
            }
        });
    }
}
