package io.sanctionsrisk.sanctions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A sanctions event as it is written: the body of POST and PUT, a record of a JSON import and of the JSON
 * export. The read-only fields of {@code dto.SanctionView} are accepted and ignored, so a fetched record can be
 * sent back.
 */
@JsonIgnoreProperties(value = {"severity", "derivedSeverity", "audit"})
@Schema(name = "SanctionInput", description = "A sanctions event as written")
public record SanctionData(
        @Schema(example = "UNSC-2094", description = "Natural key, unique")
        @NotBlank
        @Size(max = Keys.MAX_LENGTH)
        @Pattern(regexp = Keys.PATTERN, message = "must be letters, digits, '.', '_' or '-'")
        String key,

        @Schema(example = "UNSC", description = "Authority code, see /api/v1/taxonomy/authorities") @NotBlank
        String authority,

        @Schema(example = "Resolution 2094 (2013)") @NotBlank @Size(max = 500)
        String title,

        @Schema(example = "KP", description = "ISO 3166-1 alpha-2 code of the targeted jurisdiction")
        String targetJurisdiction,

        @Schema(example = "2013-03-07", description = "Date announced or adopted") @NotNull
        LocalDate announcedDate,

        @Schema(
                example = "2013-03-07",
                description = "Date the measures took effect; on or after the announcement; empty if unknown")
        LocalDate effectiveDate,

        @Schema(
                example = "[\"asset-freeze\",\"banking-restriction\",\"bulk-cash-ban\"]",
                description = "Measure codes, see /api/v1/taxonomy/measures")
        @NotEmpty
        List<String> measures,

        @Schema(example = "tightening", description = "tightening or easing") @NotBlank
        String direction,

        @Schema(description = "Severity 1..5 that replaces the derived one; needs a reason") @Min(1) @Max(5)
        Integer severityOverride,

        @Schema(description = "Why the derived severity is overridden; required with severityOverride")
        @Size(max = 1000)
        String severityOverrideReason,

        @Size(max = 4000) String note,

        @Schema(example = "UN Security Council") @Size(max = 500)
        String source,

        @Schema(example = "https://undocs.org/S/RES/2094(2013)") @Size(max = 2000)
        String sourceUrl,

        @Schema(description = "The version last read; required on PUT unless If-Match is sent", example = "0")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Long version) {

    /** Trimmed text, blanks as unknown, measures in vocabulary order; codes are not checked here. */
    public SanctionData normalized() {
        List<String> cleanMeasures = new ArrayList<>(Text.cleanList(measures));
        cleanMeasures.sort(Comparator.comparingInt(SanctionData::measureOrder));
        return new SanctionData(
                Text.clean(key),
                Text.clean(authority),
                Text.clean(title),
                Text.clean(targetJurisdiction),
                announcedDate,
                effectiveDate,
                List.copyOf(cleanMeasures),
                Text.clean(direction),
                severityOverride,
                Text.clean(severityOverrideReason),
                Text.clean(note),
                Text.clean(source),
                Text.clean(sourceUrl),
                version);
    }

    public SanctionData withoutVersion() {
        return new SanctionData(
                key,
                authority,
                title,
                targetJurisdiction,
                announcedDate,
                effectiveDate,
                measures,
                direction,
                severityOverride,
                severityOverrideReason,
                note,
                source,
                sourceUrl,
                null);
    }

    private static int measureOrder(String code) {
        for (Measure measure : Measure.values()) {
            if (measure.code().equals(code)) {
                return measure.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }
}
