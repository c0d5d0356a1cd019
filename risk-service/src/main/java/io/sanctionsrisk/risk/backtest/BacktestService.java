package io.sanctionsrisk.risk.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.backtest.BacktestOptions;
import io.sanctionsrisk.cadence.backtest.BacktestResult;
import io.sanctionsrisk.cadence.backtest.CellBacktest;
import io.sanctionsrisk.cadence.backtest.CellBacktestResult;
import io.sanctionsrisk.cadence.backtest.CellWindow;
import io.sanctionsrisk.cadence.backtest.MarkOptions;
import io.sanctionsrisk.cadence.backtest.MarkWindow;
import io.sanctionsrisk.cadence.backtest.ModelScore;
import io.sanctionsrisk.cadence.backtest.OriginResult;
import io.sanctionsrisk.cadence.backtest.PairedDifference;
import io.sanctionsrisk.cadence.backtest.RollingOriginBacktest;
import io.sanctionsrisk.cadence.backtest.WindowForecast;
import io.sanctionsrisk.cadence.backtest.WindowScore;
import io.sanctionsrisk.cadence.fit.CadenceFitter;
import io.sanctionsrisk.cadence.fit.FitOptions;
import io.sanctionsrisk.cadence.marks.MarkedEvent;
import io.sanctionsrisk.risk.audit.AuditTrail;
import io.sanctionsrisk.risk.audit.Caller;
import io.sanctionsrisk.risk.audit.InputsDigest;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.dataset.TimeAxis;
import io.sanctionsrisk.risk.snapshot.CellCounts;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.ModelVersions;
import io.sanctionsrisk.risk.snapshot.OutputOwner;
import io.sanctionsrisk.risk.snapshot.OutputVersions;
import io.sanctionsrisk.risk.snapshot.ParametersView;
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.Numbers;
import io.sanctionsrisk.risk.web.PageView;
import io.sanctionsrisk.risk.web.Paging;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Slots;
import io.sanctionsrisk.risk.web.Violation;
import io.sanctionsrisk.risk.web.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Rolling-origin backtests (POST/GET /api/v1/backtests) of the serving snapshot's data: validates the request,
 * runs {@link RollingOriginBacktest}, and stores the result with its audit row. Deterministic for the same data
 * and inputs (unless a fit reaches its time budget, which the result flags).
 */
@ApplicationScoped
public class BacktestService {

    static final String METHOD = "At each origin T_k the full model (kernel shape given, or chosen by AIC), the Hawkes"
            + " model without sanctions and the homogeneous Poisson model are fitted by maximum likelihood to the heists"
            + " in (0, T_k] and the sanctions in effect by T_k. Out-of-sample log-likelihood of (T_k, T_k + h]: log L(0,"
            + " T_k + h) - log L(0, T_k) under the parameters fitted on (0, T_k] (for Poisson n ln r - r h). 90% count"
            + " interval: the 5% and 95% quantiles of the count in the window over intervalPaths exact forward"
            + " simulations from the fitted model given the observed history (Poisson quantiles for the Poisson model);"
            + " parameter uncertainty is not included.";

    static final String CELL_METHOD = "At each origin T, from what was known at T only (heists with their first"
            + " public attribution by T when knownFromAttribution, sanctions in effect by T), the full model, the Hawkes"
            + " model without sanctions and the homogeneous Poisson model are fitted, and the marks are chosen by the"
            + " held-out cell log score at quarterly inner origins (adaptive) beside today's static marks. Every heist"
            + " in (T, T + h] is scored, whenever it became known. Cell expectation m_c = share_c x expected total;"
            + " cell log score sum_c log Poisson(n_c; m_c); cell Brier sum_c (1 - exp(-m_c) - 1{n_c >= 1})^2; RPS and"
            + " mid PIT of the total from intervalPaths forward simulations (exact Poisson for the Poisson model)."
            + " Paired differences: per window score(model) - score(against), the standard error of their total by"
            + " Newey-West with Bartlett weights over the lags at which windows overlap.";

    private final SnapshotStore snapshots;
    private final BacktestStore store;
    private final BacktestConfig config;
    private final RiskConfig riskConfig;
    private final AuditTrail audit;
    private final ModelVersions versions;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Slots slots;

    public BacktestService(
            SnapshotStore snapshots,
            BacktestStore store,
            BacktestConfig config,
            RiskConfig riskConfig,
            AuditTrail audit,
            ModelVersions versions,
            ObjectMapper mapper,
            Clock clock) {
        this.snapshots = snapshots;
        this.store = store;
        this.config = config;
        this.riskConfig = riskConfig;
        this.audit = audit;
        this.versions = versions;
        this.mapper = mapper;
        this.clock = clock;
        this.slots = new Slots(config.maxConcurrent(), config.queueWait(), "backtests");
    }

