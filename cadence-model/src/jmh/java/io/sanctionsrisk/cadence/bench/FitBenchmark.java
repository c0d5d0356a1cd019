package io.sanctionsrisk.cadence.bench;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.fit.CadenceFit;
import io.sanctionsrisk.cadence.fit.CadenceFitter;
import io.sanctionsrisk.cadence.fit.FitOptions;
import java.time.Duration;
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
 * A full fit: Hawkes baseline, kernel shape 2 (given) or chosen by AIC, standard errors, likelihood-ratio tests
 * and the time-rescaling KS test. Single shots, because one fit is long and is what a caller waits for.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class FitBenchmark {

    @Param({"1000", "10000", "100000", "1000000"})
    public int events;

    private CadenceData data;
    private CadenceFit last;

    @Setup(Level.Trial)
    public void setUp() {
        data = BenchData.ofSize(events);
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.println("# n=" + data.eventCount() + " evaluations=" + last.evaluations() + " converged="
                + last.converged() + " hitDeadline=" + last.hitDeadline() + " " + last.parameters());
    }

    @Benchmark
    public CadenceFit fitGivenShape() {
        last = CadenceFitter.fit(data, FitOptions.defaults().withShape(2).withBudget(Duration.ofMinutes(10)));
        return last;
    }

    @Benchmark
    public CadenceFit fitShapeByAic() {
        last = CadenceFitter.fit(data, FitOptions.defaults().withBudget(Duration.ofMinutes(10)));
        return last;
    }
}
