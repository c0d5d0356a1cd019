package io.sanctionsrisk.risk.scoring;

import io.sanctionsrisk.cadence.forecast.ExpectedCount;
import io.sanctionsrisk.cadence.scoring.CellGrid;
import io.sanctionsrisk.cadence.scoring.ExposureTable;
import io.sanctionsrisk.cadence.scoring.HorizonForecast;
import io.sanctionsrisk.cadence.scoring.ScoringModel;
import io.sanctionsrisk.cadence.scoring.Severities;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.ServedCells;
import io.sanctionsrisk.risk.snapshot.StoredMarks;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What scores need of one snapshot, computed once: the served cell grid ({@link ServedCells}, as in the marks of
 * GET /api/v1/model), the
 * severities, and the exposure table. Immutable.
 */
public final class ScoringContext {

    private final LoadedSnapshot snapshot;
    private final CellGrid grid;
    private final Severities severities;
    private final ExposureTable exposure;

    ScoringContext(LoadedSnapshot snapshot, ExposureTable exposure, RiskConfig.Marks marks) {
        this.snapshot = snapshot;
        ServedCells cells = ServedCells.of(snapshot.dataset(), marks);
        this.grid = cells == null ? null : cells.grid();
        this.severities = severities(snapshot.marks());
        this.exposure = exposure;
    }

    public LoadedSnapshot snapshot() {
        return snapshot;
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

    /** The scoring model of the horizon [from, from + horizonDays). */
    public ScoringModel model(LocalDate from, int horizonDays) {
        double gap = ChronoUnit.DAYS.between(origin(), from);
        ExpectedCount forecast =
                HorizonForecast.expectedCount(snapshot.data(), snapshot.parameters(), gap, horizonDays);
        return new ScoringModel(grid, forecast, severities, exposure);
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
