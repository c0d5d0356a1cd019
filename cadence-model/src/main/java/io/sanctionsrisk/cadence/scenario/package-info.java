/**
 * What-if scenarios: baseline and scenario simulated side by side with common random numbers, per-path random
 * streams (so results do not depend on the thread count), marks drawn from the paths' streams, and the summary
 * statistics (means, quantiles, exceedance curve, deltas with intervals). Plain Java, no framework imports.
 */
package io.sanctionsrisk.cadence.scenario;
