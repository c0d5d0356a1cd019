package io.sanctionsrisk.cadence.bench;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.fit.DrawOptions;
import io.sanctionsrisk.cadence.fit.ParameterDraws;
import io.sanctionsrisk.cadence.fit.ParameterSampler;
import io.sanctionsrisk.cadence.scenario.LossModel;
import io.sanctionsrisk.cadence.scenario.PathDraw;
import io.sanctionsrisk.cadence.scenario.ScenarioEngine;
import io.sanctionsrisk.cadence.scenario.ScenarioInput;
import io.sanctionsrisk.cadence.scenario.ScenarioPaths;
import io.sanctionsrisk.cadence.scenario.ScenarioStatistics;
import io.sanctionsrisk.cadence.scenario.ShockSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A what-if scenario as POST /api/v1/scenarios runs it: 100,000 paths over one year, baseline and scenario with
 * common random numbers, marks over 20 sectors x 29 regions, then every statistic (totals, exceedance curve,
 * cells). The model is the curated fit of MODEL.md (section 12) with 28 sanctions and 44 observed heists over
 * 3,987 days, one hypothetical sanction of weight 5 added; the engine runs on 1 or 2 threads. With {@code draws}
 * 200, every path runs under one of 200 joint posterior draws as the risk-service serves them: cadence parameters by
 * Metropolis on these data (4 chains, 2,000 burn-in and 10,000 kept iterations, every 200th kept), cell shares and
 * the loss model perturbed per draw; 0 runs every path at the fitted parameters (the engine before draws).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class ScenarioBenchmark {

    static final CadenceParameters CURATED = new CadenceParameters(0.00300, 0.259, 0.642, 0.000274, 0.00702, 2);
    static final double T = 3987;

    @Param({"1", "2"})
    public int threads;

    @Param({"100000"})
    public int paths;

    @Param({"0", "200"})
    public int draws;

    private ScenarioInput input;
    private ScenarioStatistics last;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(2024);
        double[] history = new double[44];
        for (int i = 0; i < history.length; i++) {
            history[i] = T * (i + rng.nextDouble()) / history.length;
        }
        List<ShockSource> sanctions = new ArrayList<>();
        for (int j = 0; j < 28; j++) {
            sanctions.add(new ShockSource(
                    -800 + 4700.0 * j / 28, 1 + j % 5, ShockSource.keyOf("S-" + j), ShockSource.Membership.BOTH));
        }
        sanctions.add(new ShockSource(T + 30, 5, ShockSource.keyOf("added:HYP-1"), ShockSource.Membership.SCENARIO));
        double[] shares = new double[20 * 29];
        for (int c = 0; c < shares.length; c++) {
            shares[c] = c % 37 == 0 ? 1.0 + c % 5 : 1.0 / 580;
        }
        List<PathDraw> pathDraws = new ArrayList<>();
        if (draws > 0) {
            List<Sanction> observed = new ArrayList<>();
            for (ShockSource s : sanctions) {
                if (s.membership() == ShockSource.Membership.BOTH) {
                    observed.add(new Sanction(s.time(), s.weight()));
                }
            }
            ParameterDraws posterior = ParameterSampler.sample(
                    CadenceData.of(T, history, observed),
                    CURATED,
                    new DrawOptions(4, 2_000, 10_000, 10_000 * 4 / draws, 20_251_206L));
            SplittableRandom marks = new SplittableRandom(99);
            for (int d = 0; d < posterior.size(); d++) {
                double[] drawn = new double[shares.length];
                for (int c = 0; c < shares.length; c++) {
                    drawn[c] = shares[c] * Math.exp(0.5 * marks.nextGaussian());
                }
                pathDraws.add(new PathDraw(
                        posterior.draw(d), drawn, new LossModel(0.9, 17.9 + 0.25 * marks.nextGaussian(), 1.6)));
            }
        }
        input = new ScenarioInput(
                CURATED,
                history,
                sanctions,
                T,
                T,
                T + 365,
                shares,
                new LossModel(0.9, 17.9, 1.6),
                paths,
                42,
                pathDraws);
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.println("# threads=" + threads + " paths=" + paths + " draws=" + draws + " baseline mean count="
                + last.baseline().count().mean() + " scenario mean count="
                + last.scenario().count().mean()
                + " delta=" + last.delta().count().mean() + " +- "
                + last.delta().count().standardError()
                + " cells=" + last.cells().size());
    }

    @Benchmark
    public ScenarioStatistics scenarioOneYear() {
        ScenarioPaths simulated = ScenarioEngine.run(input, threads);
        last = ScenarioStatistics.of(simulated);
        return last;
    }
}
