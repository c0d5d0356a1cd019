package io.sanctionsrisk.risk.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.forecast.CadenceForecast;
import io.sanctionsrisk.cadence.marks.Cell;
import io.sanctionsrisk.cadence.marks.CellShare;
import io.sanctionsrisk.cadence.marks.CellShareModel;
import io.sanctionsrisk.cadence.marks.LognormalSeverity;
import io.sanctionsrisk.cadence.marks.SeverityFit;
import io.sanctionsrisk.cadence.scenario.CellSummary;
import io.sanctionsrisk.cadence.scenario.LossModel;
import io.sanctionsrisk.cadence.scenario.ScenarioEngine;
import io.sanctionsrisk.cadence.scenario.ScenarioInput;
import io.sanctionsrisk.cadence.scenario.ScenarioStatistics;
import io.sanctionsrisk.cadence.scenario.ShockSource;
import io.sanctionsrisk.risk.audit.AuditTrail;
import io.sanctionsrisk.risk.audit.Caller;
import io.sanctionsrisk.risk.audit.InputsDigest;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.dataset.DatasetEvent;
import io.sanctionsrisk.risk.dataset.DatasetSanction;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.dataset.TimeAxis;
import io.sanctionsrisk.risk.sanctions.MeasureRecord;
import io.sanctionsrisk.risk.sanctions.SanctionsServiceClient;
import io.sanctionsrisk.risk.sanctions.SanctionsServiceUnavailableException;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.ModelSnapshot;
import io.sanctionsrisk.risk.snapshot.ModelSnapshotRepository;
import io.sanctionsrisk.risk.snapshot.ModelVersions;
import io.sanctionsrisk.risk.snapshot.OutputOwner;
import io.sanctionsrisk.risk.snapshot.OutputVersions;
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.PageView;
import io.sanctionsrisk.risk.web.Paging;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Slots;
import io.sanctionsrisk.risk.web.Violation;
import io.sanctionsrisk.risk.web.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What-if scenarios (POST/GET /api/v1/scenarios, re-runs): validates a request against the serving snapshot,
 * simulates baseline and scenario with common random numbers ({@link ScenarioEngine}), and stores the scenario
 * with its audit row. Input problems are 400/413/422 problems naming the field; nothing is stored on error.
 */
@ApplicationScoped
public class ScenarioService {

    static final String REALISED = "realised";
    static final String ATTEMPTED = "attempted";
    static final double MAX_WEIGHT = 100;
    static final int MAX_TEXT = 64;
    static final int MAX_MEASURES = 20;
    static final int MAX_FILTER = 1000;
    /** Seeds are generated below 2^53, so that JavaScript clients read them exactly. */
    static final long SEED_MASK = (1L << 53) - 1;

    private final SnapshotStore snapshots;
    private final ModelSnapshotRepository snapshotRows;
    private final ScenarioStore store;
    private final ScenarioConfig config;
    private final RiskConfig riskConfig;
    private final ModelVersions versions;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Slots slots;
    private final SecureRandom seeds = new SecureRandom();
    private final SanctionsServiceClient sanctionsService;

    public ScenarioService(
            SnapshotStore snapshots,
            ModelSnapshotRepository snapshotRows,
            ScenarioStore store,
            ScenarioConfig config,
            RiskConfig riskConfig,
            ModelVersions versions,
            AuditTrail audit,
            ObjectMapper mapper,
            Clock clock,
            SanctionsServiceClient sanctionsService) {
        this.sanctionsService = sanctionsService;
        this.snapshots = snapshots;
        this.snapshotRows = snapshotRows;
        this.store = store;
        this.config = config;
        this.riskConfig = riskConfig;
        this.versions = versions;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
        this.slots = new Slots(config.maxConcurrent(), config.queueWait(), "simulations");
    }

