package io.sanctionsrisk.risk.scenario;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits and defaults of what-if scenarios (POST /api/v1/scenarios), under {@code risk.scenarios.}. */
@ConfigMapping(prefix = "risk.scenarios")
public interface ScenarioConfig {

    /** Paths when the request names none. */
    @WithDefault("10000")
    int defaultPaths();

    /** Fewest paths a request may ask for (fewer give no usable 5% and 95% quantiles). */
    @WithDefault("100")
    int minPaths();

    /** Most paths a request may ask for; more is a 413 problem. */
    @WithDefault("200000")
    int maxPaths();

    /** Horizon in days when the request names none. */
    @WithDefault("365")
    int defaultHorizonDays();

    /** Longest horizon in days; longer is a 422 problem. */
    @WithDefault("3650")
    int maxHorizonDays();

    /** Latest start date, in days after the end of the serving snapshot's data; later is a 422 problem. */
    @WithDefault("3650")
    int maxStartDaysAfterData();

    /** Most hypothetical sanctions a scenario may add; more is a 413 problem. */
    @WithDefault("100")
    int maxAddedSanctions();

    /** Most sanctions a scenario may remove; more is a 413 problem. */
    @WithDefault("1000")
    int maxRemovedSanctions();

    /** Threads one simulation runs on; 0 means one per available processor. Results do not depend on it. */
    @WithDefault("0")
    int threads();

    /** Simulations running at once on one replica; more wait up to queue-wait, then get 503. */
    @WithDefault("1")
    int maxConcurrent();

    /** How long a simulation waits for a free slot. */
    @WithDefault("10s")
    Duration queueWait();

    /** Largest page of the list. */
    @WithDefault("100")
    int maxPageSize();
}
