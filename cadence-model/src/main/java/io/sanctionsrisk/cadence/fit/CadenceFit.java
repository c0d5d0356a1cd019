package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceParameters;
import java.util.List;

/**
 * The result of a fit: the maximum-likelihood parameters of the full model, their errors and
 * identification flags, the kernel shapes tried, the two nested baselines (homogeneous Poisson and Hawkes
 * without sanctions), the likelihood-ratio tests, the time-rescaling goodness of fit, and how the optimiser
 * ended. Estimates are listed in the order mu, kappa, alpha, beta, delta; {@code correlation} is the 5 x 5
 * correlation matrix of the estimates in the same order, from the inverse observed information (NaN in the
 * rows and columns of parameters held at a bound or not identified). {@code searches} says how each search
 * ended (the Hawkes model first, then each kernel shape); {@code converged} is the conjunction of theirs and
 * false when the deadline was hit. {@code aicWeights} are the Akaike weights of the Poisson and Hawkes
 * baselines and of every kernel shape tried. {@code sanctionsBootstrap} is the parametric-bootstrap test of the
 * sanctions term and {@code draws} the posterior draws of the parameters, when the options asked for them
 * (otherwise {@link BootstrapTest#notRun} and {@link ParameterDraws#NONE}).
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
        boolean hitDeadline,
        List<SearchReport> searches,
        List<AicWeight> aicWeights,
        BootstrapTest sanctionsBootstrap,
        ParameterDraws draws) {

    public CadenceFit {
        estimates = List.copyOf(estimates);
        correlation = List.copyOf(correlation);
        shapes = List.copyOf(shapes);
        comparisons = List.copyOf(comparisons);
        tests = List.copyOf(tests);
        searches = List.copyOf(searches);
        aicWeights = List.copyOf(aicWeights);
        if (sanctionsBootstrap == null || draws == null) {
            throw new IllegalArgumentException("bootstrap and draws are required (use notRun and NONE)");
        }
    }

    /** This fit with the given bootstrap test. */
    public CadenceFit withSanctionsBootstrap(BootstrapTest test) {
        return with(test, draws);
    }

    /** This fit with the given posterior draws. */
    public CadenceFit withDraws(ParameterDraws newDraws) {
        return with(sanctionsBootstrap, newDraws);
    }

    private CadenceFit with(BootstrapTest test, ParameterDraws newDraws) {
        return new CadenceFit(
                parameters,
                logLikelihood,
                aic,
                estimates,
                correlation,
                shapeChosenByAic,
                shapes,
                poissonRate,
                hawkesWithoutSanctions,
                comparisons,
                tests,
                goodnessOfFit,
                eventCount,
                sanctionCount,
                evaluations,
                converged,
                hitDeadline,
                searches,
                aicWeights,
                test,
                newDraws);
    }

    /** The estimate named {@code name} (mu, kappa, alpha, beta or delta). */
    public ParameterEstimate estimate(String name) {
        return estimates.stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter named " + name));
    }
}
