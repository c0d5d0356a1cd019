package io.sanctionsrisk.risk.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sanctionsrisk.cadence.scenario.ScenarioEngine;
import io.sanctionsrisk.risk.audit.AuditTrail;
import io.sanctionsrisk.risk.audit.Caller;
import io.sanctionsrisk.risk.audit.InputsDigest;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.ModelSnapshotRepository;
import io.sanctionsrisk.risk.snapshot.ModelVersions;
import io.sanctionsrisk.risk.snapshot.OutputOwner;
import io.sanctionsrisk.risk.snapshot.OutputVersions;
import io.sanctionsrisk.risk.snapshot.ServedModels;
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.PageView;
import io.sanctionsrisk.risk.web.Paging;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Slots;
import io.sanctionsrisk.risk.web.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
    private final ScenarioValidator validator;
    private final ServedModels servedModels;

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
            ScenarioValidator validator,
            ServedModels servedModels) {
        this.validator = validator;
        this.servedModels = servedModels;
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
        validator.checkSizes(request);
        LoadedSnapshot snapshot = snapshots.requireServing("scenarios need a serving snapshot");
        ScenarioInputs inputs = validator.normalise(request, snapshot.dataset());
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

    /** The snapshot a scenario ran on (the cached one when it is serving); 409 when it is no longer stored. */
    LoadedSnapshot snapshot(long id) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> snapshots.find(id))
                .orElseThrow(() -> new ApiProblem(
                        ProblemType.SNAPSHOT_GONE,
                        "snapshot " + id + ", on which this scenario ran, is no longer stored; run it as a new"
                                + " scenario"));
    }

    ScenarioResult simulate(LoadedSnapshot snapshot, ScenarioInputs inputs) {
        return slots.run(() -> {
            return ScenarioSimulation.compute(servedModels.of(snapshot), inputs, threads());
        });
    }

    int threads() {
        return config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
    }

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
