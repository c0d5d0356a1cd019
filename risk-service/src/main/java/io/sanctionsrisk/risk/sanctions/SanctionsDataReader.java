package io.sanctionsrisk.risk.sanctions;

import io.sanctionsrisk.risk.config.RiskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

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
            List<SanctionRecord> sanctions = readPages(client::sanctions);
            List<IncidentRecord> incidents = readIncidents();
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

    /**
     * Every incident, page after page by the list's cursor, so that each page costs what the first one does
     * (offset pages grow dearer with their depth); by offset when the service gives no cursor.
     */
    private List<IncidentRecord> readIncidents() {
        int size = config.sanctions().pageSize();
        List<IncidentRecord> all = new ArrayList<>();
        RecordPage<IncidentRecord> current = client.incidents(0, null, size);
        int pagesRead = 1;
        while (true) {
            all.addAll(current.items());
            if (current.items().isEmpty() || all.size() >= current.totalItems()) {
                return all;
            }
            current = current.nextCursor() != null
                    ? client.incidents(null, current.nextCursor(), size)
                    : client.incidents(pagesRead, null, size);
            pagesRead++;
        }
    }

    private <T> List<T> readPages(BiFunction<Integer, Integer, RecordPage<T>> fetch) {
        int size = config.sanctions().pageSize();
        List<T> all = new ArrayList<>();
        int page = 0;
        while (true) {
            RecordPage<T> current = fetch.apply(page, size);
            all.addAll(current.items());
            page++;
            if (page >= current.totalPages() || current.items().isEmpty()) {
                return all;
            }
        }
    }
}
