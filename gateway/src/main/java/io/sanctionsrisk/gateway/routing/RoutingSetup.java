package io.sanctionsrisk.gateway.routing;

import io.sanctionsrisk.gateway.config.GatewayConfig;
import io.sanctionsrisk.gateway.config.GatewayConfig.RouteConfig;
import io.sanctionsrisk.gateway.proxy.Backends;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the route table from configuration; a bad table stops the gateway at start-up. */
public class RoutingSetup {

    @Produces
    @Singleton
    RouteTable routeTable(GatewayConfig config, Backends backends) {
        long defaultLimit = config.limits().maxBodySize().asLongValue();
        List<RouteTable.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, RouteConfig> route : config.routes().entrySet()) {
            RouteConfig value = route.getValue();
            entries.add(new RouteTable.Entry(
                    route.getKey(),
                    value.prefix(),
                    value.backend(),
                    value.methods(),
                    value.maxBodySize().map(size -> size.asLongValue()).orElse(defaultLimit)));
        }
        return RouteTable.of(entries, config.readRoles(), backends.names());
    }
}
