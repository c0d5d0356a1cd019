package io.sanctionsrisk.cadence.fit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.forecast.CadenceForecast;
import io.sanctionsrisk.cadence.marks.CredibleInterval;
import io.sanctionsrisk.cadence.scenario.PathDraw;
import io.sanctionsrisk.cadence.scenario.ScenarioEngine;
import io.sanctionsrisk.cadence.scenario.ScenarioInput;
import io.sanctionsrisk.cadence.scenario.ScenarioStatistics;
import io.sanctionsrisk.cadence.scenario.ShockSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The figures MODEL.md (16.1) quotes for a scenario on the curated data with the served posterior draws: one
 * severity-5 sanction added 30 days after the data end, 365 days counted, 100,000 paths, with and without the
 * draws. Written to target/served-scenario.md; run it with {@value #COMMAND}.
 */
class ServedScenarioReport {

    static final String COMMAND = "./mvnw -B -ntp -q -pl cadence-model test -Dtest=ServedScenarioReport"
            + " -Dcurated.report=true -Dsurefire.failIfNoSpecifiedTests=false";

    /** The risk-service's served draws (RefitService.DRAWS). */
    static final DrawOptions SERVED = new DrawOptions(4, 2_000, 10_000, 200, 20_251_206L);

    @Test
    void report() throws Exception {
        assumeTrue(Boolean.getBoolean("curated.report"), "run with -Dcurated.report=true");
        CadenceData data = CuratedData.load();
        double t = data.windowEnd();
        CadenceFit fit = CadenceFitter.fit(data);
        CadenceParameters p = fit.parameters();
        ParameterDraws draws = ParameterSampler.sample(data, p, SERVED);
        List<ShockSource> sources = new ArrayList<>();
        for (int j = 0; j < data.sanctions().size(); j++) {
            Sanction s = data.sanctions().get(j);
            sources.add(new ShockSource(s.time(), s.weight(), ShockSource.keyOf("s" + j), ShockSource.Membership.BOTH));
        }
        Sanction added = new Sanction(t + 30, 5);
        sources.add(new ShockSource(added.time(), 5, ShockSource.keyOf("added"), ShockSource.Membership.SCENARIO));
        double[] byDraw = new double[draws.size()];
        List<PathDraw> pathDraws = new ArrayList<>();
        double[] one = {1.0};
        for (int d = 0; d < draws.size(); d++) {
            byDraw[d] = delta(data, draws.draw(d), added);
            pathDraws.add(new PathDraw(draws.draw(d), one, null));
        }
        int paths = 100_000;
        ScenarioStatistics point = ScenarioStatistics.of(ScenarioEngine.run(
                new ScenarioInput(p, data.eventTimes(), sources, t, t, t + 365, one, null, paths, 42), 2));
        ScenarioStatistics drawn = ScenarioStatistics.of(ScenarioEngine.run(
                new ScenarioInput(p, data.eventTimes(), sources, t, t, t + 365, one, null, paths, 42, pathDraws), 2));
        CredibleInterval interval =
                CredibleInterval.ofDraws(byDraw.clone(), drawn.delta().count().mean(), 0.9);
        double acceptance = draws.diagnostics().acceptanceRate();
        StringBuilder out = new StringBuilder("# Curated data: a scenario with the served posterior draws\n\n");
        out.append("Reproduce: `").append(COMMAND).append("`\n\n");
        out.append(String.format(
                Locale.ROOT,
                "Fit: k = %d, mu %.5f, kappa %.3f, alpha %.3f, beta %.6f, delta %.5f; %d draws, acceptance %.3f,"
                        + " worst split R-hat %.3f, smallest ESS %.0f%n%n",
                p.shape(),
                p.mu(),
                p.kappa(),
                p.alpha(),
                p.beta(),
                p.delta(),
                draws.size(),
                acceptance,
                draws.diagnostics().worstRhat(),
                draws.diagnostics().smallestEffectiveSampleSize()));
        out.append("| | delta count | Monte Carlo s.e. | 90% interval |\n| --- | ---: | ---: | --- |\n");
        out.append(String.format(
                Locale.ROOT, "| fitted parameters, mean equation | %.3f | - | - |%n", delta(data, p, added)));
        out.append(String.format(
                Locale.ROOT,
                "| fitted parameters, %d paths | %.3f | %.4f | %.3f .. %.3f (Monte Carlo only) |%n",
                paths,
                point.delta().count().mean(),
                point.delta().count().standardError(),
                point.delta().count().meanLower95(),
                point.delta().count().meanUpper95()));
        out.append(String.format(
                Locale.ROOT,
                "| posterior draws, %d paths | %.3f | %.4f | %.3f .. %.3f (parameters) |%n",
                paths,
                drawn.delta().count().mean(),
                drawn.delta().count().standardError(),
                interval.lower(),
                interval.upper()));
        Path target = Path.of("target", "served-scenario.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, out.toString());
        System.out.println(out);
    }

    private static double delta(CadenceData data, CadenceParameters p, Sanction added) {
        return CadenceForecast.expectedCount(data, p, List.of(added), 365).total()
                - CadenceForecast.expectedCount(data, p, List.of(), 365).total();
    }
}
