package io.sanctionsrisk.risk.config;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/**
 * Skips a scheduled job that follows the refit schedule (the data-version check and the stale-data check) when
 * {@code risk.refit.schedule-enabled} is false.
 */
@Singleton
public class RefitScheduleDisabled implements Scheduled.SkipPredicate {

    private final RiskConfig config;

    public RefitScheduleDisabled(RiskConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.refit().scheduleEnabled();
    }
}
