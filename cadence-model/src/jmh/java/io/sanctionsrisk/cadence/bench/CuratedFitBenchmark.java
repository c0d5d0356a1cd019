package io.sanctionsrisk.cadence.bench;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.fit.CadenceFit;
import io.sanctionsrisk.cadence.fit.CadenceFitter;
import io.sanctionsrisk.cadence.fit.DrawOptions;
import io.sanctionsrisk.cadence.fit.FitOptions;
import io.sanctionsrisk.cadence.fit.ParameterDraws;
import io.sanctionsrisk.cadence.fit.ParameterSampler;
import io.sanctionsrisk.cadence.marks.Cell;
import io.sanctionsrisk.cadence.marks.MarkedEvent;
import io.sanctionsrisk.cadence.marks.ServedMarks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        readMarks();
    }

    private static final Map<String, String> SECTOR_GROUPS = Map.of(
            "central-bank", "bank",
            "commercial-bank", "bank",
            "cooperative-bank", "bank",
            "crypto-exchange", "crypto",
            "defi-bridge", "crypto",
            "defi-protocol", "crypto",
            "crypto-wallet-provider", "crypto",
            "crypto-casino", "crypto");

    private final List<String> sectors = new ArrayList<>();
    private final List<String> regions = new ArrayList<>();
    private final List<MarkedEvent> events = new ArrayList<>();

    // the frozen curated marks (src/test/resources/curated/curated-marks.csv), heists known from their own time
    private void readMarks() throws IOException {
        LocalDate start = LocalDate.of(2015, 1, 1);
        Map<LocalDate, List<String[]>> heists = new TreeMap<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("curated/curated-marks.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("kind,") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                switch (f[0]) {
                    case "grid-sector" -> sectors.add(f[3]);
                    case "grid-region" -> regions.add(f[4]);
                    case "heist" ->
                        heists.computeIfAbsent(LocalDate.parse(f[1]), d -> new ArrayList<>())
                                .add(f);
                    default -> {}
                }
            }
        }
        for (Map.Entry<LocalDate, List<String[]>> e : heists.entrySet()) {
            for (int i = 0; i < e.getValue().size(); i++) {
                String[] f = e.getValue().get(i);
                double t = ChronoUnit.DAYS.between(start, e.getKey())
                        + (i + 0.5) / e.getValue().size();
                Cell cell = f[4].isEmpty() ? null : new Cell(f[3], f[4]);
                events.add(new MarkedEvent(t, t, cell, amount(f[5]), amount(f[6])));
            }
        }
    }

    private static double amount(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    @Benchmark
    public CadenceFit fit() {
        return CadenceFitter.fit(data);
    }

    /**
     * A snapshot's refit as the risk-service runs it: the fit, the 200 served posterior draws (4 chains, 2,000
     * burn-in and 10,000 kept iterations, every 200th kept) and the served marks (the prequential choice of the cell
     * model at quarterly origins from the second year, severities by sector group with a trend).
     */
    @Benchmark
    public Object refitAsServed() {
        CadenceFit fit = CadenceFitter.fit(data);
        ParameterDraws draws =
                ParameterSampler.sample(data, fit.parameters(), new DrawOptions(4, 2_000, 10_000, 200, 20_251_206L));
        ServedMarks marks =
                ServedMarks.build(sectors, regions, events, data.windowEnd(), 365.25, 365.25 / 4, SECTOR_GROUPS);
        return new Object[] {fit, draws, marks};
    }

    @Benchmark
    public CadenceFit fitWithDraws() {
        return CadenceFitter.fit(data, FitOptions.defaults().withDraws(DrawOptions.defaults()));
    }
}
