package io.sanctionsrisk.risk.snapshot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The service's own Prometheus metrics: {@code risk_fits_seconds} (kind = snapshot or inline, budget = hit or
 * within) and {@code risk_refits_total} (outcome = created, reused, unchanged, unavailable, unfittable, busy).
 */
@ApplicationScoped
public class FitMetrics {

    private final MeterRegistry registry;

    public FitMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void fitted(String kind, Duration took, boolean hitBudget) {
        Timer.builder("risk.fits")
                .description("Wall-clock time of model fits")
                .tag("kind", kind)
                .tag("budget", hitBudget ? "hit" : "within")
                .register(registry)
                .record(took);
    }

    public void refit(String outcome) {
        registry.counter("risk.refits", "outcome", outcome).increment();
    }
}
