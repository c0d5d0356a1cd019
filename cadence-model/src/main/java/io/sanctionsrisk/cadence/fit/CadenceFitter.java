package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maximum-likelihood fit of the cadence model (MODEL.md, "Estimation"): the Hawkes model without sanctions,
 * then the full model for each kernel shape, each by the {@link GlobalSearch} (a profile grid over the decay
 * rates, polished by Newton steps on the analytic gradient); standard errors ({@link StandardErrors}), the
 * likelihood-ratio tests and Akaike weights ({@link ModelTests}) and the time-rescaling test ({@link
 * TimeRescaling}). Nothing depends on hash order or thread scheduling: the same data and options give
 * bit-identical results unless the deadline is hit, whatever the configured number of starts.
 */
public final class CadenceFitter {

    public static final String POISSON = "homogeneous-poisson";
    public static final String HAWKES = "hawkes-without-sanctions";
    public static final String FULL = "sanctions-excited-hawkes";

    private CadenceFitter() {}

    /** Fits with {@link FitOptions#defaults()}. */
    public static CadenceFit fit(CadenceData data) {
        return fit(data, FitOptions.defaults());
    }

    /**
     * Fits the full model, the Hawkes-without-sanctions and homogeneous Poisson baselines, and the diagnostics.
     * Throws IllegalArgumentException when the data hold no event.
     */
    public static CadenceFit fit(CadenceData data, FitOptions options) {
        if (data == null || options == null) {
            throw new IllegalArgumentException("data and options are required");
        }
        int n = data.eventCount();
        if (n == 0) {
            throw new IllegalArgumentException("at least one event is required to fit the model");
        }
        Budget budget = new Budget(System.nanoTime() + options.budget().toNanos());
        FitSpace space = new FitSpace(data);
        GlobalSearch search = new GlobalSearch(space, options, budget);
        double poissonLogLikelihood = n * Math.log(space.rate) - n;
        GlobalSearch.Result hawkes = search.hawkes();
        CadenceParameters hawkesParams = space.hawkes(hawkes.best().v());

        int[] shapeList = options.shape() != null ? new int[] {options.shape()} : new int[] {1, 2, 3};
        // the shapes are independent searches: run them side by side, then compare in shape order
        List<GlobalSearch.Result> perShape = Arrays.stream(shapeList)
                .parallel()
                .mapToObj(k -> space.hasSanctions ? search.full(k, hawkes.best()) : nestedOnly(space, hawkes, k))
                .toList();
        List<ShapeCandidate> shapes = new ArrayList<>();
        List<SearchReport> reports = new ArrayList<>();
        reports.add(hawkes.report());
        Optimum best = null;
        int bestShape = 0;
        boolean converged = hawkes.best().converged();
        for (int index = 0; index < shapeList.length; index++) {
            int k = shapeList[index];
            Optimum full = perShape.get(index).best();
            reports.add(perShape.get(index).report());
            converged &= full.converged();
            double ll = full.value();
            shapes.add(new ShapeCandidate(k, space.full(full.v(), k), ll, 2.0 * 5 - 2.0 * ll));
            if (best == null || full.value() > best.value()) { // ties keep the smaller shape
                best = full;
                bestShape = k;
            }
        }
        CadenceParameters params = space.full(best.v(), bestShape);
        double ll = best.value();
        double[][] correlation = new double[5][5];
        List<ParameterEstimate> estimates = StandardErrors.estimates(space, params, best.v(), correlation);
        List<ModelComparison> comparisons = List.of(
                ModelComparison.of(POISSON, 1, poissonLogLikelihood),
                ModelComparison.of(HAWKES, 3, hawkes.best().value()),
                ModelComparison.of(FULL, 5, ll));
        CadenceFit fit = new CadenceFit(
                params,
                ll,
                2.0 * 5 - 2.0 * ll,
                estimates,
                StandardErrors.toLists(correlation),
                options.shape() == null,
                shapes,
                space.rate,
                hawkesParams,
                comparisons,
                ModelTests.likelihoodRatioTests(
                        poissonLogLikelihood, hawkes.best().value(), ll),
                TimeRescaling.test(data, params),
                n,
                data.sanctionCount(),
                budget.evaluations(),
                converged && !budget.hit(),
                budget.hit(),
                reports,
                ModelTests.aicWeights(poissonLogLikelihood, hawkes.best().value(), shapes),
                BootstrapTest.notRun(Math.max(0, 2 * (ll - hawkes.best().value()))),
                ParameterDraws.NONE);
        if (options.bootstrap().enabled()) {
            fit = fit.withSanctionsBootstrap(SanctionsTermBootstrap.test(data, fit, options, options.bootstrap()));
        }
        if (options.draws().enabled()) {
            fit = fit.withDraws(ParameterSampler.sample(data, params, options.draws()));
        }
        return fit;
    }

    /** Time-rescaling goodness of fit of {@code params} on {@code data}. */
    public static GoodnessOfFit goodnessOfFit(CadenceData data, CadenceParameters params) {
        return TimeRescaling.test(data, params);
    }

    // Without a sanction of positive weight the full model is the Hawkes model with kappa = 0.
    private static GlobalSearch.Result nestedOnly(FitSpace space, GlobalSearch.Result hawkes, int k) {
        Optimum h = hawkes.best();
        SearchReport r = hawkes.report();
        return new GlobalSearch.Result(
                new Optimum(space.nestedStart(h.v(), k), h.value(), h.converged(), h.kkt()),
                new SearchReport(
                        FULL,
                        k,
                        0,
                        0,
                        r.startsAtOptimum(),
                        h.value(),
                        r.kktViolation(),
                        r.profileGap(),
                        r.gridExcess(),
                        r.converged()));
    }
}
