package io.sanctionsrisk.cadence.fit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The figures MODEL.md quotes for the curated data, written to target/curated-uncertainty.md. Not part of the
 * default build (it runs the 199-replicate bootstrap); run it with {@value #COMMAND}.
 */
class CuratedUncertaintyReport {

    static final String COMMAND = "./mvnw -B -ntp -q -pl cadence-model test -Dtest=CuratedUncertaintyReport"
            + " -Dcurated.report=true -Dsurefire.failIfNoSpecifiedTests=false";

    private static final String[] NAMES = {"mu", "kappa", "alpha", "beta", "delta"};

    @Test
    void report() throws Exception {
        assumeTrue(Boolean.getBoolean("curated.report"), "run with -Dcurated.report=true");
        CadenceData data = CuratedData.load();
        StringBuilder out = new StringBuilder("# Curated data: fit, tests and uncertainty\n\n");
        out.append("Reproduce: `").append(COMMAND).append("`\n\n| k | log L | AIC | converged | parameters |\n");
        out.append("| ---: | ---: | ---: | --- | --- |\n");
        for (int k = 1; k <= 3; k++) {
            CadenceFit fit = CadenceFitter.fit(data, FitOptions.defaults().withShape(k));
            out.append(String.format(
                    Locale.ROOT,
                    "| %d | %.4f | %.2f | %s | %s |%n",
                    k,
                    fit.logLikelihood(),
                    fit.aic(),
                    fit.converged(),
                    describe(fit.parameters())));
        }
        double[] fitMs = new double[5];
        CadenceFit served = null;
        for (int r = 0; r < fitMs.length; r++) {
            long t0 = System.nanoTime();
            served = CadenceFitter.fit(data);
            fitMs[r] = (System.nanoTime() - t0) / 1e6;
        }
        out.append("\nServed (AIC): k = ").append(served.parameters().shape()).append("\n\n");
        out.append("| model | k | log L | AIC | delta AIC | weight |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (AicWeight w : served.aicWeights()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.4f | %.2f | %.2f | %.3f |%n",
                    w.model(),
                    w.shape(),
                    w.logLikelihood(),
                    w.aic(),
                    w.deltaAic(),
                    w.weight()));
        }
        LikelihoodRatioTest lr = served.tests().get(1);
        long b0 = System.nanoTime();
        BootstrapTest boot = SanctionsTermBootstrap.test(
                data, served, FitOptions.defaults(), new BootstrapOptions(199, Duration.ofMinutes(30), 20_251_130L));
        double bootSeconds = (System.nanoTime() - b0) / 1e9;
        out.append(String.format(
                Locale.ROOT,
                "%nSanctions term: LR statistic %.3f, chi-squared(2) p = %.4f; parametric bootstrap p = %.3f"
                        + " (%d exceedances in %d of %d replicates, Monte Carlo s.e. %.3f, seed %d, %.0f s)%n",
                lr.statistic(),
                lr.pValue(),
                boot.pValue(),
                boot.exceedances(),
                boot.replicatesRun(),
                boot.replicatesRequested(),
                boot.monteCarloError(),
                boot.seed(),
                bootSeconds));
        double[] drawMs = new double[3];
        CadenceFit withDraws = null;
        for (int r = 0; r < drawMs.length; r++) {
            long t0 = System.nanoTime();
            withDraws = CadenceFitter.fit(data, FitOptions.defaults().withDraws(DrawOptions.defaults()));
            drawMs[r] = (System.nanoTime() - t0) / 1e6;
        }
        ParameterDraws draws = withDraws.draws();
        DrawDiagnostics d = draws.diagnostics();
        out.append(String.format(
                Locale.ROOT,
                "%nPosterior draws (%d chains x %d, burn-in %d, thin %d, seed %d): acceptance %.3f%n%n",
                d.chains(),
                d.drawsPerChain(),
                d.burnIn(),
                d.thin(),
                d.seed(),
                d.acceptanceRate()));
        out.append("| parameter | MLE | median | 90% interval | ESS | split R-hat |\n");
        out.append("| --- | ---: | ---: | --- | ---: | ---: |\n");
        double[] mle = {
            served.parameters().mu(),
            served.parameters().kappa(),
            served.parameters().alpha(),
            served.parameters().beta(),
            served.parameters().delta()
        };
        for (int q = 0; q < 5; q++) {
            double[] ci = draws.interval(NAMES[q], 0.9);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.4g | %.4g | %.4g .. %.4g | %.0f | %.3f |%n",
                    NAMES[q],
                    mle[q],
                    draws.quantile(NAMES[q], 0.5),
                    ci[0],
                    ci[1],
                    d.effectiveSampleSize().get(q),
                    d.splitRhat().get(q)));
        }
        TrendFit trend = TrendFitter.fit(data, served, FitOptions.defaults());
        out.append(String.format(
                Locale.ROOT,
                "%nTrend: gamma %.3f, log L %.4f (stationary %.4f), delta AIC %.2f, LR p %.3f, %s%n",
                trend.gamma(),
                trend.logLikelihood(),
                trend.stationaryLogLikelihood(),
                trend.deltaAic(),
                trend.likelihoodRatioPValue(),
                describe(trend.parameters())));
        out.append(String.format(
                Locale.ROOT,
                "%nTimings on this machine (load average %s): fit %s ms (median %.0f); fit with draws %s ms"
                        + " (median %.0f)%n",
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0],
                Arrays.toString(Arrays.stream(fitMs).map(Math::rint).toArray()),
                median(fitMs),
                Arrays.toString(Arrays.stream(drawMs).map(Math::rint).toArray()),
                median(drawMs)));
        Files.writeString(Path.of("target", "curated-uncertainty.md"), out.toString());
        System.out.println(out);
    }

    private static String describe(CadenceParameters p) {
        return String.format(
                Locale.ROOT,
                "mu %.5f, kappa %.4f, alpha %.4f, beta %.6f, delta %.5f",
                p.mu(),
                p.kappa(),
                p.alpha(),
                p.beta(),
                p.delta());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
