package io.sanctionsrisk.sanctions.seed;

import io.sanctionsrisk.sanctions.Country;
import io.sanctionsrisk.sanctions.Region;
import io.sanctionsrisk.sanctions.Sector;
import io.sanctionsrisk.sanctions.csv.CsvFormatException;
import io.sanctionsrisk.sanctions.csv.CsvReader;
import io.sanctionsrisk.sanctions.persistence.CountryRepository;
import io.sanctionsrisk.sanctions.persistence.RegionRepository;
import io.sanctionsrisk.sanctions.persistence.SectorRepository;
import io.sanctionsrisk.sanctions.service.DataVersionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Brings the taxonomy tables in line with the curated files sectors.csv, regions.csv and countries.csv at every
 * start: rows are inserted or updated by code, so a second start changes nothing. A row no longer in the files
 * is kept (incidents may refer to it) and logged. The data version goes up only if a row changed.
 */
@ApplicationScoped
public class TaxonomyLoader {

    private static final Logger LOG = Logger.getLogger(TaxonomyLoader.class);

    private final SeedFiles files;
    private final SectorRepository sectors;
    private final RegionRepository regions;
    private final CountryRepository countries;
    private final DataVersionService dataVersion;
    private final Clock clock;

    public TaxonomyLoader(
            SeedFiles files,
            SectorRepository sectors,
            RegionRepository regions,
            CountryRepository countries,
            DataVersionService dataVersion,
            Clock clock) {
        this.files = files;
        this.sectors = sectors;
        this.regions = regions;
        this.countries = countries;
        this.dataVersion = dataVersion;
        this.clock = clock;
    }

    /** @return the number of rows inserted or changed */
    @Transactional
    public int sync() {
        dataVersion.holdWriters();
        int changed = syncRegions(table("regions.csv", List.of("code", "m49_code", "name", "parent_code")));
        changed += syncSectors(table("sectors.csv", List.of("code", "name", "stix_industry_sector", "description")));
        changed += syncCountries(table("countries.csv", List.of("alpha2", "name", "region_code")));
        if (changed > 0) {
            dataVersion.increment(clock.instant());
            LOG.infof("Taxonomy synced from the curated files: %d row(s) inserted or changed", changed);
        }
        return changed;
    }

    private int syncRegions(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> byCode = new LinkedHashMap<>();
        rows.forEach(row -> byCode.put(required(row, "code", "regions.csv"), row));
        for (Map<String, String> row : rows) {
            String parent = row.get("parent_code");
            if (parent != null && !byCode.containsKey(parent)) {
                throw new IllegalStateException("regions.csv: parent '" + parent + "' of '" + row.get("code")
                        + "' is not a region of the file");
            }
        }
        int changed = 0;
        // Parents first, so the foreign key to the parent always finds its row.
        Map<String, Boolean> done = new HashMap<>();
        for (String code : byCode.keySet()) {
            changed += syncRegion(code, byCode, done, 0);
        }
        return changed;
    }

    private int syncRegion(String code, Map<String, Map<String, String>> byCode, Map<String, Boolean> done, int depth) {
        if (done.containsKey(code)) {
            return 0;
        }
        if (depth > byCode.size()) {
            throw new IllegalStateException("regions.csv: the parent chain of '" + code + "' is a cycle");
        }
        Map<String, String> row = byCode.get(code);
        int changed = 0;
        String parent = row.get("parent_code");
        if (parent != null) {
            changed += syncRegion(parent, byCode, done, depth + 1);
        }
        Region region = regions.findByIdOptional(code).orElse(null);
        if (region == null) {
            region = new Region(code);
            region.update(row.get("m49_code"), required(row, "name", "regions.csv"), parent);
            regions.persist(region);
            changed++;
        } else if (region.update(row.get("m49_code"), required(row, "name", "regions.csv"), parent)) {
            changed++;
        }
        regions.flush();
        done.put(code, true);
        return changed;
    }

    private int syncSectors(List<Map<String, String>> rows) {
        int changed = 0;
        for (Map<String, String> row : rows) {
            String code = required(row, "code", "sectors.csv");
            String name = required(row, "name", "sectors.csv");
            String stix = required(row, "stix_industry_sector", "sectors.csv");
            Sector sector = sectors.findByIdOptional(code).orElse(null);
            if (sector == null) {
                sector = new Sector(code);
                sector.update(name, stix, row.get("description"));
                sectors.persist(sector);
                changed++;
            } else if (sector.update(name, stix, row.get("description"))) {
                changed++;
            }
        }
        return changed;
    }

    private int syncCountries(List<Map<String, String>> rows) {
        int changed = 0;
        for (Map<String, String> row : rows) {
            String alpha2 = required(row, "alpha2", "countries.csv");
            String region = required(row, "region_code", "countries.csv");
            if (regions.findByIdOptional(region).isEmpty()) {
                throw new IllegalStateException(
                        "countries.csv: region '" + region + "' of '" + alpha2 + "' is not in regions.csv");
            }
            String name = required(row, "name", "countries.csv");
            Country country = countries.findByIdOptional(alpha2).orElse(null);
            if (country == null) {
                country = new Country(alpha2);
                country.update(name, region);
                countries.persist(country);
                changed++;
            } else if (country.update(name, region)) {
                changed++;
            }
        }
        return changed;
    }

    private List<Map<String, String>> table(String file, List<String> columns) {
        List<CsvReader.Row> rows;
        try {
            rows = CsvReader.read(
                    new InputStreamReader(new ByteArrayInputStream(files.read(file)), StandardCharsets.UTF_8));
        } catch (IOException | CsvFormatException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty() || !rows.get(0).fields().equals(columns)) {
            throw new IllegalStateException(file + ": the header must be " + String.join(",", columns));
        }
        List<Map<String, String>> table = new ArrayList<>();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() != columns.size()) {
                throw new IllegalStateException(file + ": row " + row.number() + " has "
                        + row.fields().size() + " fields, the header " + columns.size());
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String value = row.fields().get(i).strip();
                values.put(columns.get(i), value.isEmpty() ? null : value);
            }
            table.add(values);
        }
        return table;
    }

    private static String required(Map<String, String> row, String column, String file) {
        String value = row.get(column);
        if (value == null) {
            throw new IllegalStateException(file + ": a row has no " + column);
        }
        return value;
    }
}
