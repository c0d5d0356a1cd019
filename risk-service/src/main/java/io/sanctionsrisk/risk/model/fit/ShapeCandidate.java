package io.sanctionsrisk.risk.model.fit;

import io.sanctionsrisk.risk.model.CadenceParameters;

/** The best fit found for one kernel shape, with its AIC (all shapes have five parameters). */
public record ShapeCandidate(int shape, CadenceParameters parameters, double logLikelihood, double aic) {}
