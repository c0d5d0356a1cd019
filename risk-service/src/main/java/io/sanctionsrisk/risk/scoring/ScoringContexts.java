package io.sanctionsrisk.risk.scoring;

import io.sanctionsrisk.cadence.scoring.ExposureTable;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.ServedModels;
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scoring context of a snapshot, built once and shared by single and batch scores, the heatmap and portfolio
 * scoring, so each snapshot's grid and interval draws are prepared once. A snapshot with no cell to score is a 503.
 */
@ApplicationScoped
class ScoringContexts {

    private final SnapshotStore store;
    private final ServedModels served;
    private final RiskConfig config;
    private final ExposureTable exposure;
    private final AtomicReference<ScoringContext> cache = new AtomicReference<>();

    ScoringContexts(SnapshotStore store, ServedModels served, RiskConfig config) {
        this.store = store;
        this.served = served;
        this.config = config;
        this.exposure = ExposureTables.of(config.exposure());
    }

    /** The serving snapshot's context; 503 while no model was fitted yet. */
    ScoringContext serving() {
        return of(store.requireServing("the first fit runs when the sanctions-service answers"));
    }

    /** The context of {@code snapshot}, the cached one when it is the same snapshot. */
    ScoringContext of(LoadedSnapshot snapshot) {
        ScoringContext cached = cache.get();
        if (cached != null && cached.snapshot().id() == snapshot.id()) {
            return cached;
        }
        ScoringContext built = new ScoringContext(served.of(snapshot), exposure);
        if (built.grid() == null) {
            throw ApiProblem.retryLater(
                    ProblemType.NO_SNAPSHOT,
                    "the serving snapshot knows no sector or region, so it has no cell to score",
                    config.refit().retryAfterSeconds());
        }
        cache.set(built);
        return built;
    }
}
