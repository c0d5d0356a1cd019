package io.sanctionsrisk.cadence.fit;

/**
 * Time-rescaling check: under the fitted model the gaps Lambda(t_i) - Lambda(t_{i-1}) (Lambda(t_0) = 0) are
 * i.i.d. Exp(1). Reports the Kolmogorov-Smirnov statistic and p-value against Exp(1) (NaN with fewer than two
 * events) and the mean gap (1 under the model).
 */
public record GoodnessOfFit(int gapCount, double ksStatistic, double ksPValue, double meanGap) {}
