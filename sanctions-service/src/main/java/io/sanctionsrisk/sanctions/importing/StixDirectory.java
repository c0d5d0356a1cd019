package io.sanctionsrisk.sanctions.importing;

import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.ThreatActor;
import io.sanctionsrisk.sanctions.dto.TaxonomyEntries.CountryEntry;
import io.sanctionsrisk.sanctions.persistence.ThreatActorRepository;
import io.sanctionsrisk.sanctions.service.TaxonomyService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a STIX import matches foreign objects against: the stored actors by key, name and alias, and the
 * countries by alpha-2 code and name (case-insensitive).
 */
@ApplicationScoped
public class StixDirectory {

    /** The look-up tables of one import. */
    public record Lookup(Map<String, String> actors, Map<String, String> countries) {

        public static final Lookup EMPTY = new Lookup(Map.of(), Map.of());

        /** The actor key that a name or alias names, or null. */
        public String actor(String name) {
            return name == null ? null : actors.get(fold(name));
        }

        /** The alpha-2 code of a code or country name, or null when it is neither. */
        public String country(String codeOrName) {
            return codeOrName == null ? null : countries.get(fold(codeOrName));
        }
    }

    private final ThreatActorRepository actors;
    private final TaxonomyService taxonomy;

    public StixDirectory(ThreatActorRepository actors, TaxonomyService taxonomy) {
        this.actors = actors;
        this.taxonomy = taxonomy;
    }

    public Lookup lookup() {
        Map<String, String> byName = new HashMap<>();
        List<ActorData> stored =
                actors.listAll().stream().map(ThreatActor::toData).toList();
        // Keys first, then names, then aliases: a stronger match is never displaced by a weaker one.
        stored.forEach(actor -> byName.putIfAbsent(fold(actor.key()), actor.key()));
        stored.forEach(actor -> byName.putIfAbsent(fold(actor.name()), actor.key()));
        stored.forEach(actor -> actor.aliases().forEach(alias -> byName.putIfAbsent(fold(alias), actor.key())));
        Map<String, String> countries = new HashMap<>();
        for (CountryEntry country : taxonomy.countries()) {
            countries.put(fold(country.alpha2()), country.alpha2());
            countries.putIfAbsent(fold(country.name()), country.alpha2());
        }
        return new Lookup(byName, countries);
    }

    static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
