package io.sanctionsrisk.risk.backtest;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.backtest.BacktestOptions;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.dataset.TimeAxis;
import io.sanctionsrisk.risk.snapshot.CellCounts;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Violation;
import io.sanctionsrisk.risk.web.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a backtest request against the limits and the serving snapshot's data and fills its defaults (413 for
 * too many interval paths or origins, 422 listing every invalid field), and lays out the origins it asks for.
 */
@ApplicationScoped
class BacktestValidator {

    private final BacktestConfig config;

    BacktestValidator(BacktestConfig config) {
        this.config = config;
    }

    /**
     * The request with its defaults filled, or 413 (too many interval paths or origins) or 422 listing every
     * invalid field; {@code data} is the snapshot's cadence data, whose first heist bounds the first origin.
     */
    BacktestInputs normalise(BacktestRequest r, ModelDataset dataset, CadenceData data) {
        int intervalPaths = r.intervalPaths() != null ? r.intervalPaths() : config.defaultIntervalPaths();
        if (intervalPaths > BacktestOptions.MAX_INTERVAL_PATHS) {
            String detail = intervalPaths + " interval paths exceed the limit of " + BacktestOptions.MAX_INTERVAL_PATHS;
            throw new ApiProblem(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    detail,
                    List.of(Violation.of("intervalPaths", detail)),
                    Map.of("limit", BacktestOptions.MAX_INTERVAL_PATHS),
                    null);
        }
        Violations errors = new Violations();
        TimeAxis axis = new TimeAxis(dataset.windowStart(), dataset.windowEnd());
        int window = r.windowDays() != null ? r.windowDays() : config.defaultWindowDays();
        if (window < 1 || window > config.maxWindowDays()) {
            errors.add("windowDays", "must be between 1 and " + config.maxWindowDays() + " days, got " + window);
        }
        int step = r.stepDays() != null ? r.stepDays() : window;
        if (step < 1) {
            errors.add("stepDays", "must be at least 1 day, got " + step);
        }
        LocalDate first = r.firstOrigin() != null
                ? r.firstOrigin()
                : dataset.windowStart().plusDays((long) Math.floor(dataset.lengthDays() / 2));
        double t1 = axis.dayOf(first);
        if (!(t1 > 0)) {
            errors.add("firstOrigin", first + " is not after the start of the data (" + dataset.windowStart() + ")");
        } else if (window >= 1 && t1 + window > dataset.lengthDays()) {
            errors.add(
                    "firstOrigin",
                    "the first window " + first + " + " + window + " days ends after the data (" + dataset.windowEnd()
                            + ")");
        } else if (data.eventCount() == 0 || data.eventTime(0) > t1) {
            errors.add("firstOrigin", "no heist before " + first + " to fit on");
        }
        Integer shape = r.kernelShape();
        if (shape != null && (shape < CadenceParameters.MIN_SHAPE || shape > CadenceParameters.MAX_SHAPE)) {
            errors.add("kernelShape", "unknown kernel shape " + shape + "; supported: 1, 2, 3 (or omit it for AIC)");
        }
        if (intervalPaths < BacktestOptions.MIN_INTERVAL_PATHS) {
            errors.add(
                    "intervalPaths",
                    "must be at least " + BacktestOptions.MIN_INTERVAL_PATHS + ", got " + intervalPaths);
        }
        boolean cells = Boolean.TRUE.equals(r.cells());
        List<String> groups = null;
        if (cells) {
            if (Boolean.TRUE.equals(r.knownFutureSanctions())) {
                errors.add(
                        "knownFutureSanctions",
                        "the cell backtest forecasts from what was known at each origin: leave it false with cells");
            }
            List<String> grid = CellCounts.of(dataset).sectors();
            if (grid.isEmpty()) {
                errors.add("cells", "the snapshot's heists have no known sector and region: no cells to score");
            }
            groups = r.groupSectors() != null
                    ? r.groupSectors()
                    : config.groupSectors().stream().filter(grid::contains).toList();
            for (int i = 0; i < groups.size(); i++) {
                String sector = groups.get(i);
                if (sector == null || !grid.contains(sector)) {
                    errors.add("groupSectors[" + i + "]", "unknown sector " + sector + "; the grid's sectors: " + grid);
                }
            }
            if (!errors.any()) {
                groups = groups.stream().sorted().distinct().toList();
            }
        } else if (r.knownFromAttribution() != null || r.groupSectors() != null) {
            errors.add(
                    r.groupSectors() != null ? "groupSectors" : "knownFromAttribution",
                    "applies to the cell backtest only: send \"cells\": true with it");
        }
        if (errors.any()) {
            throw errors.problem(ProblemType.INVALID_BACKTEST);
        }
        BacktestInputs inputs = new BacktestInputs(
                first,
                step,
                window,
                shape,
                Boolean.TRUE.equals(r.knownFutureSanctions()),
                intervalPaths,
                r.seed() != null ? r.seed() : config.defaultSeed(),
                cells,
                cells && !Boolean.FALSE.equals(r.knownFromAttribution()),
                groups);
        int count = (int) Math.floor((dataset.lengthDays() - window - t1) / step) + 1;
        if (count > config.maxOrigins()) {
            String detail = count + " origins exceed the limit of " + config.maxOrigins()
                    + "; take a larger stepDays or a later firstOrigin";
            throw new ApiProblem(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    detail,
                    List.of(Violation.of("stepDays", detail)),
                    Map.of("limit", config.maxOrigins()),
                    null);
        }
        return inputs;
    }

    /** T_1, T_1 + step, ... while the window still ends inside the data. */
    static double[] origins(BacktestInputs inputs, ModelDataset dataset) {
        TimeAxis axis = new TimeAxis(dataset.windowStart(), dataset.windowEnd());
        List<Double> out = new ArrayList<>();
        for (double t = axis.dayOf(inputs.firstOrigin());
                t + inputs.windowDays() <= dataset.lengthDays();
                t += inputs.stepDays()) {
            out.add(t);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The answer when the model rejects the first origin (no heist to fit on before it): 422 naming firstOrigin. */
    static ApiProblem firstOriginProblem(IllegalArgumentException e) {
        return new ApiProblem(
                ProblemType.INVALID_BACKTEST,
                e.getMessage(),
                List.of(Violation.of("firstOrigin", e.getMessage())),
                Map.of("errorCount", 1),
                null);
    }
}
