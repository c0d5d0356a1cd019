package io.sanctionsrisk.gateway.proxy;

import io.sanctionsrisk.gateway.isolation.RequestBody;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends a request body to the backend: the part the gateway already received, then the rest as it arrives, with
 * backpressure, counted against the route's limit and fed to the batch counter. The rest must keep coming: a pause
 * longer than the idle timeout (while the backend is ready to take more) ends the request. Runs on the request's
 * event loop.
 */
final class BodyRelay {

    /** What the relay tells its call. */
    interface Events {
        /** The whole body went out; the request may be ended. */
        void ended();

        void tooLarge();

        void stalled();

        void callerFailed(Throwable failure);
    }

    private final RoutingContext ctx;
    private final HttpServerRequest in;
    private final RequestBody body;
    private final long limit;
    private final long idleMillis;
    private final Events events;
    private long bytes;
    private long idleTimer = -1;
    private boolean stopped;

    BodyRelay(RoutingContext ctx, RequestBody body, long limit, long idleMillis, Events events) {
        this.ctx = ctx;
        this.in = ctx.request();
        this.body = body;
        this.limit = limit;
        this.idleMillis = idleMillis;
        this.events = events;
    }

    void start(HttpClientRequest out) {
        if (!body.present()) {
            events.ended();
            return;
        }
        if (body.declaredLength() < 0) {
            out.setChunked(true);
        }
        bytes = body.received().length();
        if (bytes > 0) {
            out.write(body.received());
        }
        if (body.complete()) {
            events.ended();
            return;
        }
        in.handler(chunk -> relay(out, chunk));
        in.exceptionHandler(failure -> {
            if (!stopped) {
                stop();
                events.callerFailed(failure);
            }
        });
        in.endHandler(end -> {
            if (!stopped) {
                stop();
                events.ended();
            }
        });
        armIdle();
        in.resume();
    }

    /** Relays nothing more; idempotent. */
    void stop() {
        stopped = true;
        cancelIdle();
        in.handler(null);
    }

    private void relay(HttpClientRequest out, Buffer chunk) {
        if (stopped) {
            return;
        }
        bytes += chunk.length();
        if (bytes > limit) {
            stop();
            events.tooLarge();
            return;
        }
        if (body.counter() != null) {
            body.counter().feed(chunk);
        }
        out.write(chunk);
        if (out.writeQueueFull()) {
            // the backend is slow to take it, not the caller to send it
            cancelIdle();
            in.pause();
            out.drainHandler(drained -> {
                if (!stopped) {
                    armIdle();
                    in.resume();
                }
            });
        } else {
            armIdle();
        }
    }

    private void armIdle() {
        cancelIdle();
        idleTimer = ctx.vertx().setTimer(idleMillis, id -> {
            idleTimer = -1;
            if (!stopped) {
                stop();
                events.stalled();
            }
        });
    }

    private void cancelIdle() {
        if (idleTimer >= 0) {
            ctx.vertx().cancelTimer(idleTimer);
            idleTimer = -1;
        }
    }
}
