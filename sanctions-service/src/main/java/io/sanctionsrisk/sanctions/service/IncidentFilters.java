package io.sanctionsrisk.sanctions.service;

import io.sanctionsrisk.sanctions.AttackVector;
import io.sanctionsrisk.sanctions.persistence.IncidentRepository;
import io.sanctionsrisk.sanctions.persistence.ThreatActorRepository;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.Params;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the incident list's query parameters into a filter. Unknown codes are a 400 naming the parameter;
 * a region filter becomes the set of its countries (the country-to-region mapping) and, for incidents whose
 * country is unknown, the region and the regions below it.
 */
@ApplicationScoped
public class IncidentFilters {

    private final TaxonomyService taxonomy;
    private final ThreatActorRepository actors;

    public IncidentFilters(TaxonomyService taxonomy, ThreatActorRepository actors) {
        this.taxonomy = taxonomy;
        this.actors = actors;
    }

    public IncidentRepository.Filter incidents(
            String from, String to, String actor, String sector, String region, String country, String vector) {
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        Params.range(fromDate, toDate);
        TaxonomyService.Snapshot snapshot = taxonomy.snapshot();
        String actorKey = Params.text(actor);
        if (actorKey != null && !actors.existsByKey(actorKey)) {
            throw ApiProblem.invalidParameter("actor", "unknown actor '" + actorKey + "'");
        }
        String sectorCode = Params.text(sector);
        if (sectorCode != null && !snapshot.sectors().containsKey(sectorCode)) {
            throw ApiProblem.invalidParameter("sector", "unknown sector code '" + sectorCode + "'");
        }
        Collection<String> countries = null;
        Collection<String> regions = null;
        String regionCode = Params.text(region);
        if (regionCode != null) {
            if (!snapshot.regions().containsKey(regionCode)) {
                throw ApiProblem.invalidParameter("region", "unknown region code '" + regionCode + "'");
            }
            countries = snapshot.countriesIn(regionCode);
            regions = snapshot.regionsIn(regionCode);
        }
        String countryCode = Params.text(country);
        if (countryCode != null) {
            if (!snapshot.countries().containsKey(countryCode)) {
                throw ApiProblem.invalidParameter("country", "unknown country code '" + countryCode + "'");
            }
            Set<String> only = new TreeSet<>(Set.of(countryCode));
            if (countries != null) {
                only.retainAll(countries);
            }
            countries = only;
            // A named country never matches an incident whose country is unknown.
            regions = null;
        }
        AttackVector attackVector = Vocabularies.parameter(AttackVector.class, "vector", vector);
        return new IncidentRepository.Filter(fromDate, toDate, actorKey, sectorCode, countries, regions, attackVector);
    }
}
