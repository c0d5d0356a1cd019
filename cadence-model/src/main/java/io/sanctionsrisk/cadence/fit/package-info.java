/**
 * Maximum-likelihood fitting of the cadence model: bounded BOBYQA from deterministic starts, standard
 * errors from the observed information, baselines, likelihood-ratio tests and time-rescaling goodness of
 * fit.
 */
package io.sanctionsrisk.cadence.fit;
