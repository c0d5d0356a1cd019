package io.sanctionsrisk.sanctions.dto;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Heists and losses per calendar bucket, with the sanctions that took effect in each. */
@Schema(name = "Timeline", description = "Heist counts and losses per bucket, with the sanctions in force from each")
public record Timeline(
        @Schema(example = "month") String bucket,
        @Schema(example = "2013-01-01") LocalDate from,
        @Schema(example = "2017-12-31") LocalDate to,
        List<Bucket> buckets) {

    @Schema(name = "TimelineBucket")
    public record Bucket(
            @Schema(example = "2016-02") String label,
            @Schema(example = "2016-02-01") LocalDate start,
            @Schema(example = "2016-02-29") LocalDate end,

            @Schema(example = "1", description = "Heists whose first action falls in the bucket")
            long heists,

            @Schema(example = "951000000", description = "Sum of the known attempted amounts, USD")
            long attemptedUsd,

            @Schema(example = "81000000", description = "Sum of the known realised amounts, USD")
            long realisedUsd,

            @Schema(example = "0", description = "Heists in the bucket whose realised amount is unknown")
            long heistsWithUnknownRealised,

            @Schema(
                    example = "0",
                    description = "Heists dated only to a coarser period (say, a year), placed at its first day")
            long impreciseHeists,

            @Schema(description = "Sanctions events in force from a day in the bucket (effective, else announced)")
            List<SanctionMark> sanctions) {}

    @Schema(name = "TimelineSanction")
    public record SanctionMark(
            @Schema(example = "UNSC-2094") String key,
            @Schema(example = "UNSC") String authority,
            @Schema(example = "Resolution 2094 (2013)") String title,
            @Schema(example = "2013-03-07") LocalDate date,
            @Schema(example = "tightening") String direction,
            @Schema(example = "5") int severity) {}
}
