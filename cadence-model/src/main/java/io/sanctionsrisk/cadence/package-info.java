/**
 * The sanctions-excited cadence model as plain Java: data, parameters, the O(n + m) log-likelihood and
 * its gradient, the intensity and its decomposition. See MODEL.md at the repository root for the
 * formulas, the bounds and the limits.
 */
package io.sanctionsrisk.cadence;
