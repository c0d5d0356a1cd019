package io.sanctionsrisk.risk.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.marks.Cell;
import io.sanctionsrisk.cadence.scoring.CellGrid;
import io.sanctionsrisk.cadence.scoring.ExposureFactor;
import io.sanctionsrisk.cadence.scoring.ExposureProfile;
import io.sanctionsrisk.cadence.scoring.ExposureTable;
import io.sanctionsrisk.cadence.scoring.HorizonForecast;
import io.sanctionsrisk.cadence.scoring.InstitutionScore;
import io.sanctionsrisk.cadence.scoring.ScoringModel;
import io.sanctionsrisk.cadence.scoring.Severities;
import io.sanctionsrisk.risk.scoring.BatchReader;
import io.sanctionsrisk.risk.scoring.Institution;
import io.sanctionsrisk.risk.scoring.ScoreView;
import io.sanctionsrisk.risk.scoring.ScoreViews;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scores on a snapshot the size of the curated one (about 45 heists, 30 sanctions, 12 sectors x 23 regions):
 * a batch of 100,000 institutions (engine alone, and engine plus the answer written as NDJSON the way the batch
 * endpoint streams it), and one score the way a single request computes it (forecast for its horizon, score,
 * answer object), for its latency distribution.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScoreBenchmark {

    static final int BATCH = 100_000;

    /** Whether doubles are written by Jackson's fast (Schubfach) writer, as the batch endpoint does. */
    @Param({"true", "false"})
    public boolean fastDoubles;

    private static final int[] HORIZONS = {365, 365, 365, 180, 730, 90, 1825};

    private CadenceData data;
    private CadenceParameters parameters;
    private CellGrid grid;
    private Severities severities;
    private ExposureTable exposure;
    private int[] cells;
    private int[] horizons;
    private ExposureProfile[] profiles;
    private List<Institution> institutions;
    private ObjectWriter writer;
    private LocalDate from;
    private ObjectMapper mapper;
    private byte[] ndjson;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        parameters = new CadenceParameters(0.004, 1.5, 0.3, 0.05, 0.02, 2);
        List<Sanction> sanctions = new ArrayList<>();
        for (int j = 0; j < 30; j++) {
            sanctions.add(new Sanction(-2000 + 150.0 * j, 1 + j % 5));
        }
        double[] events = new double[45];
        for (int i = 0; i < events.length; i++) {
            events[i] = 20 + 85.0 * i;
        }
        data = CadenceData.of(3900, events, sanctions);
        List<String> sectors = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            sectors.add("sector-" + s);
        }
        List<String> regions = new ArrayList<>();
        for (int r = 0; r < 23; r++) {
            regions.add("region-" + r);
        }
        Map<Cell, Long> counts = new HashMap<>();
        for (int i = 0; i < events.length; i++) {
            counts.merge(new Cell(sectors.get(i % 5), regions.get((i * 7) % 11)), 1L, Long::sum);
        }
        grid = CellGrid.posterior(sectors, regions, counts, 1.0, 0.9);
        severities = new Severities(2.1e8, 4.0e7);
        exposure = table();
        SplittableRandom random = new SplittableRandom(42);
        cells = new int[BATCH];
        horizons = new int[BATCH];
        profiles = new ExposureProfile[BATCH];
        institutions = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            cells[i] = random.nextInt(grid.size());
            horizons[i] = HORIZONS[random.nextInt(HORIZONS.length)];
            Map<ExposureFactor, String> stated = new EnumMap<>(ExposureFactor.class);
            for (ExposureFactor f : ExposureFactor.values()) {
                int level = random.nextInt(4) - 1;
                if (level >= 0) {
                    stated.put(f, f.levels().get(level));
                }
            }
            profiles[i] = ExposureProfile.of(stated);
            institutions.add(new Institution(
                    "inst-" + i,
                    grid.sectorOf(cells[i]),
                    "XX",
                    grid.regionOf(cells[i]),
                    horizons[i],
                    profiles[i],
                    cells[i]));
        }
        ObjectMapper mapper = JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        // as the batch endpoint writes: the fast (Schubfach) double writer, same values as Double.toString
        writer = fastDoubles
                ? mapper.writerFor(ScoreView.class).with(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                : mapper.writerFor(ScoreView.class);
        this.mapper = mapper;
        StringBuilder lines = new StringBuilder();
        for (Institution inst : institutions) {
            lines.append("{\"id\":\"")
                    .append(inst.id())
                    .append("\",\"sector\":\"")
                    .append(inst.sector())
                    .append("\",\"country\":\"JP\",\"horizonDays\":")
                    .append(inst.horizonDays())
                    .append("}\n");
        }
        ndjson = lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        from = LocalDate.of(2026, 11, 27);
    }

    private static ExposureTable table() {
        double[][] values = {{0.4, 0.8, 1.2}, {0.7, 0.9, 1.6}, {0.8, 1.0, 1.4}, {0.6, 1.0, 1.5}};
        Map<ExposureFactor, Map<String, Double>> m = new EnumMap<>(ExposureFactor.class);
        for (ExposureFactor f : ExposureFactor.values()) {
            Map<String, Double> levels = new LinkedHashMap<>();
            for (int i = 0; i < 3; i++) {
                levels.put(f.levels().get(i), values[f.ordinal()][i]);
            }
            m.put(f, levels);
        }
        return new ExposureTable(m);
    }

    private ScoringModel model(int horizon) {
        return new ScoringModel(
                grid, HorizonForecast.expectedCount(data, parameters, 300, horizon), severities, exposure);
    }

    /** 100,000 institutions, one model per distinct horizon, as a batch is scored. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void batchEngine(Blackhole bh) {
        Map<Integer, ScoringModel> models = new HashMap<>();
        for (int i = 0; i < BATCH; i++) {
            ScoringModel m = models.computeIfAbsent(horizons[i], this::model);
            bh.consume(m.score(cells[i], profiles[i]));
        }
    }

    /** The same, each score turned into the answer object and written as one NDJSON line (to a null stream). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long batchEngineAndNdjson() throws IOException {
        Map<Integer, ScoringModel> models = new HashMap<>();
        CountingStream out = new CountingStream();
        try (JsonGenerator g = writer.getFactory().createGenerator(out)) {
            g.setRootValueSeparator(null);
            if (fastDoubles) {
                g.enable(JsonGenerator.Feature.USE_FAST_DOUBLE_WRITER);
            }
            for (Institution inst : institutions) {
                ScoringModel m = models.computeIfAbsent(inst.horizonDays(), this::model);
                InstitutionScore s = m.score(inst.cell(), inst.exposure());
                writer.writeValue(g, ScoreViews.view(inst, s, from, "cadence-1", 12, 1));
                g.writeRaw('\n');
            }
        }
        return out.bytes;
    }

    /** Reading a 100,000-line NDJSON body into institutions, as the batch endpoint does before validating. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int batchReadNdjson() {
        return new BatchReader(mapper, BATCH)
                .readNdjson(new java.io.ByteArrayInputStream(ndjson))
                .requests()
                .size();
    }

    /** One score as a single request computes it: the forecast of its horizon, the score, the answer object. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ScoreView single() {
        int i = next++ % BATCH;
        Institution inst = institutions.get(i);
        InstitutionScore s = model(inst.horizonDays()).score(inst.cell(), inst.exposure());
        return ScoreViews.view(inst, s, from, "cadence-1", 12, 1);
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
