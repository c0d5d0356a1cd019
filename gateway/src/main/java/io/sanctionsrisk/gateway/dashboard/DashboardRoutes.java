package io.sanctionsrisk.gateway.dashboard;

import io.sanctionsrisk.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Locale;

/**
 * The compliance dashboard: static files from META-INF/resources/dashboard/, plus the one thing they cannot carry,
 * where to log in ({@code /dashboard/config.json}, from configuration), and the page's Content-Security-Policy, which
 * lets it load only its own files and connect only to the gateway and the Keycloak origin.
 */
@ApplicationScoped
public class DashboardRoutes {

    public static final String PATH = "/dashboard/";
    static final String CONFIG_PATH = PATH + "config.json";

    private final String config;
    private final String contentSecurityPolicy;

    public DashboardRoutes(GatewayConfig gateway) {
        GatewayConfig.Dashboard dashboard = gateway.dashboard();
        URI realm = dashboard.authServerUrl();
        String realmUrl = realm.toString().replaceAll("/+$", "");
        this.config = new JsonObject()
                .put("authServerUrl", realmUrl)
                .put("clientId", dashboard.clientId())
                .encode();
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " connect-src 'self' " + origin(realm) + "; base-uri 'none'; form-action 'none';"
                + " frame-ancestors 'none'";
    }

    /** scheme://host[:port] of an absolute http(s) URL; anything else stops the gateway at start-up. */
    static String origin(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException(
                    "gateway.dashboard.auth-server-url must be an absolute http(s) URL, not " + url);
        }
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    /** Whether the path belongs to the dashboard and gets its Content-Security-Policy. */
    public static boolean covers(String path) {
        return path.equals("/dashboard") || path.startsWith(PATH);
    }

    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    void register(@Observes Router router) {
        router.get("/").handler(ctx -> redirect(ctx, PATH));
        // Vert.x matches "/dashboard/" to this route as well; that one is the static index page
        router.get("/dashboard").handler(ctx -> {
            if (ctx.request().path().equals("/dashboard")) {
                redirect(ctx, PATH);
            } else {
                ctx.next();
            }
        });
        router.get(CONFIG_PATH).handler(this::config);
    }

    private void config(RoutingContext ctx) {
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(config);
    }

    private static void redirect(RoutingContext ctx, String location) {
        ctx.response()
                .setStatusCode(302)
                .putHeader(HttpHeaders.LOCATION, location)
                .end();
    }
}
