package io.sanctionsrisk.risk.sanctions;

import java.time.Instant;
import java.util.List;

/**
 * Everything the model reads from the sanctions-service, at one data version: the read is repeated when the
 * version moves while the pages are fetched, so the lists belong together.
 */
public record SanctionsData(
        long dataVersion,
        Instant lastModified,
        List<SanctionRecord> sanctions,
        List<IncidentRecord> incidents,
        List<TaxonomyRecord> sectors,
        List<TaxonomyRecord> regions) {

    public SanctionsData {
        sanctions = List.copyOf(sanctions);
        incidents = List.copyOf(incidents);
        sectors = List.copyOf(sectors);
        regions = List.copyOf(regions);
    }
}
