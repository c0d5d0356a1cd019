package io.sanctionsrisk.cadence.fit;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/** Likelihood-ratio tests between the nested models and Akaike weights across all candidates (MODEL.md). */
final class ModelTests {

    private ModelTests() {}

    /** Poisson vs Hawkes, Hawkes vs full, Poisson vs full, with chi-squared references and their caveats. */
    static List<LikelihoodRatioTest> likelihoodRatioTests(double poisson, double hawkes, double full) {
        double hawkesLl = Math.min(hawkes, full); // the full model nests Hawkes: its optimum cannot be worse
        double poissonLl = Math.min(poisson, hawkesLl);
        return List.of(
                lrTest(
                        CadenceFitter.POISSON,
                        CadenceFitter.HAWKES,
                        hawkes - poissonLl,
                        2,
                        "alpha = 0 lies on the boundary and beta is not identified under the null;"
                                + " the chi-squared(2) p-value is a rough guide (a chi-bar-squared mixture"
                                + " would be smaller)"),
                lrTest(
                        CadenceFitter.HAWKES,
                        CadenceFitter.FULL,
                        full - hawkesLl,
                        2,
                        "kappa = 0 lies on the boundary and delta is not identified under the null"
                                + " (Davies' problem); the chi-squared(2) p-value is approximate: use the"
                                + " parametric bootstrap p-value"),
                lrTest(
                        CadenceFitter.POISSON,
                        CadenceFitter.FULL,
                        full - poissonLl,
                        4,
                        "boundary and unidentified nuisance parameters under the null; the chi-squared(4)"
                                + " p-value is approximate"));
    }

    /** Akaike weights over the Poisson and Hawkes baselines and every kernel shape tried, in that order. */
    static List<AicWeight> aicWeights(double poisson, double hawkes, List<ShapeCandidate> shapes) {
        List<String> models = new ArrayList<>();
        List<Integer> shapeOf = new ArrayList<>();
        List<Integer> parameters = new ArrayList<>();
        List<Double> logLikelihoods = new ArrayList<>();
        models.add(CadenceFitter.POISSON);
        shapeOf.add(0);
        parameters.add(1);
        logLikelihoods.add(poisson);
        models.add(CadenceFitter.HAWKES);
        shapeOf.add(0);
        parameters.add(3);
        logLikelihoods.add(hawkes);
        for (ShapeCandidate s : shapes) {
            models.add(CadenceFitter.FULL);
            shapeOf.add(s.shape());
            parameters.add(5);
            logLikelihoods.add(s.logLikelihood());
        }
        double[] aic = new double[models.size()];
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < aic.length; i++) {
            aic[i] = 2.0 * parameters.get(i) - 2.0 * logLikelihoods.get(i);
            best = Math.min(best, aic[i]);
        }
        double total = 0;
        for (double a : aic) {
            total += Math.exp(-0.5 * (a - best));
        }
        List<AicWeight> out = new ArrayList<>(aic.length);
        for (int i = 0; i < aic.length; i++) {
            out.add(new AicWeight(
                    models.get(i),
                    shapeOf.get(i),
                    parameters.get(i),
                    logLikelihoods.get(i),
                    aic[i],
                    aic[i] - best,
                    Math.exp(-0.5 * (aic[i] - best)) / total));
        }
        return List.copyOf(out);
    }

    static LikelihoodRatioTest lrTest(
            String nullModel, String alternative, double halfStatistic, int df, String caveat) {
        double statistic = Math.max(0.0, 2.0 * halfStatistic);
        double p = statistic == 0 ? 1.0 : new ChiSquaredDistribution(null, df).cumulativeProbability(statistic);
        double pValue = statistic == 0 ? 1.0 : 1.0 - p;
        return new LikelihoodRatioTest(nullModel, alternative, statistic, df, pValue, caveat);
    }
}
