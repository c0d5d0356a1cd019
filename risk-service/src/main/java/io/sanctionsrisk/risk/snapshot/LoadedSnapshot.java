package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import java.util.List;

/**
 * A snapshot read from the database and decoded once: the row, its documents, and the model's input and
 * parameters ready for evaluation, and the stored posterior draws ({@code uncertainty}, null before V11). Immutable; the serving cache holds one per replica.
 */
public record LoadedSnapshot(
        ModelSnapshot row,
        List<StoredEstimate> estimates,
        StoredDiagnostics diagnostics,
        StoredMarks marks,
        ModelDataset dataset,
        CadenceData data,
        CadenceParameters parameters,
        StoredUncertainty uncertainty) {

    /** The posterior draws of the cadence parameters, empty for a snapshot fitted before they were stored. */
    public List<CadenceParameters> parameterDraws() {
        return uncertainty == null || uncertainty.draws() == null
                ? List.of()
                : uncertainty.parameters(parameters.shape());
    }

    public long id() {
        return row.getId();
    }
}
