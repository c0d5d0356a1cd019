package io.sanctionsrisk.sanctions.service;

import io.quarkus.panache.common.Sort;
import io.sanctionsrisk.sanctions.Country;
import io.sanctionsrisk.sanctions.Region;
import io.sanctionsrisk.sanctions.Sector;
import io.sanctionsrisk.sanctions.dto.TaxonomyEntries.CountryEntry;
import io.sanctionsrisk.sanctions.dto.TaxonomyEntries.RegionEntry;
import io.sanctionsrisk.sanctions.dto.TaxonomyEntries.SectorEntry;
import io.sanctionsrisk.sanctions.persistence.CountryRepository;
import io.sanctionsrisk.sanctions.persistence.RegionRepository;
import io.sanctionsrisk.sanctions.persistence.SectorRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The taxonomy tables held in memory. They change only when the start-up loader syncs them from the curated
 * files, which then calls {@link #reload()}; every reader sees one consistent snapshot.
 */
@ApplicationScoped
public class TaxonomyService {

    /** An immutable view of the three tables and the region hierarchy. */
    public record Snapshot(
            Map<String, SectorEntry> sectors,
            Map<String, RegionEntry> regions,
            Map<String, CountryEntry> countries,
            Map<String, Set<String>> countriesByRegion) {

        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Map.of(), Map.of());

        /** The region of a country, or null for an unknown or absent country. */
        public String regionOf(String countryCode) {
            CountryEntry country = countryCode == null ? null : countries.get(countryCode);
            return country == null ? null : country.region();
        }

        /** The region and every region below it. */
        public Set<String> regionsIn(String regionCode) {
            Set<String> found = new TreeSet<>();
            for (String code : regions.keySet()) {
                String at = code;
                for (int depth = 0; at != null && depth <= regions.size(); depth++) {
                    if (at.equals(regionCode)) {
                        found.add(code);
                        break;
                    }
                    RegionEntry entry = regions.get(at);
                    at = entry == null ? null : entry.parentCode();
                }
            }
            return found;
        }

        /** The countries in a region or in any region below it. */
        public Set<String> countriesIn(String regionCode) {
            return countriesByRegion.getOrDefault(regionCode, Set.of());
        }
    }

    private final SectorRepository sectors;
    private final RegionRepository regions;
    private final CountryRepository countries;
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    public TaxonomyService(SectorRepository sectors, RegionRepository regions, CountryRepository countries) {
        this.sectors = sectors;
        this.regions = regions;
        this.countries = countries;
    }

    public Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current.countries().isEmpty()) {
            reload();
            current = snapshot;
        }
        return current;
    }

    public void reload() {
        Map<String, SectorEntry> sectorMap = new LinkedHashMap<>();
        for (Sector sector : sectors.listAll(Sort.by("code"))) {
            sectorMap.put(
                    sector.getCode(),
                    new SectorEntry(
                            sector.getCode(),
                            sector.getName(),
                            sector.getStixIndustrySector(),
                            sector.getDescription()));
        }
        Map<String, RegionEntry> regionMap = new LinkedHashMap<>();
        for (Region region : regions.listAll(Sort.by("code"))) {
            regionMap.put(
                    region.getCode(),
                    new RegionEntry(region.getCode(), region.getM49Code(), region.getName(), region.getParentCode()));
        }
        Map<String, CountryEntry> countryMap = new LinkedHashMap<>();
        Map<String, Set<String>> byRegion = new HashMap<>();
        for (Country country : countries.listAll(Sort.by("alpha2"))) {
            countryMap.put(
                    country.getAlpha2(),
                    new CountryEntry(country.getAlpha2(), country.getName(), country.getRegionCode()));
            String region = country.getRegionCode();
            // A country belongs to its region and to every region above it.
            for (int depth = 0; region != null && depth < regionMap.size(); depth++) {
                byRegion.computeIfAbsent(region, code -> new TreeSet<>()).add(country.getAlpha2());
                RegionEntry entry = regionMap.get(region);
                region = entry == null ? null : entry.parentCode();
            }
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        byRegion.forEach((code, members) -> frozen.put(code, Collections.unmodifiableSet(members)));
        snapshot = new Snapshot(
                Collections.unmodifiableMap(sectorMap),
                Collections.unmodifiableMap(regionMap),
                Collections.unmodifiableMap(countryMap),
                Collections.unmodifiableMap(frozen));
    }

    public List<SectorEntry> sectors() {
        return List.copyOf(snapshot().sectors().values());
    }

    public List<RegionEntry> regions() {
        return List.copyOf(snapshot().regions().values());
    }

    public List<CountryEntry> countries() {
        return List.copyOf(snapshot().countries().values());
    }
}
