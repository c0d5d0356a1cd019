package io.sanctionsrisk.gateway.health;

import io.sanctionsrisk.gateway.proxy.Backend;
import io.sanctionsrisk.gateway.proxy.Backends;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports each backend's breaker state for people, and is always UP: a backend outage is answered per request
 * (502/503/504 for that backend's routes), while the gateway itself keeps serving the other backend's routes, the
 * health endpoints and the documentation. Taking the gateway out of rotation would turn one outage into a total one.
 */
@Readiness
@ApplicationScoped
public class BackendsReadiness implements HealthCheck {

    private final Backends backends;

    public BackendsReadiness(Backends backends) {
        this.backends = backends;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("backends").up();
        for (Backend backend : backends.all()) {
            response.withData(backend.name(), backend.breaker().state().name().toLowerCase(Locale.ROOT));
        }
        return response.build();
    }
}