    /** Runs and saves a scenario on the serving snapshot. */
    public ScenarioView create(ScenarioRequest request) {
        if (request == null) {
            throw new ApiProblem(ProblemType.MALFORMED_BODY, "a JSON body is required");
        }
        checkSizes(request);
        LoadedSnapshot snapshot = snapshots.requireServing("scenarios need a serving snapshot");
        ScenarioInputs inputs = normalise(request, snapshot.dataset());
        long started = System.nanoTime();
        ScenarioResult result = simulate(snapshot, inputs);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String resultJson = json(result, Scenario.MAX_RESULT_LENGTH, "result");
        String inputsJson = json(inputs, Scenario.MAX_INPUTS_LENGTH, "inputs");
        Caller caller = audit.caller();
        Scenario row = store.save(new Scenario.Values(
                clock.instant(),
                caller.subject(),
                caller.clientId(),
                inputs.name(),
                inputs.startDate(),
                inputs.horizonDays(),
                inputs.paths(),
                inputs.seed(),
                snapshot.id(),
                snapshot.row().getModelVersion(),
                versions.code(),
                snapshot.row().getDataVersion(),
                InputsDigest.of(inputs),
                InputsDigest.ofText(resultJson),
                millis,
                inputsJson,
                resultJson));
        return view(row, inputs, result, 0);
    }

    /** Re-runs a saved scenario on the snapshot it first ran on, and says whether the result is identical. */
    public ScenarioRunView rerun(long id) {
        Scenario scenario = store.row(id).orElseThrow(() -> notFound(id));
        LoadedSnapshot snapshot = snapshot(scenario.getSnapshotId());
        ScenarioInputs inputs = read(scenario.getInputsJson(), ScenarioInputs.class);
        long started = System.nanoTime();
        ScenarioResult result = simulate(snapshot, inputs);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String resultJson = json(result, Scenario.MAX_RESULT_LENGTH, "result");
        String digest = InputsDigest.ofText(resultJson);
        Caller caller = audit.caller();
        ScenarioRun run = store.saveRun(
                scenario,
                new ScenarioRun(
                        scenario.getId(),
                        clock.instant(),
                        caller.subject(),
                        caller.clientId(),
                        snapshot.id(),
                        versions.code(),
                        digest,
                        // the stored result's SHA-256, so the 4 MB document need not be read back
                        digest.equals(scenario.getResultDigest()),
                        millis));
        return new ScenarioRunView(
                run.getId(),
                scenario.getId(),
                run.getRanAt(),
                run.getSnapshotId(),
                run.getCodeVersion(),
                digest,
                run.isIdentical(),
                millis,
                result);
    }

    public ScenarioView get(long id) {
        ScenarioStore.Loaded loaded = store.find(id).orElseThrow(() -> notFound(id));
        return view(
                loaded.row(),
                read(loaded.row().getInputsJson(), ScenarioInputs.class),
                read(loaded.resultJson(), ScenarioResult.class),
                loaded.reruns());
    }

    public PageView<ScenarioView> list(String page, String size) {
        int p = Paging.page(page);
        int s = Paging.size(size, config.maxPageSize());
        List<ScenarioView> items = store.page(p, s).stream()
                .map(l -> view(l.row(), read(l.row().getInputsJson(), ScenarioInputs.class), null, l.reruns()))
                .toList();
        return new PageView<>(items, p, s, store.count());
    }

    private ScenarioView view(Scenario row, ScenarioInputs inputs, ScenarioResult result, long reruns) {
        return new ScenarioView(
                row.getId(),
                row.getName(),
                row.getCreatedAt(),
                new OutputOwner(row.getOwnerSubject(), row.getOwnerClient()),
                inputs,
                row.getSnapshotId(),
                new OutputVersions(row.getModelVersion(), row.getCodeVersion(), row.getDataVersion()),
                row.getInputsDigest(),
                row.getResultDigest(),
                row.getDurationMillis(),
                reruns,
                result);
    }

    private LoadedSnapshot snapshot(long id) {
        ModelSnapshot row = QuarkusTransaction.joiningExisting().call(() -> snapshotRows.findById(id));
        if (row == null) {
            throw new ApiProblem(
                    ProblemType.SNAPSHOT_GONE,
                    "snapshot " + id + ", on which this scenario ran, is no longer stored; run it as a new scenario");
        }
        return snapshots.decode(row);
    }

    // ---- validation

    private void checkSizes(ScenarioRequest r) {
        if (r.paths() != null && r.paths() > config.maxPaths()) {
            throw tooLarge("paths", r.paths() + " paths exceed the limit of " + config.maxPaths(), config.maxPaths());
        }
        if (r.addSanctions() != null && r.addSanctions().size() > config.maxAddedSanctions()) {
            throw tooLarge(
                    "addSanctions",
                    r.addSanctions().size() + " added sanctions exceed the limit of " + config.maxAddedSanctions(),
                    config.maxAddedSanctions());
        }
        if (r.removeSanctions() != null && r.removeSanctions().size() > config.maxRemovedSanctions()) {
            throw tooLarge(
                    "removeSanctions",
                    r.removeSanctions().size() + " removed sanctions exceed the limit of "
                            + config.maxRemovedSanctions(),
                    config.maxRemovedSanctions());
        }
        checkFilterSize(r.sectors(), "sectors");
        checkFilterSize(r.regions(), "regions");
    }

