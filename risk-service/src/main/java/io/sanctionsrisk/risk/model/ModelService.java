package io.sanctionsrisk.risk.model;

import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.Refits;
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** What the /api/v1/model resource offers, over the snapshot store, the refits and the inline fits. */
@ApplicationScoped
public class ModelService {

    private final SnapshotStore store;
    private final ModelViews views;
    private final Refits refits;
    private final InlineFitService fits;
    private final IntensityService intensity;
    private final RiskConfig config;

    public ModelService(
            SnapshotStore store,
            ModelViews views,
            Refits refits,
            InlineFitService fits,
            IntensityService intensity,
            RiskConfig config) {
        this.store = store;
        this.views = views;
        this.refits = refits;
        this.fits = fits;
        this.intensity = intensity;
        this.config = config;
    }

    /** The serving snapshot; a 503 problem with Retry-After while none was fitted yet. */
    public ModelView current() {
        return views.view(serving());
    }

    public RefitResponse refit(String requestedBy, boolean force) {
        Refits.Result result = force ? refits.forcedRefit(requestedBy) : refits.refit("request", requestedBy);
        return new RefitResponse(result.outcome().name().toLowerCase(Locale.ROOT), views.view(result.snapshot()));
    }

    public FitResponse fit(InputStream body) throws IOException {
        return fits.fit(body);
    }

    public IntensityView intensity(String from, String to, String step) {
        return intensity.intensity(serving(), from, to, step);
    }

    private LoadedSnapshot serving() {
        return store.requireServing("the first fit runs when the sanctions-service answers");
    }
}
