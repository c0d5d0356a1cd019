package io.sanctionsrisk.cadence.fit;

/** A fitted model's log-likelihood and AIC = 2 p - 2 log L, for comparing nested models. */
public record ModelComparison(String model, int parameterCount, double logLikelihood, double aic) {

    public static ModelComparison of(String model, int parameterCount, double logLikelihood) {
        return new ModelComparison(model, parameterCount, logLikelihood, 2.0 * parameterCount - 2.0 * logLikelihood);
    }
}
