package io.sanctionsrisk.risk.scenario;

import io.sanctionsrisk.risk.audit.AuditAction;
import io.sanctionsrisk.risk.audit.AuditEntry;
import io.sanctionsrisk.risk.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores scenarios and re-runs together with their audit rows, in one transaction each. */
@ApplicationScoped
public class ScenarioStore {

    private final ScenarioRepository scenarios;
    private final ScenarioRunRepository runs;
    private final AuditTrail audit;

    public ScenarioStore(ScenarioRepository scenarios, ScenarioRunRepository runs, AuditTrail audit) {
        this.scenarios = scenarios;
        this.runs = runs;
        this.audit = audit;
    }

    @Transactional
    public Scenario save(Scenario.Values values) {
        Scenario row = new Scenario(values);
        scenarios.persistAndFlush(row);
        audit.record(new AuditEntry(
                AuditAction.SCENARIO,
                values.inputsDigest(),
                values.paths(),
                values.modelVersion(),
                values.dataVersion(),
                values.snapshotId(),
                String.valueOf(row.getId())));
        return row;
    }

    @Transactional
    public ScenarioRun saveRun(Scenario scenario, ScenarioRun run) {
        runs.persistAndFlush(run);
        audit.record(new AuditEntry(
                AuditAction.SCENARIO_RERUN,
                scenario.getInputsDigest(),
                scenario.getPaths(),
                scenario.getModelVersion(),
                scenario.getDataVersion(),
                run.getSnapshotId(),
                String.valueOf(scenario.getId())));
        return run;
    }

    /** The scenario with its result document read. */
    @Transactional
    public Optional<Loaded> find(long id) {
        Scenario row = scenarios.findById(id);
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new Loaded(row, row.getResultJson(), runs.countFor(id)));
    }

    /** The scenario row alone, its result document not read (a re-run compares the stored digest). */
    @Transactional
    public Optional<Scenario> row(long id) {
        return Optional.ofNullable(scenarios.findById(id));
    }

    /** A page of rows without their results, with their re-run counts from one grouped query. */
    @Transactional
    public List<Loaded> page(int page, int size) {
        List<Scenario> rows = scenarios.page(page, size);
        Map<Long, Long> reruns =
                runs.countsFor(rows.stream().map(Scenario::getId).toList());
        return rows.stream()
                .map(row -> new Loaded(row, null, reruns.getOrDefault(row.getId(), 0L)))
                .toList();
    }

    @Transactional
    public long count() {
        return scenarios.count();
    }

    /** A row, its result document (null when not read) and how often it was re-run. */
    public record Loaded(Scenario row, String resultJson, long reruns) {}
}
