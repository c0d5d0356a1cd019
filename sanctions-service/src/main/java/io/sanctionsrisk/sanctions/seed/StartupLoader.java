package io.sanctionsrisk.sanctions.seed;

import io.quarkus.runtime.StartupEvent;
import io.sanctionsrisk.sanctions.config.SanctionsConfig;
import io.sanctionsrisk.sanctions.service.TaxonomyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** At start-up: sync the taxonomy, then load the curated records unless {@code sanctions.seed.enabled=false}. */
@ApplicationScoped
public class StartupLoader {

    private final TaxonomyLoader taxonomyLoader;
    private final TaxonomyService taxonomy;
    private final SeedLoader seedLoader;
    private final SanctionsConfig config;

    public StartupLoader(
            TaxonomyLoader taxonomyLoader, TaxonomyService taxonomy, SeedLoader seedLoader, SanctionsConfig config) {
        this.taxonomyLoader = taxonomyLoader;
        this.taxonomy = taxonomy;
        this.seedLoader = seedLoader;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        taxonomyLoader.sync();
        taxonomy.reload();
        if (config.seed().enabled()) {
            seedLoader.load(false);
        }
    }
}
