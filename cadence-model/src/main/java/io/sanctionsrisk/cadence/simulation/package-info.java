/**
 * Exact simulation of the cadence model by its cluster (branching) construction, written independently of
 * the likelihood code so that it can check the fitter.
 */
package io.sanctionsrisk.cadence.simulation;
