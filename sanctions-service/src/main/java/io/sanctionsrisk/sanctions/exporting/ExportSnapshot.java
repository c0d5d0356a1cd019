package io.sanctionsrisk.sanctions.exporting;

import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.IncidentData;
import io.sanctionsrisk.sanctions.SanctionData;
import io.sanctionsrisk.sanctions.dto.DataVersionView;
import io.sanctionsrisk.sanctions.service.TaxonomyService;
import java.time.Instant;

/**
 * All records at one data version, ready to be written in any format. The records are iterables: those of
 * {@link ExportService#open()} are read from the database as they are iterated (each iteration a fresh
 * forward-only read of the same snapshot), so a writer holds one fetch of rows at a time, never the dataset.
 */
public record ExportSnapshot(
        DataVersionView version,
        Iterable<Stamped<ActorData>> actors,
        Iterable<Stamped<SanctionData>> sanctions,
        Iterable<Stamped<IncidentData>> incidents,
        TaxonomyService.Snapshot taxonomy) {

    /** A record with its audit instants (STIX needs created and modified). */
    public record Stamped<T>(T data, Instant created, Instant modified, int severity) {}
}
