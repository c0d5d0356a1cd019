package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import java.util.List;

/**
 * A snapshot read from the database and decoded once: the row, its documents, and the model's input and
 * parameters ready for evaluation. Immutable; the serving cache holds one per replica.
 */
public record LoadedSnapshot(
        ModelSnapshot row,
        List<StoredEstimate> estimates,
        StoredDiagnostics diagnostics,
        StoredMarks marks,
        ModelDataset dataset,
        CadenceData data,
        CadenceParameters parameters) {

    public long id() {
        return row.getId();
    }
}
