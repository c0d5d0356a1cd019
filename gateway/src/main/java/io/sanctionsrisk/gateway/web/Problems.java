package io.sanctionsrisk.gateway.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.function.Consumer;

/** Writes the gateway's own answers as application/problem+json. */
public final class Problems {

    /** A request body still unread beyond this is not drained after a refusal: the connection is closed instead. */
    private static final long DRAIN_LIMIT = 64 * 1024;

    private Problems() {}

    public static void send(RoutingContext ctx, ProblemType type, String detail) {
        send(ctx, type, detail, response -> {});
    }

    /**
     * Answers with the problem and closes the connection (HTTP/1.x) when the request body is not read to its end: for
     * a body that stopped arriving, whose rest would otherwise be read as the next request.
     */
    public static void sendAndClose(RoutingContext ctx, ProblemType type, String detail) {
        send(ctx, type, detail, response -> response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE));
    }

    /**
     * Answers with the problem unless an answer is already under way; then the connection is reset, because a half
     * sent answer must not look complete.
     */
    public static void send(
            RoutingContext ctx, ProblemType type, String detail, Consumer<HttpServerResponse> extraHeaders) {
        Exchange exchange = Exchange.of(ctx);
        if ("-".equals(exchange.outcome())) {
            exchange.outcome(type.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        HttpServerRequest request = ctx.request();
        JsonObject body = new JsonObject()
                .put("type", type.uri())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", detail)
                .put("instance", request.path())
                .put("requestId", exchange.requestId());
        response.headers().remove(HttpHeaders.CONTENT_LENGTH);
        response.setChunked(false);
        response.setStatusCode(type.status());
        response.putHeader(HttpHeaders.CONTENT_TYPE, ProblemType.MEDIA_TYPE);
        extraHeaders.accept(response);
        boolean close = request.version() != HttpVersion.HTTP_2
                && !request.isEnded()
                && (bodyLeftIsLarge(request)
                        || "close".equalsIgnoreCase(response.headers().get(HttpHeaders.CONNECTION)));
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(body.encode()).onComplete(done -> {
            if (close) {
                request.connection().close();
            }
        });
    }

    private static boolean bodyLeftIsLarge(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        }
        try {
            return Long.parseLong(length.strip()) > DRAIN_LIMIT;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
