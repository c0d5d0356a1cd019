package io.sanctionsrisk.gateway.http;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.sanctionsrisk.gateway.isolation.BatchItemCounter;
import io.sanctionsrisk.gateway.isolation.BodyIntake;
import io.sanctionsrisk.gateway.isolation.InFlightLimiter;
import io.sanctionsrisk.gateway.proxy.Backends;
import io.sanctionsrisk.gateway.ratelimit.RateLimiter;
import io.sanctionsrisk.gateway.routing.RequestPaths;
import io.sanctionsrisk.gateway.routing.Route;
import io.sanctionsrisk.gateway.routing.RouteTable;
import io.sanctionsrisk.gateway.web.Exchange;
import io.sanctionsrisk.gateway.web.ProblemType;
import io.sanctionsrisk.gateway.web.Problems;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The front door for /api: route lookup, body size, token, rate limit, role, then forwarding. Every refusal is a
 * problem+json answer and nothing refused reaches a backend. Anything outside /api that no other handler serves is
 * a 404 problem too.
 */
@ApplicationScoped
public class ApiHandler {

    private static final Logger LOG = Logger.getLogger(ApiHandler.class);

    private final RouteTable routes;
    private final Backends backends;
    private final RateLimiter rateLimiter;
    private final InFlightLimiter inFlight;
    private final BodyIntake intake;
    private final BrowserWrites browserWrites;

    public ApiHandler(
            RouteTable routes,
            Backends backends,
            RateLimiter rateLimiter,
            InFlightLimiter inFlight,
            BodyIntake intake,
            BrowserWrites browserWrites) {
        this.browserWrites = browserWrites;
        this.routes = routes;
        this.backends = backends;
        this.rateLimiter = rateLimiter;
        this.inFlight = inFlight;
        this.intake = intake;
    }

    void register(@Observes Router router) {
        router.route("/api/*").handler(this::handle);
        router.route().last().handler(ctx -> Problems.send(ctx, ProblemType.NOT_FOUND, "There is nothing here."));
    }