    public BacktestView create(BacktestRequest request) {
        if (request == null) {
            throw new ApiProblem(ProblemType.MALFORMED_BODY, "a JSON body is required");
        }
        LoadedSnapshot snapshot = snapshots.requireServing("a backtest runs on the serving snapshot's data");
        ModelDataset dataset = snapshot.dataset();
        BacktestInputs inputs = normalise(request, dataset, snapshot.data());
        double[] origins = origins(inputs, dataset);
        long started = System.nanoTime();
        TimeAxis axis = new TimeAxis(dataset.windowStart(), dataset.windowEnd());
        Runs runs = slots.run(() -> {
            BacktestResult totals = run(snapshot.data(), origins, inputs);
            CellResultView cells = inputs.cells() ? cells(snapshot, inputs, axis) : null;
            return new Runs(totals, cells);
        });
        BacktestResult result = runs.totals();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        BacktestResultView view = view(result, axis, runs.cells());
        String resultJson = json(view, Backtest.MAX_RESULT_LENGTH);
        String inputsJson = json(inputs, Backtest.MAX_INPUTS_LENGTH);
        ModelScore full = result.score(CadenceFitter.FULL);
        Caller caller = audit.caller();
        Backtest row = store.save(new Backtest.Values(
                clock.instant(),
                caller.subject(),
                caller.clientId(),
                snapshot.id(),
                snapshot.row().getModelVersion(),
                versions.code(),
                snapshot.row().getDataVersion(),
                origins.length,
                inputs.windowDays(),
                Numbers.finite(full.logLikelihoodPerEvent()),
                Numbers.finite(result.score(CadenceFitter.HAWKES).logLikelihoodPerEvent()),
                Numbers.finite(result.score(CadenceFitter.POISSON).logLikelihoodPerEvent()),
                full.coverage90(),
                InputsDigest.of(inputs),
                InputsDigest.ofText(resultJson),
                millis,
                inputsJson,
                resultJson));
        return view(row, inputs, view);
    }

