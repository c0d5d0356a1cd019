package io.sanctionsrisk.risk.scenario;

import io.quarkus.panache.common.Sort;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * What the scenario workbench shows beside a saved scenario's result: the expected-rate curves of its two worlds
 * ({@link ScenarioCurves}) and the PDF summary ({@link ScenarioSummaryPdf}). Both are read from what is stored
 * (the inputs, the result, the re-runs) and the scenario's own snapshot; nothing is simulated again.
 */
@ApplicationScoped
public class ScenarioReports {

    /** Re-runs listed in the PDF, newest first. */
    static final int MAX_RUNS_LISTED = 10;

    private final ScenarioService scenarios;
    private final SnapshotStore snapshots;
    private final ScenarioRunRepository runs;

    public ScenarioReports(ScenarioService scenarios, SnapshotStore snapshots, ScenarioRunRepository runs) {
        this.scenarios = scenarios;
        this.snapshots = snapshots;
        this.runs = runs;
    }

    public ScenarioIntensityView intensity(long id) {
        ScenarioView scenario = scenarios.get(id);
        LoadedSnapshot snapshot = snapshots
                .find(scenario.snapshotId())
                .orElseThrow(() -> new ApiProblem(
                        ProblemType.SNAPSHOT_GONE,
                        "snapshot " + scenario.snapshotId() + ", on which scenario " + id
                                + " ran, is no longer stored; run it as a new scenario"));
        return ScenarioCurves.intensity(id, snapshot, scenario.inputs());
    }

    @Transactional
    public byte[] summaryPdf(long id) {
        ScenarioView scenario = scenarios.get(id);
        List<ScenarioRun> latest = runs.find("scenarioId", Sort.descending("id"), id)
                .page(0, MAX_RUNS_LISTED)
                .list();
        return ScenarioSummaryPdf.render(scenario, latest);
    }
}
