package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.cadence.fit.CadenceFit;
import io.sanctionsrisk.cadence.fit.GoodnessOfFit;
import io.sanctionsrisk.cadence.fit.LikelihoodRatioTest;
import io.sanctionsrisk.cadence.fit.ModelComparison;
import io.sanctionsrisk.cadence.fit.ShapeCandidate;
import io.sanctionsrisk.risk.web.Numbers;
import java.util.List;

/** How well the model fits and how it compares with the two nested baselines. */
public record StoredDiagnostics(
        double logLikelihood,
        double aic,

        boolean kernelShapeChosenByAic,

        List<Shape> kernelShapes,

        List<Comparison> comparisons,

        List<RatioTest> likelihoodRatioTests,

        double poissonRate,

        StoredParameters hawkesWithoutSanctions,

        GoodnessOfFitSummary goodnessOfFit,
        int eventCount,
        int sanctionCount,

        long evaluations,

        boolean converged,

        boolean hitTimeBudget) {

    public record Shape(int kernelShape, double logLikelihood, double aic, StoredParameters parameters) {}

    public record Comparison(
            String model, int parameterCount, double logLikelihood, double aic, double aicMinusFullModel) {}

    public record RatioTest(
            String nullModel,
            String alternativeModel,
            double statistic,
            int degreesOfFreedom,
            double pValue,

            String caveat) {}

    public record GoodnessOfFitSummary(int gapCount, Double ksStatistic, Double ksPValue, Double meanGap) {

        static GoodnessOfFitSummary of(GoodnessOfFit g) {
            return new GoodnessOfFitSummary(
                    g.gapCount(),
                    Numbers.finite(g.ksStatistic()),
                    Numbers.finite(g.ksPValue()),
                    Numbers.finite(g.meanGap()));
        }
    }

    public static StoredDiagnostics of(CadenceFit fit) {
        double fullAic = fit.aic();
        List<Shape> shapes = fit.shapes().stream()
                .map((ShapeCandidate s) ->
                        new Shape(s.shape(), s.logLikelihood(), s.aic(), StoredParameters.of(s.parameters())))
                .toList();
        List<Comparison> comparisons = fit.comparisons().stream()
                .map((ModelComparison c) ->
                        new Comparison(c.model(), c.parameterCount(), c.logLikelihood(), c.aic(), c.aic() - fullAic))
                .toList();
        List<RatioTest> tests = fit.tests().stream()
                .map((LikelihoodRatioTest t) -> new RatioTest(
                        t.nullModel(),
                        t.alternativeModel(),
                        t.statistic(),
                        t.degreesOfFreedom(),
                        t.pValue(),
                        t.caveat()))
                .toList();
        return new StoredDiagnostics(
                fit.logLikelihood(),
                fit.aic(),
                fit.shapeChosenByAic(),
                shapes,
                comparisons,
                tests,
                fit.poissonRate(),
                StoredParameters.of(fit.hawkesWithoutSanctions()),
                GoodnessOfFitSummary.of(fit.goodnessOfFit()),
                fit.eventCount(),
                fit.sanctionCount(),
                fit.evaluations(),
                fit.converged(),
                fit.hitDeadline());
    }
}
