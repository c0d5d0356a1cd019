package io.sanctionsrisk.gateway.http;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start when forwarding headers are honoured without a trusted-proxy list: Quarkus would then take any
 * caller's X-Forwarded-For as its address, and a client could pick its own per-address bucket and logged address.
 */
@ApplicationScoped
class TrustedProxies {

    void check(
            @Observes StartupEvent start,
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
                    boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trusted) {
        if (forwarding && trusted.map(List::isEmpty).orElse(true)) {
            throw new IllegalStateException("quarkus.http.proxy.proxy-address-forwarding is on without"
                    + " quarkus.http.proxy.trusted-proxies: every caller could name its own address; list the"
                    + " ingress controller's addresses");
        }
    }
}