    private static void checkFilterSize(List<String> filter, String field) {
        if (filter != null && filter.size() > MAX_FILTER) {
            throw tooLarge(field, filter.size() + " " + field + " exceed the limit of " + MAX_FILTER, MAX_FILTER);
        }
    }

    private static ApiProblem tooLarge(String field, String detail, int limit) {
        return new ApiProblem(
                ProblemType.PAYLOAD_TOO_LARGE,
                detail,
                List.of(Violation.of(field, detail)),
                Map.of("limit", limit),
                null);
    }

    /** Fills the defaults and checks every field against the limits and the snapshot; 422 lists the problems. */
    ScenarioInputs normalise(ScenarioRequest r, ModelDataset dataset) {
        Violations errors = new Violations();
        if (r.name() != null && r.name().length() > 200) {
            errors.add("name", "at most 200 characters");
        }
        LocalDate start = r.startDate() != null ? r.startDate() : LocalDate.now(clock);
        LocalDate latestStart = dataset.windowEnd().plusDays(config.maxStartDaysAfterData());
        if (start.isBefore(dataset.windowStart().plusDays(1))) {
            errors.add(
                    "startDate",
                    start + " is not after the start of the model's data (" + dataset.windowStart()
                            + "): there is nothing to condition on");
        } else if (start.isAfter(latestStart)) {
            errors.add(
                    "startDate",
                    start + " is more than " + config.maxStartDaysAfterData() + " days after the end of the model's"
                            + " data (" + dataset.windowEnd() + ")");
        }
        int horizon = r.horizonDays() != null ? r.horizonDays() : config.defaultHorizonDays();
        if (horizon < 1 || horizon > config.maxHorizonDays()) {
            errors.add("horizonDays", "must be between 1 and " + config.maxHorizonDays() + " days, got " + horizon);
        }
        int paths = r.paths() != null ? r.paths() : config.defaultPaths();
        if (paths < config.minPaths()) {
            errors.add("paths", "must be at least " + config.minPaths() + ", got " + paths);
        }
        boolean generated = r.seed() == null;
        long seed = generated ? seeds.nextLong() & SEED_MASK : r.seed();
        String basis = r.lossBasis() == null ? REALISED : r.lossBasis();
        if (!REALISED.equals(basis) && !ATTEMPTED.equals(basis)) {
            errors.add("lossBasis", "must be realised or attempted, got '" + basis + "'");
        }

        Set<String> existing = new HashSet<>();
        for (DatasetSanction s : dataset.sanctions()) {
            if (s.key() != null) {
                existing.add(s.key());
            }
        }
        List<ScenarioInputs.Sanction> added = new ArrayList<>();
        Set<String> addedKeys = new HashSet<>();
        MeasureLevels levels = new MeasureLevels(); // read from the sanctions-service once, when first needed
        // the last day of the horizon, only to check the added dates: from a start or horizon already reported as
        // out of range it is not computed from them (a start near LocalDate.MAX would overflow)
        LocalDate last = start.isAfter(latestStart)
                ? start
                : start.plusDays(Math.max(0, Math.min(horizon, config.maxHorizonDays()) - 1L));
        List<ScenarioRequest.AddedSanction> adds = r.addSanctions() == null ? List.of() : r.addSanctions();
        for (int i = 0; i < adds.size(); i++) {
            ScenarioRequest.AddedSanction a = adds.get(i);
            String at = "addSanctions[" + i + "]";
            if (a == null) {
                errors.add(at, "is null");
                continue;
            }
            String key = a.key() != null ? a.key() : "HYP-" + (i + 1);
            if (key.isBlank() || key.length() > MAX_TEXT) {
                errors.add(at + ".key", "must be 1 to " + MAX_TEXT + " characters");
            } else if (existing.contains(key)) {
                errors.add(at + ".key", "'" + key + "' is the key of a sanction in the model's data");
            } else if (!addedKeys.add(key)) {
                errors.add(at + ".key", "'" + key + "' is used twice");
            }
            if (a.date() == null) {
                errors.add(at + ".date", "is required");
            } else if (a.date().isBefore(start) || a.date().isAfter(last)) {
                errors.add(at + ".date", a.date() + " lies outside the horizon " + start + ".." + last);
            }
            if (a.authority() != null && a.authority().length() > MAX_TEXT) {
                errors.add(at + ".authority", "at most " + MAX_TEXT + " characters");
            }
            if (a.measures() != null) {
                if (a.measures().size() > MAX_MEASURES) {
                    errors.add(at + ".measures", "at most " + MAX_MEASURES + " measures");
                } else {
                    for (int m = 0; m < a.measures().size(); m++) {
                        String measure = a.measures().get(m);
                        if (measure == null || measure.isBlank() || measure.length() > MAX_TEXT) {
                            errors.add(at + ".measures[" + m + "]", "must be 1 to " + MAX_TEXT + " characters");
                        }
                    }
                }
            }
            Double weight = null;
            Integer severity = a.severity();
            if (a.severity() != null && (a.severity() < 1 || a.severity() > 5)) {
                errors.add(at + ".severity", "must be 1..5, got " + a.severity());
            } else if (a.weight() != null) {
                if (!Double.isFinite(a.weight()) || a.weight() < 0 || a.weight() > MAX_WEIGHT) {
                    errors.add(at + ".weight", "must be a number from 0 to " + MAX_WEIGHT + ", got " + a.weight());
                } else {
                    weight = a.weight();
                }
            } else if (a.severity() != null) {
                weight = (double) a.severity();
            } else if (a.measures() != null
                    && !a.measures().isEmpty()
                    && a.measures().size() <= MAX_MEASURES) {
                severity = severityOf(a.measures(), at, errors, levels);
                weight = severity == null ? null : (double) severity;
            } else {
                errors.add(at + ".severity", "give a severity 1..5, a weight, or the measures");
            }
            if (weight != null) {
                added.add(new ScenarioInputs.Sanction(key, a.date(), a.authority(), a.measures(), severity, weight));
            }
        }
        List<String> removed = new ArrayList<>();
        Set<String> seenRemoved = new HashSet<>();
        List<String> removes = r.removeSanctions() == null ? List.of() : r.removeSanctions();
        for (int i = 0; i < removes.size(); i++) {
            String key = removes.get(i);
            String at = "removeSanctions[" + i + "]";
            if (key == null) {
                errors.add(at, "is null");
            } else if (!existing.contains(key)) {
                errors.add(at, "no sanction with key '" + key + "' in the model's data");
            } else if (!seenRemoved.add(key)) {
                errors.add(at, "'" + key + "' is listed twice");
            } else {
                removed.add(key);
            }
        }
        Grid grid = grid(dataset);
        List<String> sectors = filter(r.sectors(), grid.sectors, "sectors", errors);
        List<String> regions = filter(r.regions(), grid.regions, "regions", errors);
        if (errors.any()) {
            throw errors.problem(ProblemType.INVALID_SCENARIO);
        }
        return new ScenarioInputs(
                r.name(), start, horizon, paths, seed, generated, basis, added, removed, sectors, regions);
    }

