package io.sanctionsrisk.cadence.backtest;

/**
 * One model's forecast of one window against what happened: the expected count, the equal-tailed 90% predictive
 * interval of the count [lower90, upper90] (quantiles 5% and 95%), whether the observed count fell inside it, and
 * the out-of-sample log-likelihood of the window's heists given the history, log L(0, T_k + h) - log L(0, T_k)
 * under the parameters fitted on (0, T_k].
 */
public record WindowForecast(
        String model, double expected, int lower90, int upper90, boolean covered, double logLikelihood) {}
