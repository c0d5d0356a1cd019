package io.sanctionsrisk.risk.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.backtest.BacktestOptions;
import io.sanctionsrisk.cadence.backtest.BacktestResult;
import io.sanctionsrisk.cadence.backtest.CellBacktest;
import io.sanctionsrisk.cadence.backtest.CellBacktestResult;
import io.sanctionsrisk.cadence.backtest.MarkOptions;
import io.sanctionsrisk.cadence.backtest.ModelScore;
import io.sanctionsrisk.cadence.backtest.RollingOriginBacktest;
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
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.Numbers;
import io.sanctionsrisk.risk.web.PageView;
import io.sanctionsrisk.risk.web.Paging;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Slots;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Rolling-origin backtests (POST/GET /api/v1/backtests) of the serving snapshot's data: has the request validated
 * ({@link BacktestValidator}), runs {@link RollingOriginBacktest} (and {@link CellBacktest} when asked), and stores
 * the result ({@link BacktestViews}) with its audit row. Deterministic for the same data and inputs (unless a fit
 * reaches its time budget, which the result flags).
 */
@ApplicationScoped
public class BacktestService {

    private final SnapshotStore snapshots;
    private final BacktestStore store;
    private final BacktestConfig config;
    private final RiskConfig riskConfig;
    private final AuditTrail audit;
    private final ModelVersions versions;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Slots slots;
    private final BacktestValidator validator;

    public BacktestService(
            SnapshotStore snapshots,
            BacktestStore store,
            BacktestConfig config,
            RiskConfig riskConfig,
            AuditTrail audit,
            ModelVersions versions,
            ObjectMapper mapper,
            Clock clock,
            BacktestValidator validator) {
        this.snapshots = snapshots;
        this.store = store;
        this.config = config;
        this.riskConfig = riskConfig;
        this.audit = audit;
        this.versions = versions;
        this.mapper = mapper;
        this.clock = clock;
        this.validator = validator;
        this.slots = new Slots(config.maxConcurrent(), config.queueWait(), "backtests");
    }

    public BacktestView create(BacktestRequest request) {
        if (request == null) {
            throw new ApiProblem(ProblemType.MALFORMED_BODY, "a JSON body is required");
        }
        LoadedSnapshot snapshot = snapshots.requireServing("a backtest runs on the serving snapshot's data");
        ModelDataset dataset = snapshot.dataset();
        BacktestInputs inputs = validator.normalise(request, dataset, snapshot.data());
        double[] origins = BacktestValidator.origins(inputs, dataset);
        long started = System.nanoTime();
        TimeAxis axis = new TimeAxis(dataset.windowStart(), dataset.windowEnd());
        Runs runs = slots.run(() -> {
            BacktestResult totals = run(snapshot.data(), origins, inputs);
            CellResultView cells = inputs.cells() ? cells(snapshot, inputs, axis) : null;
            return new Runs(totals, cells);
        });
        BacktestResult result = runs.totals();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        BacktestResultView view = BacktestViews.view(result, axis, runs.cells());
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
            throw BacktestValidator.firstOriginProblem(e);
        }
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
            throw BacktestValidator.firstOriginProblem(e);
        }
        return BacktestViews.cellView(result, axis, inputs);
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
