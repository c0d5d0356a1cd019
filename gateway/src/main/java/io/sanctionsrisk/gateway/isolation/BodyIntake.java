package io.sanctionsrisk.gateway.isolation;

import io.sanctionsrisk.gateway.config.GatewayConfig;
import io.sanctionsrisk.gateway.web.Exchange;
import io.sanctionsrisk.gateway.web.ProblemType;
import io.sanctionsrisk.gateway.web.Problems;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Receives a request body, or its first {@code buffer-limit} bytes, before the request may take a backend connection.
 * A caller that declares a body and does not send it within {@code body-timeout} gets 408 and its connection is
 * closed; it never held anything but its own buffer. All buffers together stay under {@code max-buffered-bytes}.
 */
@ApplicationScoped
public class BodyIntake {

    private final long bufferLimit;
    private final long maxBuffered;
    private final long timeoutMillis;
    private final AtomicLong buffered = new AtomicLong();

    public BodyIntake(GatewayConfig config) {
        GatewayConfig.Isolation isolation = config.isolation();
        this.bufferLimit = isolation.bufferLimit().asLongValue();
        this.maxBuffered = isolation.maxBufferedBytes().asLongValue();
        this.timeoutMillis = isolation.bodyTimeout().toMillis();
        if (bufferLimit < 1 || maxBuffered < bufferLimit || timeoutMillis < 1) {
            throw new IllegalArgumentException("gateway.isolation: buffer-limit must be at least 1 byte and at most"
                    + " max-buffered-bytes, body-timeout positive");
        }
    }

    /** Whether the request has a body: a positive Content-Length, or chunked (HTTP/1.1) or a stream (HTTP/2). */
    public static boolean hasBody(HttpServerRequest request, long declaredLength) {
        return declaredLength > 0
                || declaredLength < 0
                        && !request.isEnded()
                        && (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                                || request.version() == HttpVersion.HTTP_2);
    }

    /**
     * Receives the body or its first part and then calls {@code then}; on a refusal (408, 413, 503) answers the
     * caller itself and never calls it. The request must be paused.
     *
     * @param routeLimit the route's largest body
     * @param counter the batch item counter, or null
     */
    public void receive(
            RoutingContext ctx,
            long declaredLength,
            long routeLimit,
            BatchItemCounter counter,
            Consumer<RequestBody> then) {
        HttpServerRequest in = ctx.request();
        if (!hasBody(in, declaredLength)) {
            then.accept(RequestBody.none());
            return;
        }
        long wanted =
                declaredLength > 0 ? Math.min(declaredLength, bufferLimit) : Math.min(bufferLimit, routeLimit + 1);
        if (buffered.addAndGet(wanted) > maxBuffered) {
            buffered.addAndGet(-wanted);
            Problems.send(
                    ctx,
                    ProblemType.GATEWAY_BUSY,
                    "The gateway holds as many request bodies as it may; try again shortly.",
                    response -> response.putHeader(HttpHeaders.RETRY_AFTER, "1"));
            return;
        }
        ctx.addEndHandler(done -> buffered.addAndGet(-wanted));
        if ("100-continue".equalsIgnoreCase(in.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        new Reception(ctx, declaredLength, routeLimit, wanted, counter, then).start();
    }

    /** One body being received; runs on the request's event loop. */
    private final class Reception {
        private final RoutingContext ctx;
        private final HttpServerRequest in;
        private final long declaredLength;
        private final long routeLimit;
        private final long wanted;
        private final BatchItemCounter counter;
        private final Consumer<RequestBody> then;
        private final Buffer received = Buffer.buffer();
        private long timer = -1;
        private boolean finished;

        Reception(
                RoutingContext ctx,
                long declaredLength,
                long routeLimit,
                long wanted,
                BatchItemCounter counter,
                Consumer<RequestBody> then) {
            this.ctx = ctx;
            this.in = ctx.request();
            this.declaredLength = declaredLength;
            this.routeLimit = routeLimit;
            this.wanted = wanted;
            this.counter = counter;
            this.then = then;
        }

        void start() {
            timer = ctx.vertx().setTimer(timeoutMillis, id -> timedOut());
            ctx.response().closeHandler(closed -> finish());
            in.exceptionHandler(failure -> {
                if (finish()) {
                    Exchange.of(ctx).outcome("caller-body-failed");
                    Problems.sendAndClose(ctx, ProblemType.MALFORMED_REQUEST, "The request body could not be read.");
                }
            });
            in.endHandler(end -> {
                if (finish()) {
                    then.accept(new RequestBody(true, received, true, declaredLength, counter));
                }
            });
            in.handler(this::chunk);
            in.resume();
        }

        private void chunk(Buffer chunk) {
            if (finished) {
                return;
            }
            received.appendBuffer(chunk);
            if (counter != null) {
                counter.feed(chunk);
            }
            if (received.length() > routeLimit) {
                finish();
                Problems.sendAndClose(
                        ctx,
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "The request body is larger than the " + routeLimit + " bytes this route accepts.");
            } else if (received.length() >= wanted && (declaredLength < 0 || received.length() < declaredLength)) {
                // the first part is here; the rest is streamed to the backend
                in.pause();
                finish();
                then.accept(new RequestBody(true, received, false, declaredLength, counter));
            }
        }

        private void timedOut() {
            if (finish()) {
                Exchange.of(ctx).outcome("body-timeout");
                Problems.sendAndClose(
                        ctx,
                        ProblemType.REQUEST_TIMEOUT,
                        "The request body did not arrive within " + timeoutMillis / 1000.0 + " s.");
            }
        }

        /** Stops receiving; true the first time only. */
        private boolean finish() {
            if (finished) {
                return false;
            }
            finished = true;
            if (timer >= 0) {
                ctx.vertx().cancelTimer(timer);
            }
            in.handler(null);
            in.endHandler(null);
            in.exceptionHandler(null);
            return true;
        }
    }
}
