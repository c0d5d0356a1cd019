package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceParameters;
import java.util.List;

/**
 * The result of a fit: the maximum-likelihood parameters of the full model, their errors and
 * identification flags, the kernel shapes tried, the two nested baselines (homogeneous Poisson and Hawkes
 * without sanctions), the likelihood-ratio tests, the time-rescaling goodness of fit, and how the optimiser
 * ended. Estimates are listed in the order mu, kappa, alpha, beta, delta; {@code correlation} is the 5 x 5
 * correlation matrix of the estimates in the same order, from the inverse observed information (NaN in the
 * rows and columns of parameters held at a bound or not identified).
 */
public record CadenceFit(
        CadenceParameters parameters,
        double logLikelihood,
        double aic,
        List<ParameterEstimate> estimates,
        List<List<Double>> correlation,
        boolean shapeChosenByAic,
        List<ShapeCandidate> shapes,
        double poissonRate,
        CadenceParameters hawkesWithoutSanctions,
        List<ModelComparison> comparisons,
        List<LikelihoodRatioTest> tests,
        GoodnessOfFit goodnessOfFit,
        int eventCount,
        int sanctionCount,
        long evaluations,
        boolean converged,
        boolean hitDeadline) {

    public CadenceFit {
        estimates = List.copyOf(estimates);
        correlation = List.copyOf(correlation);
        shapes = List.copyOf(shapes);
        comparisons = List.copyOf(comparisons);
        tests = List.copyOf(tests);
    }

    /** The estimate named {@code name} (mu, kappa, alpha, beta or delta). */
    public ParameterEstimate estimate(String name) {
        return estimates.stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter named " + name));
    }
}
