package io.sanctionsrisk.cadence.fit;

/**
 * One candidate model's Akaike weight: exp(-deltaAic / 2) normalised over the candidates (the homogeneous Poisson
 * model, the Hawkes model without sanctions and the full model for each kernel shape tried). {@code shape} is 0
 * for the models without a sanctions kernel. The weight reads as the relative support for the candidate among
 * these, not as a probability that it is true.
 */
public record AicWeight(
        String model,
        int shape,
        int parameterCount,
        double logLikelihood,
        double aic,
        double deltaAic,
        double weight) {}