    /** The rubric's severity of the measures, or null (with the unknown ones listed) when a code is unknown. */
    private Integer severityOf(List<String> measures, String at, Violations errors, MeasureLevels levels) {
        if (levels.byCode == null) {
            try {
                Map<String, Integer> known = new HashMap<>();
                for (MeasureRecord m : sanctionsService.measures()) {
                    known.put(m.code(), m.severityLevel());
                }
                levels.byCode = known;
            } catch (SanctionsServiceUnavailableException e) {
                throw ApiProblem.retryLater(
                        ProblemType.SANCTIONS_UNAVAILABLE,
                        e.getMessage() + "; the measures' severity levels are needed for " + at
                                + " (give a severity or a weight to do without)",
                        riskConfig.refit().retryAfterSeconds());
            }
        }
        Map<String, Integer> distinct = new TreeMap<>();
        boolean ok = true;
        for (int m = 0; m < measures.size(); m++) {
            String code = measures.get(m);
            Integer level = code == null ? null : levels.byCode.get(code);
            if (level == null) {
                if (code != null && !code.isBlank() && code.length() <= MAX_TEXT) { // other cases are listed above
                    errors.add(at + ".measures[" + m + "]", "unknown measure '" + code + "'");
                }
                ok = false;
            } else {
                distinct.put(code, level);
            }
        }
        return ok ? MeasureRubric.severity(distinct.values()) : null;
    }

