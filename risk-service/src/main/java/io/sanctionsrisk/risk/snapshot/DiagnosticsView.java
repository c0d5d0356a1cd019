package io.sanctionsrisk.risk.snapshot;

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
    public static DiagnosticsView of(StoredDiagnostics s) {
        if (s == null) {
            return null;
        }
        return new DiagnosticsView(
                s.logLikelihood(),
                s.aic(),
                s.kernelShapeChosenByAic(),
                s.kernelShapes() == null
                        ? null
                        : s.kernelShapes().stream().map(Shape::of).toList(),
                s.comparisons() == null
                        ? null
                        : s.comparisons().stream().map(Comparison::of).toList(),
                s.likelihoodRatioTests() == null
                        ? null
                        : s.likelihoodRatioTests().stream().map(RatioTest::of).toList(),
                s.poissonRate(),
                ParametersView.of(s.hawkesWithoutSanctions()),
                GoodnessOfFitView.of(s.goodnessOfFit()),
                s.eventCount(),
                s.sanctionCount(),
                s.evaluations(),
                s.converged(),
                s.hitTimeBudget());
    }

    @Schema(name = "KernelShapeCandidate")
    public record Shape(int kernelShape, double logLikelihood, double aic, ParametersView parameters) {
        public static Shape of(StoredDiagnostics.Shape s) {
            if (s == null) {
                return null;
            }
            return new Shape(s.kernelShape(), s.logLikelihood(), s.aic(), ParametersView.of(s.parameters()));
        }
    }

    @Schema(name = "ModelComparison")
    public record Comparison(
            @Schema(example = "homogeneous-poisson") String model,
            @Schema(example = "1") int parameterCount,
            double logLikelihood,
            double aic,

            @Schema(description = "AIC minus the full model's AIC: positive means the full model is preferred")
            double aicMinusFullModel) {
        public static Comparison of(StoredDiagnostics.Comparison s) {
            if (s == null) {
                return null;
            }
            return new Comparison(s.model(), s.parameterCount(), s.logLikelihood(), s.aic(), s.aicMinusFullModel());
        }
    }

    @Schema(name = "LikelihoodRatioTest")
    public record RatioTest(
            @Schema(example = "hawkes-without-sanctions") String nullModel,
            @Schema(example = "sanctions-excited-hawkes") String alternativeModel,
            double statistic,
            int degreesOfFreedom,
            double pValue,

            @Schema(description = "Why the chi-squared reference is only approximate here")
            String caveat) {
        public static RatioTest of(StoredDiagnostics.RatioTest s) {
            if (s == null) {
                return null;
            }
            return new RatioTest(
                    s.nullModel(), s.alternativeModel(), s.statistic(), s.degreesOfFreedom(), s.pValue(), s.caveat());
        }
    }

    @Schema(name = "GoodnessOfFit", description = "Time-rescaling test: rescaled gaps against Exp(1)")
    public record GoodnessOfFitView(
            @Schema(example = "44") int gapCount,
            @Schema(example = "0.11", nullable = true) Double ksStatistic,
            @Schema(example = "0.62", nullable = true) Double ksPValue,

            @Schema(example = "1.0", nullable = true, description = "1 under the model")
            Double meanGap) {
        public static GoodnessOfFitView of(StoredDiagnostics.GoodnessOfFitSummary s) {
            if (s == null) {
                return null;
            }
            return new GoodnessOfFitView(s.gapCount(), s.ksStatistic(), s.ksPValue(), s.meanGap());
        }
    }
}
