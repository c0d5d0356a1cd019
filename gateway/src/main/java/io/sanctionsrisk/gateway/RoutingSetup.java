package io.sanctionsrisk.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.sanctionsrisk.gateway.config.GatewayConfig;
import io.sanctionsrisk.gateway.config.GatewayConfig.RouteConfig;
import io.sanctionsrisk.gateway.proxy.Backends;
import io.sanctionsrisk.gateway.routing.Route;
import io.sanctionsrisk.gateway.routing.RouteTable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

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
                    value.maxBodySize().map(size -> size.asLongValue()).orElse(defaultLimit),
                    value.batchPaths().orElse(List.of())));
        }
        RouteTable table = RouteTable.of(entries, config.readRoles(), backends.names());
        // Quarkus refuses a declared length above its own limit with an empty 413 before the gateway sees it
        Optional<MemorySize> serverLimit =
                ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class);
        long largest =
                table.routes().stream().mapToLong(Route::maxBodySize).max().orElse(0);
        if (serverLimit.isPresent() && serverLimit.get().asLongValue() < largest) {
            throw new IllegalArgumentException(
                    "quarkus.http.limits.max-body-size (" + serverLimit.get().asLongValue()
                            + " bytes) must be at least the largest route limit (" + largest + " bytes)");
        }
        return table;
    }
}
