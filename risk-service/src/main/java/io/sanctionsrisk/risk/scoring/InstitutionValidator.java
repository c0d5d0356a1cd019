package io.sanctionsrisk.risk.scoring;

import io.sanctionsrisk.cadence.scoring.CellGrid;
import io.sanctionsrisk.cadence.scoring.ExposureFactor;
import io.sanctionsrisk.cadence.scoring.ExposureProfile;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.web.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks one institution of a score or batch request against the serving snapshot's grid and the taxonomy; every
 * problem is listed with its field path, and an institution with any problem is not scored.
 */
@ApplicationScoped
class InstitutionValidator {

    private final Taxonomy taxonomy;
    private final RiskConfig config;

    InstitutionValidator(Taxonomy taxonomy, RiskConfig config) {
        this.taxonomy = taxonomy;
        this.config = config;
    }

    Institution validate(ScoringContext context, ScoreRequest r, String prefix, List<Violation> errors) {
        if (r == null) {
            errors.add(Violation.of(
                    prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "an institution object is required"));
            return null;
        }
        CellGrid grid = context.grid();
        if (r.id() != null && r.id().length() > ScoreService.MAX_ID_LENGTH) {
            errors.add(Violation.of(prefix + "id", "is longer than " + ScoreService.MAX_ID_LENGTH + " characters"));
        }
        int sector = -1;
        if (r.sector() == null || r.sector().isBlank()) {
            errors.add(Violation.of(prefix + "sector", "is required"));
        } else {
            sector = grid.sectorIndex(r.sector());
            if (sector < 0) {
                errors.add(Violation.of(
                        prefix + "sector",
                        "unknown sector '" + shorten(r.sector()) + "'; the serving snapshot knows " + grid.sectors()));
            }
        }
        String country = null;
        String region = null;
        int regionIndex = -1;
        if (r.country() == null || r.country().isBlank()) {
            errors.add(Violation.of(prefix + "country", "is required"));
        } else {
            country = asciiUpperCase(r.country());
            region = taxonomy.regionOf(country).orElse(null);
            if (region == null) {
                errors.add(Violation.of(
                        prefix + "country",
                        "unknown country '" + shorten(r.country()) + "'; an ISO 3166-1 alpha-2 code is expected"));
            } else {
                regionIndex = grid.regionIndex(region);
                if (regionIndex < 0) {
                    errors.add(Violation.of(
                            prefix + "country",
                            "country '" + country + "' lies in region '" + region
                                    + "', which the serving snapshot has no cell for"));
                }
            }
        }
        int horizon = config.scores().defaultHorizonDays();
        if (r.horizonDays() != null) {
            horizon = r.horizonDays();
            if (horizon < 1 || horizon > config.scores().maxHorizonDays()) {
                errors.add(Violation.of(
                        prefix + "horizonDays",
                        "must be between 1 and " + config.scores().maxHorizonDays()));
            }
        }
        ExposureProfile profile = ExposureProfile.NONE;
        if (r.exposure() != null) {
            Map<ExposureFactor, String> stated = new EnumMap<>(ExposureFactor.class);
            ScoreRequest.ExposureInput e = r.exposure();
            stated.put(ExposureFactor.SWIFT_CONNECTIVITY, e.swiftConnectivity());
            stated.put(ExposureFactor.CRYPTO_CUSTODY, e.cryptoCustody());
            stated.put(ExposureFactor.CORRESPONDENT_EXPOSURE, e.correspondentExposure());
            stated.put(ExposureFactor.CONTROL_MATURITY, e.controlMaturity());
            boolean valid = true;
            for (Map.Entry<ExposureFactor, String> s : stated.entrySet()) {
                if (s.getValue() != null && s.getKey().levelIndex(s.getValue()) < 0) {
                    valid = false;
                    errors.add(Violation.of(
                            prefix + "exposure." + s.getKey().field(),
                            "unknown level '" + shorten(s.getValue()) + "'; one of "
                                    + s.getKey().levels()));
                }
            }
            if (valid) {
                profile = ExposureProfile.of(stated);
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Institution(r.id(), r.sector(), country, region, horizon, profile, grid.cell(sector, regionIndex));
    }

    /**
     * Upper-cases the ASCII letters only. String.toUpperCase maps some other letters onto ASCII ones (the dotless
     * 'ı' to 'I', the long 's' to 'S'), which would take "ıN" for India; those stay as they are and do not match.
     */
    static String asciiUpperCase(String value) {
        char[] chars = value.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'a' && chars[i] <= 'z') {
                chars[i] = (char) (chars[i] - ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
