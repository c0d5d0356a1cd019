package io.sanctionsrisk.cadence.marks;

/** One posterior draw of the severity model: regression coefficients, sigmaLog and P(X > 0). */
public record SeverityDraw(double[] coefficients, double sigmaLog, double probabilityPositive) {}
