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
        boolean hitTimeBudget,

        @Schema(
                nullable = true,
                description = "Seeded parametric-bootstrap p-value of the sanctions term (snapshots only; null for"
                        + " inline fits and snapshots stored before it was served)")
        Bootstrap sanctionsBootstrap,

        @Schema(
                nullable = true,
                description = "Akaike weights of the homogeneous Poisson model, the Hawkes model without sanctions"
                        + " and the full model for every kernel shape tried (null in snapshots stored before)")
        List<AkaikeWeight> aicWeights,

        @Schema(
                nullable = true,
                description = "The served model (kernel shape, baseline, marks) and why, by the documented rule"
                        + " (snapshots only)")
        ServedModelView servedModel) {
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
                s.hitTimeBudget(),
                Bootstrap.of(s.sanctionsBootstrap()),
                s.aicWeights() == null
                        ? null
                        : s.aicWeights().stream().map(AkaikeWeight::of).toList(),
                ServedModelView.of(s.servedModel()));
    }

    @Schema(
            name = "SanctionsTermBootstrap",
            description = "Parametric bootstrap of the likelihood-ratio statistic of the sanctions term: data sets"
                    + " simulated from the fitted Hawkes model without sanctions, both models refitted to each;"
                    + " p = (1 + exceedances) / (1 + replicatesRun). When the budget stops the run early the first"
                    + " replicatesRun replicates in seed order count")
    public record Bootstrap(
            @Schema(example = "hawkes-without-sanctions") String nullModel,
            @Schema(example = "sanctions-excited-hawkes") String alternativeModel,

            @Schema(example = "6.49", description = "2 (log L full - log L Hawkes)")
            double observedStatistic,

            @Schema(example = "199") int replicatesRequested,

            @Schema(example = "35", description = "Replicates finished within the budget")
            int replicatesRun,

            @Schema(example = "3", description = "Replicates whose statistic reached the observed one")
            int exceedances,

            @Schema(example = "0.11", nullable = true) Double pValue,

            @Schema(example = "0.05", nullable = true, description = "Binomial Monte Carlo standard error of p")
            Double monteCarloError,

            @Schema(example = "20251130") long seed,
            @Schema(example = "30000") long budgetMillis,

            @Schema(description = "True when the budget stopped the run before every replicate finished")
            boolean hitBudget) {
        public static Bootstrap of(StoredDiagnostics.SanctionsBootstrap s) {
            if (s == null) {
                return null;
            }
            return new Bootstrap(
                    s.nullModel(),
                    s.alternativeModel(),
                    s.observedStatistic(),
                    s.replicatesRequested(),
                    s.replicatesRun(),
                    s.exceedances(),
                    s.pValue(),
                    s.monteCarloError(),
                    s.seed(),
                    s.budgetMillis(),
                    s.hitBudget());
        }
    }

    @Schema(name = "AkaikeWeight", description = "exp(-deltaAic / 2) normalised over the candidates")
    public record AkaikeWeight(
            @Schema(example = "sanctions-excited-hawkes") String model,

            @Schema(example = "3", description = "0 for the models without a sanctions kernel")
            int kernelShape,

            @Schema(example = "5") int parameterCount,
            double logLikelihood,
            double aic,

            @Schema(example = "0.03", description = "AIC minus the lowest AIC")
            double deltaAic,

            @Schema(example = "0.31") double weight) {
        public static AkaikeWeight of(StoredDiagnostics.AkaikeWeight s) {
            if (s == null) {
                return null;
            }
            return new AkaikeWeight(
                    s.model(),
                    s.kernelShape(),
                    s.parameterCount(),
                    s.logLikelihood(),
                    s.aic(),
                    s.deltaAic(),
                    s.weight());
        }
    }

    @Schema(name = "ServedModel", description = "The served model and why (MODEL.md, \"The served model\")")
    public record ServedModelView(
            @Schema(example = "3") int kernelShape,
            boolean kernelShapeChosenByAic,

            @Schema(
                    example = "0.42",
                    nullable = true,
                    description = "The served shape's Akaike weight among the shapes")
            Double kernelShapeWeight,

            String kernelShapeReason,

            @Schema(
                    example = "stationary",
                    enumeration = {"stationary", "log-linear-trend"})
            String baseline,

            @Schema(example = "-0.23", nullable = true, description = "AIC(trend) - AIC(stationary)")
            Double trendDeltaAic,

            @Schema(example = "0.135", nullable = true, description = "Likelihood-ratio p-value of the trend")
            Double trendPValue,

            String baselineReason,

            @Schema(
                    example = "adaptive",
                    enumeration = {"adaptive", "static"})
            String marks,

            String marksPrior,
            String marksReason) {
        public static ServedModelView of(ServedModelChoice s) {
            if (s == null) {
                return null;
            }
            return new ServedModelView(
                    s.kernelShape(),
                    s.kernelShapeChosenByAic(),
                    s.kernelShapeWeight(),
                    s.kernelShapeReason(),
                    s.baseline(),
                    s.trendDeltaAic(),
                    s.trendPValue(),
                    s.baselineReason(),
                    s.marks(),
                    s.marksPrior(),
                    s.marksReason());
        }
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
