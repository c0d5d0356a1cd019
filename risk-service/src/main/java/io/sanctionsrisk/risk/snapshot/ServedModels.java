package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.risk.config.RiskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link ServedModel} of a snapshot, built once and kept for the few most recently used snapshots, so scores,
 * the heatmap and scenarios (re-runs on older snapshots too) do not recompute the served cells, the prequential
 * choice and the severities on every request.
 */
@ApplicationScoped
public class ServedModels {

    static final int KEPT = 4;

    private final RiskConfig config;
    private final Map<Long, ServedModel> recent = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ServedModel> eldest) {
            return size() > KEPT;
        }
    };

    public ServedModels(RiskConfig config) {
        this.config = config;
    }

    public synchronized ServedModel of(LoadedSnapshot snapshot) {
        ServedModel cached = recent.get(snapshot.id());
        if (cached != null) {
            return cached;
        }
        ServedModel built = ServedModel.of(snapshot, config.marks());
        recent.put(snapshot.id(), built);
        return built;
    }
}
