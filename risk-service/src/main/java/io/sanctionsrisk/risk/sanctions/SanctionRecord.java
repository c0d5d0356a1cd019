package io.sanctionsrisk.risk.sanctions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * A sanctions event as the sanctions-service serves it (GET /api/v1/sanctions), reduced to what the model
 * reads. Fields the model does not use are ignored, so the sanctions-service may add fields freely.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SanctionRecord(
        String key,
        String authority,
        String title,
        String targetJurisdiction,
        LocalDate announcedDate,
        LocalDate effectiveDate,
        List<String> measures,
        String direction,
        Integer severity) {

    public static final String TIGHTENING = "tightening";
    public static final String EASING = "easing";

    /** The date the measures bite: the effective date, else the announcement. */
    public LocalDate actingDate() {
        return effectiveDate != null ? effectiveDate : announcedDate;
    }

    public boolean easing() {
        return EASING.equals(direction);
    }
}
