package io.sanctionsrisk.sanctions.exporting;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.sanctionsrisk.sanctions.Incident;
import io.sanctionsrisk.sanctions.IncidentData;
import io.sanctionsrisk.sanctions.dto.DataVersionView;
import io.sanctionsrisk.sanctions.exporting.ExportSnapshot.Stamped;
import io.sanctionsrisk.sanctions.persistence.IncidentRepository;
import io.sanctionsrisk.sanctions.persistence.SanctionEventRepository;
import io.sanctionsrisk.sanctions.persistence.ThreatActorRepository;
import io.sanctionsrisk.sanctions.service.DataVersionService;
import io.sanctionsrisk.sanctions.service.TaxonomyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads everything for an export in one transaction that holds writers off, so the records and the data
 * version they are tagged with belong together.
 */
@ApplicationScoped
public class ExportService {

    static final int PAGE = 5_000;

    private final ThreatActorRepository actors;
    private final SanctionEventRepository sanctions;
    private final IncidentRepository incidents;
    private final DataVersionService dataVersion;
    private final TaxonomyService taxonomy;

    public ExportService(
            ThreatActorRepository actors,
            SanctionEventRepository sanctions,
            IncidentRepository incidents,
            DataVersionService dataVersion,
            TaxonomyService taxonomy) {
        this.actors = actors;
        this.sanctions = sanctions;
        this.incidents = incidents;
        this.dataVersion = dataVersion;
        this.taxonomy = taxonomy;
    }

    @Transactional
    public ExportSnapshot snapshot() {
        DataVersionView version = dataVersion.holdWriters();
        var actorList = actors.listAll(Sort.by("key")).stream()
                .map(actor -> new Stamped<>(actor.toData(), actor.getCreatedAt(), actor.getUpdatedAt(), 0))
                .toList();
        var sanctionList = sanctions.listAllOrdered().stream()
                .map(event ->
                        new Stamped<>(event.toData(), event.getCreatedAt(), event.getUpdatedAt(), event.severity()))
                .toList();
        List<Stamped<IncidentData>> incidentList = new ArrayList<>();
        PanacheQuery<Incident> query = incidents.allOrdered().page(0, PAGE);
        for (int page = 0; page < query.pageCount(); page++) {
            for (Incident incident : query.page(page, PAGE).list()) {
                incidentList.add(new Stamped<>(incident.toData(), incident.getCreatedAt(), incident.getUpdatedAt(), 0));
            }
            incidents.getEntityManager().clear();
        }
        return new ExportSnapshot(version, actorList, sanctionList, incidentList, taxonomy.snapshot());
    }
}
