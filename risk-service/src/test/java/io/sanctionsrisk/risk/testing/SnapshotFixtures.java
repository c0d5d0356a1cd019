package io.sanctionsrisk.risk.testing;

import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.simulation.ClusterSimulator;
import io.sanctionsrisk.risk.dataset.DatasetEvent;
import io.sanctionsrisk.risk.dataset.DatasetSanction;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.refit.RefitService;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.ModelSnapshotRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Sets up snapshot state for a test: none at all, one of simulated data, or one of the sanctions-service's data. */
@ApplicationScoped
public class SnapshotFixtures {

    public static final LocalDate WINDOW_START = LocalDate.of(2015, 1, 1);
    public static final LocalDate WINDOW_END = LocalDate.of(2024, 12, 31);
    /** The parameters the simulated snapshot data come from (rates per day). */
    public static final CadenceParameters TRUTH = new CadenceParameters(0.01, 2.0, 0.3, 0.05, 0.02, 2);

    private static final String[] SECTORS = {"central-bank", "commercial-bank", "crypto-exchange", "defi-bridge"};
    private static final String[] REGIONS = {"eastern-asia", "southern-asia", "south-eastern-asia", "latin-america"};

    private final ModelSnapshotRepository snapshots;
    private final RefitService refits;

    public SnapshotFixtures(ModelSnapshotRepository snapshots, RefitService refits) {
        this.snapshots = snapshots;
        this.refits = refits;
    }

    @Transactional
    public void deleteAll() {
        snapshots.deleteAll();
    }

    /** The serving snapshot fitted on data simulated from {@link #TRUTH} (seeded: always the same data). */
    public LoadedSnapshot simulated() {
        return refits.fitAndStore(simulatedDataset(), "request", "test-fixture", 60_000)
                .snapshot();
    }

    /**
     * The serving snapshot of {@link #simulated()}'s heists where every third heist was publicly attributed only
     * {@code lagDays} after it happened (the others on their own day).
     */
    public LoadedSnapshot simulatedAttributedLate(int lagDays) {
        ModelDataset d = simulatedDataset();
        List<DatasetEvent> events = new ArrayList<>();
        for (int i = 0; i < d.events().size(); i++) {
            DatasetEvent e = d.events().get(i);
            events.add(new DatasetEvent(
                    e.key(),
                    e.date(),
                    e.datePrecision(),
                    e.time(),
                    e.sector(),
                    e.region(),
                    e.country(),
                    e.actor(),
                    e.attributionConfidence(),
                    e.attemptedUsd(),
                    e.realisedUsd(),
                    i % 3 == 0 ? e.date().plusDays(lagDays) : e.date()));
        }
        ModelDataset late = new ModelDataset(
                d.windowStart(),
                d.windowEnd(),
                d.lengthDays(),
                d.dataVersion(),
                d.dataLastModified(),
                events,
                d.sanctions(),
                d.excluded(),
                d.sectors(),
                d.regions());
        return refits.fitAndStore(late, "request", "test-fixture", 60_000).snapshot();
    }

    /** A serving snapshot of the shared sanctions-service's current data (fitted if needed). */
    public LoadedSnapshot fromSanctionsService() {
        SanctionsServiceProcess.ensureRunning();
        return refits.refit("request", "test-fixture").snapshot();
    }

    public static List<DatasetSanction> simulatedSanctions() {
        return List.of(
                sanction("SIM-A", -300, 5, "tightening"),
                sanction("SIM-B", 500, 3, "tightening"),
                sanction("SIM-C", 1200, 5, "tightening"),
                sanction("SIM-D", 2500, 4, "tightening"),
                sanction("SIM-E", 3000, 2, "easing"));
    }

    public static ModelDataset simulatedDataset() {
        List<DatasetSanction> sanctions = simulatedSanctions();
        List<Sanction> shocks =
                sanctions.stream().map(s -> new Sanction(s.time(), s.weight())).toList();
        double T = WINDOW_END.toEpochDay() - WINDOW_START.toEpochDay() + 1.0;
        double[] times = ClusterSimulator.simulate(TRUTH, shocks, T, 20_150_101L);
        List<DatasetEvent> events = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            LocalDate date = WINDOW_START.plusDays((long) Math.floor(times[i]));
            events.add(new DatasetEvent(
                    String.format("SIM-%04d", i),
                    date,
                    "day",
                    times[i],
                    SECTORS[i % SECTORS.length],
                    REGIONS[(i / 2) % REGIONS.length],
                    "XX",
                    "APT38",
                    80,
                    1_000_000L * (1 + i % 17),
                    i % 3 == 0 ? null : 100_000L * (1 + i % 11),
                    null));
        }
        return new ModelDataset(
                WINDOW_START, WINDOW_END, T, 0, null, events, sanctions, List.of(), List.of(SECTORS), List.of(REGIONS));
    }

    private static DatasetSanction sanction(String key, double time, int severity, String direction) {
        return new DatasetSanction(
                key,
                "UNSC",
                WINDOW_START.plusDays((long) time),
                time,
                severity,
                "easing".equals(direction) ? 0.0 : severity,
                direction,
                List.of("easing".equals(direction) ? "enforcement-weakened" : "asset-freeze"),
                "easing".equals(direction) ? DatasetSanction.RULE_EASING : DatasetSanction.RULE_SEVERITY);
    }
}
