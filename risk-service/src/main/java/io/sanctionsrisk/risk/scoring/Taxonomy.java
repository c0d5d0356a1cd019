package io.sanctionsrisk.risk.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sanctions-service's vocabularies as far as scores need them: sector and region names, and the M49 sub-region
 * of every ISO 3166-1 alpha-2 country. Read from {@code taxonomy/taxonomy.tsv}, generated from the
 * sanctions-service's seed by {@code risk-service/generate-taxonomy.py}.
 */
@ApplicationScoped
public class Taxonomy {

    static final String RESOURCE = "taxonomy/taxonomy.tsv";

    private final Map<String, String> sectorNames = new HashMap<>();
    private final Map<String, String> regionNames = new HashMap<>();
    private final Map<String, String> countryRegions = new HashMap<>();

    public Taxonomy() {
        try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalStateException(RESOURCE + ": malformed line '" + line + "'");
                }
                switch (f[0]) {
                    case "sector" -> sectorNames.put(f[1], f[2]);
                    case "region" -> regionNames.put(f[1], f[2]);
                    case "country" -> countryRegions.put(f[1], f[3]);
                    default -> throw new IllegalStateException(RESOURCE + ": unknown kind '" + f[0] + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The M49 sub-region of an ISO 3166-1 alpha-2 code (upper case), if it is one. */
    public Optional<String> regionOf(String country) {
        return Optional.ofNullable(country == null ? null : countryRegions.get(country));
    }

    /** The sector's name, or its code when the taxonomy does not name it. */
    public String sectorName(String code) {
        return sectorNames.getOrDefault(code, code);
    }

    /** The region's name, or its code when the taxonomy does not name it. */
    public String regionName(String code) {
        return regionNames.getOrDefault(code, code);
    }
}
