package io.sanctionsrisk.sanctions.exporting;

import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.IncidentData;
import io.sanctionsrisk.sanctions.SanctionData;
import io.sanctionsrisk.sanctions.dto.DataVersionView;
import io.sanctionsrisk.sanctions.service.TaxonomyService;
import java.time.Instant;
import java.util.List;

/** All records at one data version, read in one transaction, ready to be written in any format. */
public record ExportSnapshot(
        DataVersionView version,
        List<Stamped<ActorData>> actors,
        List<Stamped<SanctionData>> sanctions,
        List<Stamped<IncidentData>> incidents,
        TaxonomyService.Snapshot taxonomy) {

    /** A record with its audit instants (STIX needs created and modified). */
    public record Stamped<T>(T data, Instant created, Instant modified, int severity) {}
}
