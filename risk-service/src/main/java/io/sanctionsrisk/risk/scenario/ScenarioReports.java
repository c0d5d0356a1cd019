package io.sanctionsrisk.risk.scenario;

import io.quarkus.panache.common.Sort;
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
    private final ScenarioRunRepository runs;

    public ScenarioReports(ScenarioService scenarios, ScenarioRunRepository runs) {
        this.scenarios = scenarios;
        this.runs = runs;
    }

    public ScenarioIntensityView intensity(long id) {
        ScenarioView scenario = scenarios.get(id);
        return ScenarioCurves.intensity(id, scenarios.snapshot(scenario.snapshotId()), scenario.inputs());
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
