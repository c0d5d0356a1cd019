package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.cadence.fit.AicWeight;
import io.sanctionsrisk.cadence.fit.BootstrapTest;
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

        boolean hitTimeBudget,

        // added after format 2 was fixed: absent (null) in documents stored earlier and in inline fits
        SanctionsBootstrap sanctionsBootstrap,
        List<AkaikeWeight> aicWeights,
        ServedModelChoice servedModel) {

    /** The seeded parametric-bootstrap test of the sanctions term ({@link BootstrapTest}). */
    public record SanctionsBootstrap(
            String nullModel,
            String alternativeModel,
            double observedStatistic,
            int replicatesRequested,
            int replicatesRun,
            int exceedances,
            Double pValue,
            Double monteCarloError,
            long seed,
            long budgetMillis,
            boolean hitBudget) {

        public static SanctionsBootstrap of(BootstrapTest t, long budgetMillis) {
            return new SanctionsBootstrap(
                    t.nullModel(),
                    t.alternativeModel(),
                    t.observedStatistic(),
                    t.replicatesRequested(),
                    t.replicatesRun(),
                    t.exceedances(),
                    Numbers.finite(t.pValue()),
                    Numbers.finite(t.monteCarloError()),
                    t.seed(),
                    budgetMillis,
                    t.hitBudget());
        }
    }

    /** One candidate's Akaike weight among the Poisson and Hawkes baselines and the kernel shapes tried. */
    public record AkaikeWeight(
            String model,
            int kernelShape,
            int parameterCount,
            double logLikelihood,
            double aic,
            double deltaAic,
            double weight) {

        static AkaikeWeight of(AicWeight w) {
            return new AkaikeWeight(
                    w.model(), w.shape(), w.parameterCount(), w.logLikelihood(), w.aic(), w.deltaAic(), w.weight());
        }
    }

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

    /** The diagnostics of an inline fit: the Akaike weights, no bootstrap and no served-model choice. */
    public static StoredDiagnostics of(CadenceFit fit) {
        return of(fit, null, null);
    }

    /**
     * The diagnostics of {@code fit} with the Akaike weights, the bootstrap when the fit ran one ({@code
     * bootstrapBudgetMillis} is its budget) and the served-model choice (null: none recorded).
     */
    public static StoredDiagnostics of(CadenceFit fit, Long bootstrapBudgetMillis, ServedModelChoice servedModel) {
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
                fit.hitDeadline(),
                fit.sanctionsBootstrap().replicatesRequested() > 0 && bootstrapBudgetMillis != null
                        ? SanctionsBootstrap.of(fit.sanctionsBootstrap(), bootstrapBudgetMillis)
                        : null,
                fit.aicWeights().stream().map(AkaikeWeight::of).toList(),
                servedModel);
    }
}