    /** The measures' rubric levels, once read. */
    private static final class MeasureLevels {
        Map<String, Integer> byCode;
    }

    private static List<String> filter(List<String> given, Set<String> known, String field, Violations errors) {
        if (given == null) {
            return null;
        }
        TreeSet<String> out = new TreeSet<>();
        for (int i = 0; i < given.size(); i++) {
            String v = given.get(i);
            if (v == null || !known.contains(v)) {
                errors.add(field + "[" + i + "]", "unknown: '" + v + "' is not in the model's taxonomy");
            } else {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    // ---- simulation

    ScenarioResult simulate(LoadedSnapshot snapshot, ScenarioInputs inputs) {
        return slots.run(() -> {
            return compute(snapshot, inputs, threads());
        });
    }

    int threads() {
        return config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
    }

    /** The scenario's numbers; a function of the snapshot and the inputs only. */
    static ScenarioResult compute(LoadedSnapshot snapshot, ScenarioInputs inputs, int threads) {
        ModelDataset dataset = snapshot.dataset();
        CadenceParameters p = snapshot.parameters();
        TimeAxis axis = new TimeAxis(dataset.windowStart(), dataset.windowEnd());
        double T = dataset.lengthDays();
        double countFrom = axis.dayOf(inputs.startDate());
        double countTo = countFrom + inputs.horizonDays();
        double simulateFrom = Math.min(countFrom, T);
        List<Double> history = new ArrayList<>();
        for (DatasetEvent e : dataset.events()) {
            if (e.time() <= simulateFrom) {
                history.add(e.time());
            }
        }
        double[] historyTimes =
                history.stream().mapToDouble(Double::doubleValue).toArray();

        Set<String> removed = new HashSet<>(inputs.removeSanctions());
        List<ShockSource> sources = new ArrayList<>();
        List<Sanction> baseline = new ArrayList<>();
        List<Sanction> scenario = new ArrayList<>();
        List<DatasetSanction> sanctions = dataset.sanctions();
        for (int j = 0; j < sanctions.size(); j++) {
            DatasetSanction s = sanctions.get(j);
            if (s.weight() <= 0) {
                continue;
            }
            boolean gone = s.key() != null && removed.contains(s.key());
            String key = s.key() != null ? "sanction:" + s.key() : "sanction#" + j;
            sources.add(new ShockSource(
                    s.time(),
                    s.weight(),
                    ShockSource.keyOf(key),
                    gone ? ShockSource.Membership.BASELINE : ShockSource.Membership.BOTH));
            baseline.add(new Sanction(s.time(), s.weight()));
            if (!gone) {
                scenario.add(new Sanction(s.time(), s.weight()));
            }
        }
        for (ScenarioInputs.Sanction a : inputs.addSanctions()) {
            double time = axis.dayOf(a.date());
            sources.add(new ShockSource(
                    time, a.weight(), ShockSource.keyOf("added:" + a.key()), ShockSource.Membership.SCENARIO));
            scenario.add(new Sanction(time, a.weight()));
        }

        Grid grid = grid(dataset);
        Function<DatasetEvent, Long> amount =
                ATTEMPTED.equals(inputs.lossBasis()) ? DatasetEvent::attemptedUsd : DatasetEvent::realisedUsd;
        double[] amounts = dataset.events().stream()
                .map(amount)
                .filter(a -> a != null)
                .mapToDouble(Long::doubleValue)
                .toArray();
        SeverityFit severity = LognormalSeverity.fit(amounts);
        LossModel loss = null;
        String lossNote = "";
        if (severity.sufficient()) {
            loss = new LossModel(severity.probabilityPositive(), severity.muLog(), severity.sigmaLog());
        } else {
            lossNote = "no loss simulated: " + severity.note();
        }

        ScenarioInput input = new ScenarioInput(
                p,
                historyTimes,
                sources,
                simulateFrom,
                countFrom,
                countTo,
                grid.shares,
                loss,
                inputs.paths(),
                inputs.seed());
        ScenarioStatistics stats;
        try {
            stats = ScenarioStatistics.of(ScenarioEngine.run(input, threads));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(
                    ProblemType.INVALID_SCENARIO,
                    e.getMessage(),
                    List.of(Violation.of("paths", e.getMessage())),
                    Map.of("errorCount", 1),
                    null);
        }

        double memory = 0;
        for (double h : historyTimes) {
            memory += Math.exp(-p.beta() * (simulateFrom - h));
        }
        ScenarioResult.Analytic analytic = new ScenarioResult.Analytic(
                expected(p, memory, baseline, simulateFrom, countFrom, countTo),
                expected(p, memory, scenario, simulateFrom, countFrom, countTo));

        Set<String> sectorFilter = inputs.sectors() == null ? null : new HashSet<>(inputs.sectors());
        Set<String> regionFilter = inputs.regions() == null ? null : new HashSet<>(inputs.regions());
        int listedGrid = 0;
        for (Cell c : grid.cells) {
            if (matches(c, sectorFilter, regionFilter)) {
                listedGrid++;
            }
        }
        List<ScenarioResult.CellResult> cells = new ArrayList<>();
        for (CellSummary c : stats.cells()) {
            Cell cell = grid.cells.get(c.cell());
            if (matches(cell, sectorFilter, regionFilter)) {
                cells.add(new ScenarioResult.CellResult(
                        cell.sector(), cell.region(), c.baseline(), c.scenario(), c.delta()));
            }
        }
        return new ScenarioResult(
                inputs.startDate(),
                inputs.startDate().plusDays(inputs.horizonDays() - 1L),
                inputs.horizonDays(),
                axis.start().plusDays((long) simulateFrom),
                historyTimes.length,
                inputs.paths(),
                inputs.seed(),
                inputs.lossBasis(),
                lossNote,
                new ScenarioResult.Totals(stats.baseline(), stats.scenario(), stats.delta()),
                analytic,
                stats.lossExceedance(),
                grid.cells.size(),
                cells,
                listedGrid - cells.size());
    }

    private static boolean matches(Cell c, Set<String> sectors, Set<String> regions) {
        return (sectors == null || sectors.contains(c.sector())) && (regions == null || regions.contains(c.region()));
    }

    // E[N(countFrom, countTo]] from the mean equation, as E over (from, to] minus E over (from, countFrom]
    private static double expected(
            CadenceParameters p, double memory, List<Sanction> sanctions, double from, double countFrom, double to) {
        double all = CadenceForecast.expectedCount(p, memory, sanctions, from, to - from)
                .total();
        double gap = countFrom > from
                ? CadenceForecast.expectedCount(p, memory, sanctions, from, countFrom - from)
                        .total()
                : 0;
        return all - gap;
    }

    /** Every sector x every region of the snapshot (as its marks), with the posterior mean share of each cell. */
    static Grid grid(ModelDataset dataset) {
        TreeSet<String> sectors = new TreeSet<>(dataset.sectors());
        TreeSet<String> regions = new TreeSet<>(dataset.regions());
        Map<Cell, Long> counts = new TreeMap<>();
        for (DatasetEvent e : dataset.events()) {
            if (e.sector() != null && e.region() != null) {
                sectors.add(e.sector());
                regions.add(e.region());
                counts.merge(new Cell(e.sector(), e.region()), 1L, Long::sum);
            }
        }
        if (sectors.isEmpty() || regions.isEmpty()) {
            sectors.add("unknown");
            regions.add("unknown");
        }
        List<Cell> cells = new ArrayList<>();
        for (String sector : sectors) {
            for (String region : regions) {
                cells.add(new Cell(sector, region));
            }
        }
        List<CellShare> shares = CellShareModel.posterior(cells, counts);
        double[] means = new double[cells.size()];
        for (int i = 0; i < means.length; i++) {
            means[i] = shares.get(i).mean();
        }
        return new Grid(cells, means, sectors, regions);
    }

    record Grid(List<Cell> cells, double[] shares, Set<String> sectors, Set<String> regions) {}

    // ---- JSON

    private String json(Object document, int limit, String what) {
        try {
            String text = mapper.writeValueAsString(document);
            if (text.length() > limit) {
                throw new ApiProblem(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "the " + what + " document (" + text.length() + " characters) exceeds " + limit
                                + "; list fewer cells with sectors or regions",
                        List.of(Violation.of("sectors", "narrow the listed cells")),
                        Map.of("limit", limit),
                        null);
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scenario " + what + " could not be written", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scenario document could not be read as " + type.getSimpleName(), e);
        }
    }

    private static ApiProblem notFound(long id) {
        return new ApiProblem(ProblemType.NOT_FOUND, "no scenario with id " + id);
    }
}