    /** Builds the route table and backends at start-up, so a bad configuration stops the gateway at once. */
    void checkConfiguration(@Observes StartupEvent start) {
        LOG.infof(
                "route table: %d routes to backends %s",
                routes.routes().size(),
                backends.all().stream().map(b -> b.name() + "=" + b.url()).toList());
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        Exchange exchange = Exchange.of(ctx);
        String path = request.path();
        if (!RequestPaths.isCanonical(path)) {
            Problems.send(
                    ctx,
                    ProblemType.MALFORMED_REQUEST,
                    "The path has a dot segment, an empty segment, or an encoded character the gateway does not"
                            + " forward.");
            return;
        }
        Route route = routes.match(path).orElse(null);
        if (route == null) {
            Problems.send(ctx, ProblemType.NOT_FOUND, "No API route matches this path.");
            return;
        }
        exchange.route(route.name()).backend(route.backend());
        long declaredLength = declaredLength(request);
        if (declaredLength == MALFORMED) {
            Problems.send(
                    ctx,
                    ProblemType.MALFORMED_REQUEST,
                    "Content-Length is not one non-negative number, or comes" + " with Transfer-Encoding.");
            return;
        }
        if (declaredLength > route.maxBodySize()) {
            Problems.send(
                    ctx,
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is larger than the " + route.maxBodySize() + " bytes this route accepts.");
            return;
        }
        RateLimiter.Decision byAddress = rateLimiter.takeForAddress(
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
        if (!byAddress.allowed()) {
            rateLimited(ctx, "This address sent more requests than its rate allows", byAddress);
            return;
        }
        List<String> authorization = request.headers().getAll(HttpHeaders.AUTHORIZATION);
        if (authorization.isEmpty()) {
            unauthorized(ctx, "A bearer token is required.", false);
            return;
        }
        if (authorization.size() > 1) {
            unauthorized(ctx, "Send one Authorization header.", true);
            return;
        }
        Context context = Vertx.currentContext();
        // the gateway answers a refused token itself (problem+json), instead of Quarkus' empty 401
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, IGNORE_FAILURE);
        try {
            QuarkusHttpUser.getSecurityIdentity(ctx, null)
                    .subscribe()
                    .with(
                            identity -> onContext(
                                    context, () -> authenticated(ctx, route, exchange, identity, declaredLength)),
                            failure -> onContext(context, () -> {
                                LOG.debugf("request %s: token refused: %s", exchange.requestId(), failure);
                                unauthorized(ctx, "The bearer token is not valid.", true);
                            }));
        } catch (RuntimeException e) {
            LOG.debugf("request %s: token refused: %s", exchange.requestId(), e);
            unauthorized(ctx, "The bearer token is not valid.", true);
        }
    }

    private void authenticated(
            RoutingContext ctx, Route route, Exchange exchange, SecurityIdentity identity, long declaredLength) {
        if (identity == null || identity.isAnonymous()) {
            unauthorized(ctx, "A bearer token is required.", true);
            return;
        }
        String subject = null;
        String client = null;
        String scope = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            subject = token.getSubject();
            Object azp = token.getClaim("azp");
            client = azp == null ? null : azp.toString();
            Object scopes = token.getClaim("scope");
            scope = scopes == null ? null : scopes.toString().replace("\"", "");
        }
        exchange.caller(subject, client);
        RateLimiter.Decision decision = rateLimiter.take(client, subject);
        if (!decision.allowed()) {
            rateLimited(ctx, "Client " + exchange.client() + " sent more requests than its rate allows", decision);
            return;
        }
        String method = ctx.request().method().name();
        Set<String> allowed = route.rolesFor(method);
        if (allowed == null) {
            Problems.send(
                    ctx,
                    ProblemType.METHOD_NOT_ALLOWED,
                    method + " is not offered on this route.",
                    response -> response.putHeader(HttpHeaders.ALLOW, route.allowHeader()));
            return;
        }
        if (allowed.stream().noneMatch(identity::hasRole)) {
            Problems.send(
                    ctx,
                    ProblemType.FORBIDDEN,
                    method + " on this route needs one of the roles " + String.join(", ", new TreeSet<>(allowed))
                            + ".");
            return;
        }
        String browserRefusal = browserWrites.refusal(route, method, client, scope);
        if (browserRefusal != null) {
            Problems.send(ctx, ProblemType.FORBIDDEN, browserRefusal);
            return;
        }
        String clientKey = rateLimiter.clientKey(client, subject);
        if (!inFlight.tryAcquire(clientKey)) {
            Problems.send(
                    ctx,
                    ProblemType.TOO_MANY_IN_FLIGHT,
                    "Client " + exchange.client() + " has " + inFlight.max()
                            + " requests under way, as many as it may; send more when one is answered.",
                    response -> response.putHeader(HttpHeaders.RETRY_AFTER, "1"));
            return;
        }
        ctx.addEndHandler(done -> inFlight.release(clientKey));
        boolean batch = route.isBatch(method, ctx.request().path());
        BatchItemCounter counter =
                batch ? new BatchItemCounter(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)) : null;
        String caller = client;
        String who = subject;
        intake.receive(ctx, declaredLength, route.maxBodySize(), counter, body -> {
            if (counter != null && body.complete() && counter.items() > 1) {
                // the whole batch is here: its items (beyond the one token already taken) are charged before it goes
                RateLimiter.Decision items = rateLimiter.take(caller, who, counter.items() - 1);
                if (!items.allowed()) {
                    rateLimited(
                            ctx,
                            "A batch of " + counter.items() + " items costs more than client " + exchange.client()
                                    + " has left of its rate",
                            items);
                    return;
                }
                backends.forward(ctx, route, exchange, body, clientKey, () -> {});
                return;
            }
            // a streamed batch is charged once its last item went to the backend: the bucket may go into debt
            Runnable charge = counter == null ? () -> {} : () -> rateLimiter.charge(caller, who, counter.items() - 1);
            backends.forward(ctx, route, exchange, body, clientKey, charge);
        });
    }

    private static void rateLimited(RoutingContext ctx, String why, RateLimiter.Decision decision) {
        Problems.send(
                ctx,
                ProblemType.RATE_LIMITED,
                why + "; retry after " + decision.retryAfterSeconds() + " s.",
                response -> response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds())));
    }

    private static void unauthorized(RoutingContext ctx, String detail, boolean invalidToken) {
        Problems.send(
                ctx,
                ProblemType.UNAUTHORIZED,
                detail,
                response -> response.putHeader(
                        "WWW-Authenticate", invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer"));
    }

    private static final long MALFORMED = -2;
    private static final BiConsumer<RoutingContext, Throwable> IGNORE_FAILURE = (ctx, failure) -> {};

    /** The declared body length, -1 when none is declared, or {@link #MALFORMED}. */
    static long declaredLength(HttpServerRequest request) {
        List<String> values = request.headers().getAll(HttpHeaders.CONTENT_LENGTH);
        if (values.isEmpty()) {
            return -1;
        }
        if (values.size() > 1 || request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return MALFORMED;
        }
        String value = values.get(0).strip();
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return MALFORMED;
        }
        return Long.parseLong(value);
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }
}
