package io.sanctionsrisk.sanctions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A heist incident as it is written: the body of POST and PUT, a record of a JSON import and of the JSON
 * export. The read-only fields of {@code dto.IncidentView} are accepted and ignored.
 */
@JsonIgnoreProperties(value = {"dwellDays", "audit"})
@Schema(name = "IncidentInput", description = "A heist or attempted heist as written")
public record IncidentData(
        @Schema(example = "2016-bangladesh-bank", description = "Natural key, unique")
        @NotBlank
        @Size(max = Keys.MAX_LENGTH)
        @Pattern(regexp = Keys.PATTERN, message = "must be letters, digits, '.', '_' or '-'")
        String key,

        @Schema(example = "2016-02-04", description = "First fraudulent action; a month or year is its first day")
        @NotNull
        LocalDate firstActionDate,

        @Schema(example = "day", description = "day, month or year; day if absent")
        String datePrecision,

        @Schema(example = "2015-01-29", description = "Start of the intrusion when known; not after the first action")
        LocalDate intrusionStartDate,

        @Schema(example = "apt38", description = "Threat actor key, see /api/v1/actors")
        String actor,

        @Schema(example = "85", description = "Attribution confidence 0..100 (STIX confidence scale)") @Min(0) @Max(100)
        Integer attributionConfidence,

        @Schema(example = "Bangladesh Bank", description = "Victim institution, or 'unnamed'") @Size(max = 300)
        String victim,

        @Schema(example = "central-bank", description = "Sector code, see /api/v1/taxonomy/sectors")
        String sector,

        @Schema(example = "BD", description = "ISO 3166-1 alpha-2 country code; the region follows from it")
        String country,

        @Schema(example = "swift-fraud", description = "Vector code, see /api/v1/taxonomy/vectors")
        String vector,

        @Schema(example = "951000000", description = "Attempted amount, whole USD") @PositiveOrZero
        Long attemptedUsd,

        @Schema(example = "81000000", description = "Realised amount, whole USD, at most the attempted one")
        @PositiveOrZero
        Long realisedUsd,

        @Schema(description = "Whether destructive malware (a wiper) was used")
        Boolean destructive,

        @Size(max = 4000) String note,
        @Size(max = 500) String source,
        @Size(max = 2000) String sourceUrl,

        @Schema(
                example = "2017-06-13",
                description = "First public attribution to the actor; not before the first action")
        LocalDate attributedOn,

        @Schema(example = "US-CERT", description = "Who made the first public attribution; only with attributedOn")
        @Size(max = 300)
        String attributedBy,

        @Schema(example = "2016-03-07", description = "First public report of the theft; not before the first action")
        LocalDate reportedOn,

        @Schema(
                example = "africa",
                description = "Region code, written only when the country is unknown; with a country it is derived"
                        + " from it and a written one is ignored")
        String region,

        @Schema(description = "The version last read; required on PUT unless If-Match is sent", example = "0")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Long version) {

    public static final String DEFAULT_PRECISION = "day";

    /**
     * Trimmed text, blanks as unknown, precision day when absent, a month or year date moved to its first day;
     * codes are not checked here.
     */
    public IncidentData normalized() {
        String precision = Text.clean(datePrecision);
        if (precision == null) {
            precision = DEFAULT_PRECISION;
        }
        LocalDate date = firstActionDate;
        if (date != null && precision.equals("month")) {
            date = date.withDayOfMonth(1);
        } else if (date != null && precision.equals("year")) {
            date = date.withDayOfYear(1);
        }
        return new IncidentData(
                Text.clean(key),
                date,
                precision,
                intrusionStartDate,
                Text.clean(actor),
                attributionConfidence,
                Text.clean(victim),
                Text.clean(sector),
                Text.clean(country),
                Text.clean(vector),
                attemptedUsd,
                realisedUsd,
                destructive,
                Text.clean(note),
                Text.clean(source),
                Text.clean(sourceUrl),
                attributedOn,
                Text.clean(attributedBy),
                reportedOn,
                Text.clean(country) == null ? Text.clean(region) : null,
                version);
    }

    public IncidentData withoutVersion() {
        return with(key, null);
    }

    /** The same record under another key (the path's key of a PUT). */
    public IncidentData withKey(String newKey) {
        return with(newKey, version);
    }

    private IncidentData with(String newKey, Long newVersion) {
        return new IncidentData(
                newKey,
                firstActionDate,
                datePrecision,
                intrusionStartDate,
                actor,
                attributionConfidence,
                victim,
                sector,
                country,
                vector,
                attemptedUsd,
                realisedUsd,
                destructive,
                note,
                source,
                sourceUrl,
                attributedOn,
                attributedBy,
                reportedOn,
                region,
                newVersion);
    }
}
