package io.sanctionsrisk.gateway.proxy;

import io.netty.channel.ConnectTimeoutException;
import io.sanctionsrisk.gateway.isolation.RequestBody;
import io.sanctionsrisk.gateway.routing.Route;
import io.sanctionsrisk.gateway.web.Exchange;
import io.sanctionsrisk.gateway.web.ProblemType;
import io.sanctionsrisk.gateway.web.Problems;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Forwards one request to its backend and streams the answer back. It first waits for a connection slot in the
 * backend's fair queue; then the received part of the body goes out, and the rest (if any) is streamed as it arrives
 * and counted against the route's limit; the answer is streamed as it arrives. GET and HEAD without a body are retried
 * when the backend cannot be reached or answers 502/503/504; nothing else is ever sent twice. The backend's own load
 * shedding (see {@link LoadShedding}) is passed on and is no failure. Runs on the request's event loop.
 */
final class ProxyCall {

    private static final Logger LOG = Logger.getLogger(ProxyCall.class);

    private final RoutingContext ctx;
    private final Backend backend;
    private final Exchange exchange;
    private final HttpServerRequest in;
    private final long bodyLimit;
    private final RequestBody body;
    private final long idleTimeoutMillis;
    private final Runnable bodyDone;
    private final boolean retryable;

    private int attempt;
    /** The current attempt is the one trial call of a half-open breaker. */
    private boolean trial;

    private HttpClientRequest current;
    private boolean outcomePending;
    /** The caller's answer is decided: forwarded, or a problem written. */
    private boolean settled;
    /** The backend request was given up; nothing more is relayed to it. */
    private boolean aborted;

    private BodyRelay relay;

    ProxyCall(
            RoutingContext ctx,
            Route route,
            Backend backend,
            Exchange exchange,
            RequestBody body,
            long idleTimeoutMillis,
            Runnable bodyDone) {
        this.ctx = ctx;
        this.backend = backend;
        this.exchange = exchange;
        this.in = ctx.request();
        this.bodyLimit = route.maxBodySize();
        this.body = body;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.bodyDone = bodyDone;
        HttpMethod method = in.method();
        this.retryable = (method == HttpMethod.GET || method == HttpMethod.HEAD) && !body.present();
    }

    /** Waits for a slot of the backend's pool in the client's turn, then sends. */
    void start(String clientKey) {
        ctx.response().closeHandler(closed -> callerGone());
        FairQueue.Ticket ticket = backend.slots()
                .acquire(
                        clientKey,
                        ctx.vertx().getOrCreateContext(),
                        backend.config().connectTimeout().toMillis(),
                        this::slot);
        ctx.addEndHandler(done -> ticket.release());
    }

    private void slot(FairQueue.Outcome outcome) {
        if (settled || aborted) {
            return;
        }
        if (outcome == FairQueue.Outcome.GRANTED) {
            send();
            return;
        }
        // the gateway's own queue is full or too slow: the backend is not at fault
        poolBusy();
    }

    private void poolBusy() {
        settle("pool-busy");
        Problems.send(
                ctx,
                ProblemType.BACKEND_UNAVAILABLE,
                "The " + backend.name() + " service has too many requests waiting; try again shortly.",
                response -> response.putHeader(HttpHeaders.RETRY_AFTER, "1"));
    }

    private void send() {
        if (settled || aborted) {
            return;
        }
        CircuitBreaker.Admission admission = backend.breaker().tryAcquire();
        if (admission == CircuitBreaker.Admission.REFUSED) {
            settle("breaker-open");
            unavailable();
            return;
        }
        trial = admission == CircuitBreaker.Admission.TRIAL;
        attempt++;
        exchange.countAttempt();
        outcomePending = true;
        RequestOptions options = backend.requestOptions(in.method(), in.uri())
                .setHeaders(ForwardedHeaders.toBackend(in, exchange.requestId()));
        backend.client().request(options).onComplete(opened -> {
            if (settled || aborted) {
                if (opened.succeeded()) {
                    opened.result().reset();
                }
                return;
            }
            if (opened.failed()) {
                connectFailed(opened.cause());
                return;
            }
            HttpClientRequest out = opened.result();
            current = out;
            // failures arrive through the response future; this only keeps Vert.x from logging them again
            out.exceptionHandler(failure -> LOG.tracef("request %s: %s", exchange.requestId(), failure));
            out.response().onComplete(answer -> {
                if (answer.succeeded()) {
                    answered(answer.result());
                } else {
                    answerFailed(answer.cause());
                }
            });
            sendBody(out);
        });
    }

    private void sendBody(HttpClientRequest out) {
        relay = new BodyRelay(ctx, body, bodyLimit, idleTimeoutMillis, new BodyRelay.Events() {
            @Override
            public void ended() {
                if (!aborted) {
                    endRequest(out);
                    bodyDone.run();
                }
            }

            @Override
            public void tooLarge() {
                abandon("body-too-large");
                Problems.send(
                        ctx,
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "The request body is larger than the " + bodyLimit + " bytes this route accepts.");
            }

            @Override
            public void stalled() {
                abandon("body-timeout");
                Problems.sendAndClose(
                        ctx,
                        ProblemType.REQUEST_TIMEOUT,
                        "The request body stopped arriving for more than " + idleTimeoutMillis / 1000.0 + " s.");
            }

            @Override
            public void callerFailed(Throwable failure) {
                LOG.debugf("request %s: reading the caller's body failed: %s", exchange.requestId(), failure);
                abandon("caller-body-failed");
            }
        });
        relay.start(out);
    }

    /**
     * The read timeout starts once the whole request is sent: Vert.x counts only data from the backend as activity,
     * so a long upload would otherwise be cut off while it is still flowing.
     */
    private void endRequest(HttpClientRequest out) {
        out.end();
        out.idleTimeout(backend.config().readTimeout().toMillis());
    }

