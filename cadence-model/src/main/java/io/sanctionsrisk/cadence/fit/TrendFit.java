package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceParameters;

/**
 * The full model with a log-linear baseline, mu(t) = mu exp(gamma (t - T/2) / T) (MODEL.md, "Time-varying
 * baseline"), against the stationary fit it extends: {@code mu} in {@code parameters} is the baseline at mid
 * window, exp(gamma) the ratio of the baseline at the window end to that at its start. AIC counts six parameters
 * against five; {@code deltaAic} = AIC(trend) - AIC(stationary), negative when the trend is preferred; the
 * likelihood-ratio p-value of gamma = 0 is from chi-squared(1) (gamma = 0 is inside its range). Whether the
 * trend is served is a matter for the backtests, not for this in-sample comparison.
 */
public record TrendFit(
        CadenceParameters parameters,
        double gamma,
        double logLikelihood,
        double aic,
        double stationaryLogLikelihood,
        double stationaryAic,
        double deltaAic,
        double likelihoodRatioPValue,
        int startsPolished,
        int startsAtOptimum,
        double kktViolation,
        boolean converged,
        boolean hitDeadline) {}
