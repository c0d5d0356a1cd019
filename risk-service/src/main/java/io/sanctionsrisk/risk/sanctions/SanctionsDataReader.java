package io.sanctionsrisk.risk.sanctions;

import io.sanctionsrisk.risk.config.RiskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the whole dataset (all sanctions, all incidents, the sector and region vocabularies) through {@link SanctionsServiceClient} as one
 * consistent picture: the data version is read before and after the pages and the read is repeated when it
 * moved in between.
 */
@ApplicationScoped
public class SanctionsDataReader {

    private final SanctionsServiceClient client;
    private final RiskConfig config;

    public SanctionsDataReader(SanctionsServiceClient client, RiskConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The current data version only (cheap). */
    public DataVersionRecord dataVersion() {
        return client.dataVersion();
    }

    /** Throws SanctionsServiceUnavailableException when the service cannot be read consistently. */
    public SanctionsData readAll() {
        int attempts = Math.max(1, config.sanctions().consistentReadAttempts());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            DataVersionRecord before = client.dataVersion();
            List<SanctionRecord> sanctions = readAllPages((page, cursor, size) -> client.sanctions(page, size));
            List<IncidentRecord> incidents = readAllPages(client::incidents);
            List<TaxonomyRecord> sectors = client.sectors();
            List<TaxonomyRecord> regions = client.regions();
            DataVersionRecord after = client.dataVersion();
            if (before.version() == after.version()) {
                return new SanctionsData(after.version(), after.lastModified(), sanctions, incidents, sectors, regions);
            }
        }
        throw new SanctionsServiceUnavailableException("the sanctions-service's data kept changing during " + attempts
                + " reads; no consistent picture to fit");
    }

    /** Reads one page: by offset ({@code page}) or, when the list gave one, after a cursor. */
    @FunctionalInterface
    private interface PageFetch<T> {
        RecordPage<T> fetch(Integer page, String cursor, int size);
    }

    /**
     * Every record of a list, page after page: by the list's cursor when it gives one (the incident list does),
     * so each page costs what the first one does, else by offset.
     */
    private <T> List<T> readAllPages(PageFetch<T> fetch) {
        int size = config.sanctions().pageSize();
        List<T> all = new ArrayList<>();
        RecordPage<T> current = fetch.fetch(0, null, size);
        int pagesRead = 1;
        while (true) {
            all.addAll(current.items());
            if (current.items().isEmpty() || all.size() >= current.totalItems()) {
                return all;
            }
            current = current.nextCursor() != null
                    ? fetch.fetch(null, current.nextCursor(), size)
                    : fetch.fetch(pagesRead, null, size);
            pagesRead++;
        }
    }
}
