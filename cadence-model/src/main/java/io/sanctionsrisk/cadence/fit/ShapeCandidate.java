package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceParameters;

/** The best fit found for one kernel shape, with its AIC (all shapes have five parameters). */
public record ShapeCandidate(int shape, CadenceParameters parameters, double logLikelihood, double aic) {}
