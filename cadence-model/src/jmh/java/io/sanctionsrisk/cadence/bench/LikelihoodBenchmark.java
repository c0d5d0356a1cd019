package io.sanctionsrisk.cadence.bench;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceLikelihood;
import io.sanctionsrisk.cadence.LikelihoodValue;
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
import org.openjdk.jmh.annotations.Warmup;

/** One O(n + m) pass: log-likelihood alone and with its analytic gradient. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LikelihoodBenchmark {

    @Param({"1000", "10000", "100000", "1000000"})
    public int events;

    private CadenceData data;

    @Setup(Level.Trial)
    public void setUp() {
        data = BenchData.ofSize(events);
    }

    @Benchmark
    public double logLikelihood() {
        return CadenceLikelihood.logLikelihood(data, BenchData.TRUTH);
    }

    @Benchmark
    public LikelihoodValue logLikelihoodAndGradient() {
        return CadenceLikelihood.logLikelihoodAndGradient(data, BenchData.TRUTH);
    }
}
