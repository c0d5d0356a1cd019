package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.cadence.fit.CadenceFit;
import io.sanctionsrisk.cadence.fit.GoodnessOfFit;
import io.sanctionsrisk.cadence.fit.LikelihoodRatioTest;
import io.sanctionsrisk.cadence.fit.ModelComparison;
import io.sanctionsrisk.cadence.fit.ShapeCandidate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How well the model fits and how it compares with the two nested baselines. */
@Schema(name = "Diagnostics", description = "Fit diagnostics: baselines, likelihood-ratio tests, goodness of fit")
public record DiagnosticsView(
        @Schema(example = "-182.4") double logLikelihood,
        @Schema(example = "374.8") double aic,

        @Schema(description = "True when k was chosen by AIC, false when the request fixed it")
        boolean kernelShapeChosenByAic,

        @Schema(description = "The best fit for each kernel shape tried")
        List<Shape> kernelShapes,

        @Schema(description = "AIC of the full model and of the two nested baselines")
        List<Comparison> comparisons,

        @Schema(description = "Likelihood-ratio tests between the nested models")
        List<RatioTest> likelihoodRatioTests,

        @Schema(example = "0.0040", description = "Rate of the homogeneous Poisson baseline, n / T (per day)")
        double poissonRate,

        @Schema(description = "Parameters of the Hawkes baseline without sanctions (kappa = 0)")
        ParametersView hawkesWithoutSanctions,

        GoodnessOfFitView goodnessOfFit,
        @Schema(example = "44") int eventCount,
        @Schema(example = "28") int sanctionCount,

        @Schema(example = "5321", description = "Log-likelihood evaluations spent")
        long evaluations,

        @Schema(description = "Every optimisation ended by its own stopping rule")
        boolean converged,

        @Schema(description = "The fit stopped at its time budget; the estimates are the best found by then")
        boolean hitTimeBudget) {

    @Schema(name = "KernelShapeCandidate")
    public record Shape(int kernelShape, double logLikelihood, double aic, ParametersView parameters) {}

    @Schema(name = "ModelComparison")
    public record Comparison(
            @Schema(example = "homogeneous-poisson") String model,
            @Schema(example = "1") int parameterCount,
            double logLikelihood,
            double aic,

            @Schema(description = "AIC minus the full model's AIC: positive means the full model is preferred")
            double aicMinusFullModel) {}

    @Schema(name = "LikelihoodRatioTest")
    public record RatioTest(
            @Schema(example = "hawkes-without-sanctions") String nullModel,
            @Schema(example = "sanctions-excited-hawkes") String alternativeModel,
            double statistic,
            int degreesOfFreedom,
            double pValue,

            @Schema(description = "Why the chi-squared reference is only approximate here")
            String caveat) {}

    @Schema(name = "GoodnessOfFit", description = "Time-rescaling test: rescaled gaps against Exp(1)")
    public record GoodnessOfFitView(
            @Schema(example = "44") int gapCount,
            @Schema(example = "0.11", nullable = true) Double ksStatistic,
            @Schema(example = "0.62", nullable = true) Double ksPValue,

            @Schema(example = "1.0", nullable = true, description = "1 under the model")
            Double meanGap) {

        static GoodnessOfFitView of(GoodnessOfFit g) {
            return new GoodnessOfFitView(
                    g.gapCount(),
                    Numbers.finite(g.ksStatistic()),
                    Numbers.finite(g.ksPValue()),
                    Numbers.finite(g.meanGap()));
        }
    }

    public static DiagnosticsView of(CadenceFit fit) {
        double fullAic = fit.aic();
        List<Shape> shapes = fit.shapes().stream()
                .map((ShapeCandidate s) ->
                        new Shape(s.shape(), s.logLikelihood(), s.aic(), ParametersView.of(s.parameters())))
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
        return new DiagnosticsView(
                fit.logLikelihood(),
                fit.aic(),
                fit.shapeChosenByAic(),
                shapes,
                comparisons,
                tests,
                fit.poissonRate(),
                ParametersView.of(fit.hawkesWithoutSanctions()),
                GoodnessOfFitView.of(fit.goodnessOfFit()),
                fit.eventCount(),
                fit.sanctionCount(),
                fit.evaluations(),
                fit.converged(),
                fit.hitDeadline());
    }
}
