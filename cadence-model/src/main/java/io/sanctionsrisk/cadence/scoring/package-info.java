/**
 * Scores of institutions and the sector x region heatmap from a fitted snapshot: the cadence forecast of the total
 * count, the cell's Dirichlet-multinomial share, lognormal severities and documented exposure multipliers. Plain
 * Java, no framework imports, so it can be unit-tested and benchmarked alone.
 */
package io.sanctionsrisk.cadence.scoring;
