package io.sanctionsrisk.risk.model;

import io.sanctionsrisk.cadence.IntensityCurve;
import io.sanctionsrisk.cadence.IntensityPoint;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.dataset.DatasetEvent;
import io.sanctionsrisk.risk.dataset.DatasetSanction;
import io.sanctionsrisk.risk.dataset.TimeAxis;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The intensity curve of the serving snapshot over a range of dates (GET /api/v1/model/intensity). */
@ApplicationScoped
public class IntensityService {

    /** Widest range a request may span, in years either side of the window (the model says nothing beyond). */
    static final int MAX_YEARS_OUTSIDE_WINDOW = 50;

    private static final int MAX_STEP_DAYS = 3660;

    private final RiskConfig config;

    public IntensityService(RiskConfig config) {
        this.config = config;
    }

    /** Parameters as sent (strings, so that a bad one is a 400 naming it); null means the default. */
    public IntensityView intensity(LoadedSnapshot snapshot, String fromParam, String toParam, String stepParam) {
        TimeAxis axis = new TimeAxis(
                snapshot.dataset().windowStart(), snapshot.dataset().windowEnd());
        LocalDate from = date("from", fromParam, axis.start());
        LocalDate to = date("to", toParam, axis.endInclusive());
        int step = step(stepParam);
        if (to.isBefore(from)) {
            throw ApiProblem.invalidParameter("to", to + " is before from " + from);
        }
        LocalDate earliest = axis.start().minusYears(MAX_YEARS_OUTSIDE_WINDOW);
        LocalDate latest = axis.endInclusive().plusYears(MAX_YEARS_OUTSIDE_WINDOW);
        if (from.isBefore(earliest)) {
            throw ApiProblem.invalidParameter("from", "must not be before " + earliest);
        }
        if (to.isAfter(latest)) {
            throw ApiProblem.invalidParameter("to", "must not be after " + latest);
        }
        long days = ChronoUnit.DAYS.between(from, to);
        long count = days / step + 1;
        int maxPoints = config.intensity().maxPoints();
        if (count > maxPoints) {
            throw ApiProblem.invalidParameter(
                    "step",
                    "from " + from + " to " + to + " in steps of " + step + " days gives " + count + " points; at most "
                            + maxPoints + " (use a larger step)");
        }
        double[] grid = new double[(int) count];
        List<LocalDate> dates = new ArrayList<>(grid.length);
        for (int q = 0; q < grid.length; q++) {
            LocalDate d = from.plusDays((long) q * step);
            dates.add(d);
            grid[q] = axis.dayOf(d);
        }
        List<IntensityPoint> curve = IntensityCurve.evaluate(snapshot.data(), snapshot.parameters(), grid);
        List<IntensityView.Point> points = new ArrayList<>(curve.size());
        for (int q = 0; q < curve.size(); q++) {
            IntensityPoint p = curve.get(q);
            points.add(new IntensityView.Point(
                    dates.get(q), p.time(), p.total(), p.baseline(), p.sanctions(), p.selfExcitation()));
        }
        List<DatasetSanction> sanctions = snapshot.dataset().sanctions().stream()
                .filter(s -> !s.date().isBefore(from) && !s.date().isAfter(to))
                .toList();
        List<DatasetEvent> heists = snapshot.dataset().events().stream()
                .filter(e -> !e.date().isBefore(from) && !e.date().isAfter(to))
                .toList();
        return new IntensityView(
                snapshot.id(),
                snapshot.row().getModelVersion(),
                snapshot.row().getDataVersion(),
                "heists per day",
                from,
                to,
                step,
                axis.endInclusive(),
                points,
                sanctions,
                heists);
    }

    private static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidParameter(name, "'" + value + "' is not a date in the form YYYY-MM-DD");
        }
    }

    private int step(String value) {
        if (value == null || value.isBlank()) {
            return config.intensity().defaultStepDays();
        }
        try {
            int step = Integer.parseInt(value.trim());
            if (step < 1 || step > MAX_STEP_DAYS) {
                throw ApiProblem.invalidParameter(
                        "step", "must be between 1 and " + MAX_STEP_DAYS + " days, got " + step);
            }
            return step;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter("step", "'" + value + "' is not a whole number of days");
        }
    }
}
