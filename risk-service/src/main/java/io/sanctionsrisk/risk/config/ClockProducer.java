package io.sanctionsrisk.risk.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The clock that stamps snapshots and sync records. */
@ApplicationScoped
public class ClockProducer {

    /** UTC, ticking in microseconds: the precision the database keeps, so a read gives back what was written. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