    private void answered(HttpClientResponse answer) {
        if (settled || aborted) {
            return;
        }
        int status = answer.statusCode();
        outcomePending = false;
        if (LoadShedding.announced(answer)) {
            outcomePending = true;
            LoadShedding.read(
                    answer,
                    whole -> shedOrFailed(answer, whole),
                    () -> failed(new IllegalStateException("a 503 answer larger than a problem"), false),
                    this::answerFailed);
            return;
        }
        if (status == 502 || status == 503 || status == 504) {
            backend.breaker().onFailure();
            if (mayRetry()) {
                // the failed answer is dropped with its connection; the reset is expected, not an error
                answer.exceptionHandler(ignored -> {});
                current.reset();
                retryLater();
                return;
            }
        } else {
            backend.breaker().onSuccess();
        }
        settle("forwarded");
        HttpServerResponse response = head(answer);
        boolean bodyless = in.method() == HttpMethod.HEAD || status == 204 || status == 304 || status < 200;
        if (!bodyless
                && !answer.headers().contains(HttpHeaders.CONTENT_LENGTH)
                && in.version() != HttpVersion.HTTP_1_0) {
            response.setChunked(true);
        }
        answer.pipe().endOnFailure(false).to(response).onFailure(broken -> {
            LOG.warnf(
                    "request %s: the %s answer broke off after it started: %s",
                    exchange.requestId(), backend.name(), broken.toString());
            exchange.outcome("answer-broken");
            abandonBackend();
            // a half-sent answer must not look complete: cut the connection
            response.reset();
        });
    }

    /** A 503 problem read whole: the backend's load shedding is passed on uncounted, anything else is a failure. */
    private void shedOrFailed(HttpClientResponse answer, Buffer whole) {
        if (settled || aborted) {
            return;
        }
        outcomePending = false;
        if (LoadShedding.isShedding(whole, backend.config().sheddingTypes())) {
            backend.breaker().onAbandoned();
            settle("shed");
        } else {
            backend.breaker().onFailure();
            if (mayRetry()) {
                current.reset();
                retryLater();
                return;
            }
            settle("forwarded");
        }
        head(answer).end(whole);
    }

    private HttpServerResponse head(HttpClientResponse answer) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(answer.statusCode());
        ForwardedHeaders.toCaller(answer.headers(), response.headers(), backend.origin());
        return response;
    }

    /** The breaker is open: say so at once, with the time until the next trial. */
    private void unavailable() {
        long wait = Math.max(1, backend.breaker().secondsUntilTrial());
        Problems.send(
                ctx,
                ProblemType.BACKEND_UNAVAILABLE,
                "The " + backend.name() + " service is unavailable; the gateway stopped calling it for now.",
                response -> response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait)));
    }

    private void connectFailed(Throwable failure) {
        if (failure instanceof ConnectionPoolTooBusyException) {
            outcomePending = false;
            backend.breaker().onAbandoned();
            poolBusy();
            return;
        }
        failed(failure, failure instanceof ConnectTimeoutException || failure instanceof TimeoutException);
    }

    private void answerFailed(Throwable failure) {
        failed(failure, failure instanceof TimeoutException);
    }

    private void failed(Throwable failure, boolean timeout) {
        if (settled || aborted) {
            return;
        }
        LOG.debugf("request %s: attempt %d to %s failed: %s", exchange.requestId(), attempt, backend.name(), failure);
        outcomePending = false;
        backend.breaker().onFailure();
        if (current != null) {
            current.reset();
        }
        // a slow backend is not helped by asking again: only unreachable ones are retried
        if (!timeout && mayRetry()) {
            retryLater();
            return;
        }
        if (trial && !timeout) {
            // the trial of an open breaker failed: the backend is still down, as the answers before it said
            settle("trial-failed");
            unavailable();
        } else if (timeout) {
            settle("timeout");
            Problems.send(
                    ctx,
                    ProblemType.BACKEND_TIMEOUT,
                    "The " + backend.name() + " service did not answer within the gateway's time limit.");
        } else {
            settle("unreachable");
            Problems.send(
                    ctx,
                    ProblemType.BAD_GATEWAY,
                    failure instanceof ConnectException
                            ? "The " + backend.name() + " service refused the connection."
                            : "The " + backend.name() + " service closed the connection without a complete answer.");
        }
    }

    private boolean mayRetry() {
        return retryable
                && attempt <= backend.config().retries()
                && !ctx.response().closed();
    }

    private void retryLater() {
        current = null;
        long delay = backend.config().retryBackoff().toMillis() << Math.min(attempt - 1, 10);
        if (delay <= 0) {
            send();
        } else {
            ctx.vertx().setTimer(delay, timer -> send());
        }
    }

    /** Gives up before the answer is decided: the backend request is reset, so the backend never sees it whole. */
    private void abandon(String why) {
        if (aborted) {
            return;
        }
        if (!settled) {
            settle(why);
        }
        abandonBackend();
    }

    private void abandonBackend() {
        if (relay != null) {
            relay.stop();
        }
        aborted = true;
        if (outcomePending) {
            outcomePending = false;
            backend.breaker().onAbandoned();
        }
        if (current != null) {
            current.reset();
        }
        in.handler(null);
    }

    private void callerGone() {
        if (ctx.response().ended()) {
            return;
        }
        LOG.debugf("request %s: the caller went away before the answer was complete", exchange.requestId());
        if (!settled) {
            settle("caller-gone");
        }
        abandonBackend();
    }

    private void settle(String outcome) {
        settled = true;
        exchange.outcome(outcome);
    }
}
