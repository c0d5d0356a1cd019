package io.sanctionsrisk.risk.scoring;

import io.sanctionsrisk.cadence.forecast.ExpectedCount;
import io.sanctionsrisk.cadence.scoring.CellGrid;
import io.sanctionsrisk.cadence.scoring.ExposureTable;
import io.sanctionsrisk.cadence.scoring.HorizonForecast;
import io.sanctionsrisk.cadence.scoring.ScoringModel;
import io.sanctionsrisk.cadence.scoring.Severities;
import io.sanctionsrisk.cadence.scoring.UncertainRiskModel;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.ServedCells;
import io.sanctionsrisk.risk.snapshot.ServedModel;
import io.sanctionsrisk.risk.snapshot.StoredMarks;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What scores need of one snapshot, computed once: the served cell grid ({@link ServedCells}, as in the marks of
 * GET /api/v1/model), the joint posterior draws ({@link ServedModel}), the severities, and the exposure table; and,
 * per horizon, the intervals of every cell ({@link UncertainRiskModel}), kept for the horizons asked recently.
 */
public final class ScoringContext {

    /** Horizons (start, length) whose intervals are kept; the map is emptied when it grows past this. */
    static final int KEPT_HORIZONS = 64;

    private final LoadedSnapshot snapshot;
    private final ServedModel served;
    private final CellGrid grid;
    private final Severities severities;
    private final ExposureTable exposure;
    private final Map<Long, UncertainRiskModel> intervals = new ConcurrentHashMap<>();

    ScoringContext(ServedModel served, ExposureTable exposure) {
        this.snapshot = served.snapshot();
        this.served = served;
        ServedCells cells = served.cells();
        this.grid = cells == null ? null : cells.grid();
        this.severities = severities(snapshot.marks());
        this.exposure = exposure;
    }

    public LoadedSnapshot snapshot() {
        return snapshot;
    }

    public ServedModel served() {
        return served;
    }

    public CellGrid grid() {
        return grid;
    }

    /** The first day after the observation window: the forecast origin. */
    public LocalDate origin() {
        return snapshot.dataset().windowEnd().plusDays(1);
    }

    /** The first day of a horizon asked for on {@code today}: today, or the origin if that is later. */
    public LocalDate from(LocalDate today) {
        LocalDate origin = origin();
        return today.isAfter(origin) ? today : origin;
    }

    /** The scoring model of the horizon [from, from + horizonDays): contributions and shares. */
    public ScoringModel model(LocalDate from, int horizonDays) {
        double gap = ChronoUnit.DAYS.between(origin(), from);
        ExpectedCount forecast =
                HorizonForecast.expectedCount(snapshot.data(), snapshot.parameters(), gap, horizonDays);
        return new ScoringModel(grid, forecast, severities, exposure);
    }

    /**
     * Every cell's served numbers with their intervals over [from, from + horizonDays), from cadence parameter and
     * mark draws together (drawn once per snapshot); the severities by sector group with a trend. A cell's
     * interval is formed when first asked for.
     */
    public UncertainRiskModel intervals(LocalDate from, int horizonDays) {
        long gap = ChronoUnit.DAYS.between(origin(), from);
        long key = gap * 10_000L + horizonDays;
        UncertainRiskModel cached = intervals.get(key);
        if (cached != null) {
            return cached;
        }
        UncertainRiskModel built = UncertainRiskModel.build(
                snapshot.data(),
                snapshot.parameters(),
                served.jointDraws(),
                gap,
                horizonDays,
                ServedCells.CREDIBLE_LEVEL);
        if (intervals.size() >= KEPT_HORIZONS) {
            intervals.clear();
        }
        intervals.put(key, built);
        return built;
    }

    private static Severities severities(StoredMarks marks) {
        if (marks == null) {
            return new Severities(Double.NaN, Double.NaN);
        }
        StoredMarks.Severity a = marks.attempted();
        StoredMarks.Severity r = marks.realised();
        return Severities.of(
                a == null ? null : a.probabilityPositive(),
                a == null ? null : a.meanUsd(),
                r == null ? null : r.probabilityPositive(),
                r == null ? null : r.meanUsd());
    }
}
