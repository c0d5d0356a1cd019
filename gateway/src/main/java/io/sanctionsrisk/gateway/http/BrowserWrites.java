package io.sanctionsrisk.gateway.http;

import io.sanctionsrisk.gateway.config.GatewayConfig;
import io.sanctionsrisk.gateway.routing.Route;
import io.sanctionsrisk.gateway.routing.RouteTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Browser sessions read; changes to the system of record and the model (the write routes) need a machine client or a
 * browser token that carries the write scope explicitly. A token stolen from a page (XSS, a shared machine) then
 * cannot change sanctions, incidents, actors, imports or refits, whatever roles its user holds. Analyses (scores,
 * scenarios, backtests, fits) stay open to a browser with the role.
 */
@ApplicationScoped
public class BrowserWrites {

    private final Set<String> browserClients;
    private final String writeScope;
    private final Set<String> writeRoutes;

    @Inject
    public BrowserWrites(GatewayConfig config, RouteTable routes) {
        this(
                config.identity().browserClients(),
                config.identity().writeScope(),
                config.identity().writeRoutes());
        Set<String> known = routes.routes().stream().map(Route::name).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(writeRoutes);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("gateway.identity.write-routes names no route: " + unknown);
        }
    }

    BrowserWrites(List<String> browserClients, String writeScope, List<String> writeRoutes) {
        this.browserClients = Set.copyOf(browserClients);
        this.writeScope = writeScope;
        this.writeRoutes = Set.copyOf(writeRoutes);
    }

    /**
     * Why the request is refused, or null when it may go on.
     *
     * @param client the token's {@code azp}
     * @param scope the token's {@code scope} claim (space-separated), or null
     */
    String refusal(Route route, String method, String client, String scope) {
        if (!writeRoutes.contains(route.name())
                || RouteTable.isRead(method)
                || client == null
                || !browserClients.contains(client)) {
            return null;
        }
        if (scope != null && Arrays.asList(scope.split(" ")).contains(writeScope)) {
            return null;
        }
        return "Browser sessions (client " + client + ") only read here; changing data needs a machine client or"
                + " a token with the scope " + writeScope + ".";
    }
}
