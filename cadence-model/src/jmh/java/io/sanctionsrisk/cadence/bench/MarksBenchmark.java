package io.sanctionsrisk.cadence.bench;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.marks.Cell;
import io.sanctionsrisk.cadence.marks.MarkedEvent;
import io.sanctionsrisk.cadence.marks.ServedMarks;
import io.sanctionsrisk.cadence.scoring.UncertainRiskModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The marks' part of a refit on data the size of the curated record (12 sectors x 23 regions, 44 heists over 3,987
 * days, 28 sanctions): the prequential choice with the severities ({@link ServedMarks}), and every cell's intervals
 * at one horizon from cadence and mark draws ({@link UncertainRiskModel}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MarksBenchmark {

    private static final CadenceParameters POINT = new CadenceParameters(0.003, 0.26, 0.4, 0.01, 0.007, 2);
    private static final double T = 3987;

    @Param({"1000"})
    public int draws;

    private List<String> sectors;
    private List<String> regions;
    private List<MarkedEvent> events;
    private CadenceData data;
    private List<CadenceParameters> cadenceDraws;
    private ServedMarks marks;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(7);
        sectors = new ArrayList<>();
        regions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sectors.add("sector-" + i);
        }
        for (int i = 0; i < 23; i++) {
            regions.add("region-" + i);
        }
        events = new ArrayList<>();
        for (int i = 0; i < 44; i++) {
            double t = T * (i + rng.nextDouble()) / 44;
            Cell cell = new Cell(sectors.get(rng.nextInt(4)), regions.get(rng.nextInt(8)));
            double amount = Math.exp(17 + 1.5 * rng.nextGaussian());
            events.add(new MarkedEvent(t, t + rng.nextDouble() * 300, cell, amount, amount));
        }
        List<Sanction> sanctions = new ArrayList<>();
        for (int j = 0; j < 28; j++) {
            sanctions.add(new Sanction(-1500 + 180.0 * j, 1 + j % 5));
        }
        data = CadenceData.of(T, events.stream().mapToDouble(MarkedEvent::time).toArray(), sanctions);
        cadenceDraws = new ArrayList<>();
        for (int i = 0; i < draws; i++) {
            cadenceDraws.add(new CadenceParameters(
                    POINT.mu() * Math.exp(0.5 * rng.nextGaussian()),
                    POINT.kappa() * Math.exp(0.4 * rng.nextGaussian()),
                    POINT.alpha(),
                    POINT.beta(),
                    POINT.delta() * Math.exp(0.3 * rng.nextGaussian()),
                    2));
        }
        marks = servedMarks();
    }

    @Benchmark
    public ServedMarks servedMarks() {
        return ServedMarks.build(
                sectors, regions, events, T, 365, 365.25 / 4, Map.of("sector-0", "bank", "sector-1", "bank"));
    }

    @Benchmark
    public UncertainRiskModel cellIntervals() {
        return UncertainRiskModel.build(
                data, POINT, cadenceDraws, marks.cells(), marks.attempted(), marks.realised(), 0, 365, 0.9, 1);
    }
}