    public BacktestView get(long id) {
        BacktestStore.Loaded loaded =
                store.find(id).orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "no backtest with id " + id));
        return view(
                loaded.row(),
                read(loaded.row().getInputsJson(), BacktestInputs.class),
                read(loaded.resultJson(), BacktestResultView.class));
    }

    public PageView<BacktestView> list(String page, String size) {
        int p = Paging.page(page);
        int s = Paging.size(size, config.maxPageSize());
        List<BacktestView> items = store.page(p, s).stream()
                .map(row -> view(row, read(row.getInputsJson(), BacktestInputs.class), null))
                .toList();
        return new PageView<>(items, p, s, store.count());
    }

    private static BacktestView view(Backtest row, BacktestInputs inputs, BacktestResultView result) {
        return new BacktestView(
                row.getId(),
                row.getCreatedAt(),
                new OutputOwner(row.getOwnerSubject(), row.getOwnerClient()),
                inputs,
                row.getSnapshotId(),
                new OutputVersions(row.getModelVersion(), row.getCodeVersion(), row.getDataVersion()),
                row.getInputsDigest(),
                row.getResultDigest(),
                row.getDurationMillis(),
                result);
    }

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

    private record Runs(BacktestResult totals, CellResultView cells) {}

    private FitOptions fitOptions(BacktestInputs inputs) {
        return FitOptions.defaults()
                .withShape(inputs.kernelShape())
                .withBudget(config.fitBudget())
                .withStarts(riskConfig.refit().starts());
    }

    private BacktestResult run(CadenceData data, double[] origins, BacktestInputs inputs) {
        try {
            BacktestOptions options = new BacktestOptions(
                    fitOptions(inputs), inputs.knownFutureSanctions(), inputs.intervalPaths(), inputs.seed());
            return RollingOriginBacktest.run(data, origins, inputs.windowDays(), options);
        } catch (IllegalArgumentException e) {
            throw firstOriginProblem(e);
        }
    }

    private static ApiProblem firstOriginProblem(IllegalArgumentException e) {
        return new ApiProblem(
                ProblemType.INVALID_BACKTEST,
                e.getMessage(),
                List.of(Violation.of("firstOrigin", e.getMessage())),
                Map.of("errorCount", 1),
                null);
    }

    /** The cell backtest ({@link CellBacktest}) on the same origins as the totals backtest. */
    private CellResultView cells(LoadedSnapshot snapshot, BacktestInputs inputs, TimeAxis axis) {
        ModelDataset dataset = snapshot.dataset();
        CellCounts grid = CellCounts.of(dataset);
        double selectionStart = Math.min(
                dataset.lengthDays(), 365.25 * Math.max(0, riskConfig.marks().selectionStartYears()));
        MarkOptions marks =
                MarkOptions.of(grid.sectors(), grid.regions(), selectionStart, Set.copyOf(inputs.groupSectors()));
        List<MarkedEvent> events = dataset.markedEvents(false);
        if (!inputs.knownFromAttribution()) {
            events = events.stream()
                    .map(e -> new MarkedEvent(e.time(), e.time(), e.cell(), e.attemptedUsd(), e.realisedUsd()))
                    .toList();
        }
        CellBacktestResult result;
        try {
            result = CellBacktest.run(
                    events,
                    snapshot.data().sanctions(),
                    dataset.lengthDays(),
                    axis.dayOf(inputs.firstOrigin()),
                    inputs.stepDays(),
                    inputs.windowDays(),
                    marks,
                    fitOptions(inputs),
                    inputs.intervalPaths(),
                    inputs.seed());
        } catch (IllegalArgumentException e) {
            throw firstOriginProblem(e);
        }
        return cellView(result, axis, inputs);
    }

    static CellResultView cellView(CellBacktestResult result, TimeAxis axis, BacktestInputs inputs) {
        List<CellResultView.Window> windows = new ArrayList<>();
        List<String> models = new ArrayList<>();
        boolean hit = false;
        for (CellWindow w : result.windows()) {
            MarkWindow m = w.marks();
            List<CellResultView.Score> scores = new ArrayList<>();
            for (WindowScore s : w.scores()) {
                scores.add(new CellResultView.Score(
                        s.model(), s.expectedTotal(), s.cellLogScore(), s.cellBrier(), s.totalRps(), s.totalPit()));
                if (!models.contains(s.model())) {
                    models.add(s.model());
                }
            }
            hit |= w.hitDeadline();
            windows.add(new CellResultView.Window(
                    axis.start().plusDays((long) Math.floor(w.origin())),
                    axis.start().plusDays((long) Math.ceil(w.end() - 1e-9) - 1),
                    w.trainingHeists(),
                    w.observed(),
                    w.observedWithCell(),
                    w.fitConverged(),
                    w.hitDeadline(),
                    new CellResultView.Marks(
                            Numbers.finite(m.chosen().halfLifeDays()),
                            m.chosen().strength(),
                            m.chosen().base().name().toLowerCase(Locale.ROOT),
                            m.heistsWithCell(),
                            m.heistsInGroup(),
                            m.adaptiveLogScore(),
                            m.staticLogScore(),
                            m.adaptiveGroupShare(),
                            m.staticGroupShare(),
                            m.adaptiveGroupBrier(),
                            m.staticGroupBrier()),
                    scores));
        }
        List<CellResultView.Total> totals = new ArrayList<>();
        for (String model : models) {
            double pit = 0;
            for (CellWindow w : result.windows()) {
                pit += w.score(model).totalPit();
            }
            totals.add(new CellResultView.Total(
                    model,
                    result.total(CellBacktest.Metric.CELL_LOG_SCORE, model),
                    result.total(CellBacktest.Metric.CELL_BRIER, model),
                    result.total(CellBacktest.Metric.TOTAL_RPS, model),
                    pit / result.windows().size()));
        }
        List<CellResultView.Difference> differences = new ArrayList<>();
        for (PairedDifference d : result.differences()) {
            differences.add(new CellResultView.Difference(
                    d.metric().name(),
                    d.model(),
                    d.against(),
                    d.windows(),
                    d.totalDifference(),
                    d.meanDifference(),
                    Numbers.finite(d.standardErrorOfTotal())));
        }
        return new CellResultView(
                CELL_METHOD,
                CellBacktest.model(CadenceFitter.FULL, CellBacktest.ADAPTIVE),
                result.lagWindows(),
                inputs.knownFromAttribution(),
                inputs.groupSectors(),
                windows,
                totals,
                differences,
                hit);
    }

    static BacktestResultView view(BacktestResult result, TimeAxis axis, CellResultView cells) {
        List<BacktestResultView.Origin> origins = new ArrayList<>();
        for (OriginResult r : result.origins()) {
            List<BacktestResultView.Forecast> forecasts = new ArrayList<>();
            for (WindowForecast f : r.forecasts()) {
                forecasts.add(new BacktestResultView.Forecast(
                        f.model(), f.expected(), f.lower90(), f.upper90(), f.covered(), f.logLikelihood()));
            }
            origins.add(new BacktestResultView.Origin(
                    axis.start().plusDays((long) r.origin()),
                    axis.start().plusDays((long) r.windowEnd() - 1),
                    r.trainingEvents(),
                    r.observed(),
                    ParametersView.of(r.fitted()),
                    r.converged(),
                    r.hitDeadline(),
                    forecasts));
        }
        List<BacktestResultView.Score> scores = new ArrayList<>();
        for (ModelScore s : result.scores()) {
            scores.add(new BacktestResultView.Score(
                    s.model(),
                    s.logLikelihood(),
                    Numbers.finite(s.logLikelihoodPerEvent()),
                    s.covered(),
                    s.windows(),
                    s.coverage90()));
        }
        double full = result.score(CadenceFitter.FULL).logLikelihoodPerEvent();
        return new BacktestResultView(
                METHOD,
                origins,
                result.events(),
                scores,
                Numbers.finite(full - result.score(CadenceFitter.POISSON).logLikelihoodPerEvent()),
                Numbers.finite(full - result.score(CadenceFitter.HAWKES).logLikelihoodPerEvent()),
                result.anyHitDeadline(),
                cells);
    }

    /** The document as JSON, within the length of the column it goes to. */
    private String json(Object document, int maxLength) {
        try {
            String text = mapper.writeValueAsString(document);
            if (text.length() > maxLength) {
                throw new IllegalStateException("backtest document of " + text.length() + " characters is too long");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("backtest document could not be written", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored backtest document could not be read as " + type.getSimpleName(), e);
        }
    }
}
