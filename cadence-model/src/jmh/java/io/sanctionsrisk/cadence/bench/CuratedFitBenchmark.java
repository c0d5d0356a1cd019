package io.sanctionsrisk.cadence.bench;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.fit.CadenceFit;
import io.sanctionsrisk.cadence.fit.CadenceFitter;
import io.sanctionsrisk.cadence.fit.DrawOptions;
import io.sanctionsrisk.cadence.fit.FitOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A refit of the curated data (the frozen test fixture): the fit alone (kernel shape by AIC) and the fit with
 * posterior draws (4 chains, 2,000 burn-in and 10,000 kept iterations thinned by 10). Single shots.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class CuratedFitBenchmark {

    private CadenceData data;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("curated/cadence-data.txt")) {
            double windowEnd = 0;
            List<Double> events = new ArrayList<>();
            List<Sanction> sanctions = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(" ");
                if (f[0].equals("window")) {
                    windowEnd = Double.parseDouble(f[3]);
                } else if (f[0].equals("event")) {
                    events.add(Double.parseDouble(f[1]));
                } else if (f[0].equals("sanction")) {
                    sanctions.add(new Sanction(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
                }
            }
            data = CadenceData.of(windowEnd, events.stream().mapToDouble(x -> x).toArray(), sanctions);
        }
    }

    @Benchmark
    public CadenceFit fit() {
        return CadenceFitter.fit(data);
    }

    @Benchmark
    public CadenceFit fitWithDraws() {
        return CadenceFitter.fit(data, FitOptions.defaults().withDraws(DrawOptions.defaults()));
    }
}
