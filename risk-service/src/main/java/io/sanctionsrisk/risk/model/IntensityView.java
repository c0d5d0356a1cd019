package io.sanctionsrisk.risk.model;

import io.sanctionsrisk.risk.dataset.DatasetEvent;
import io.sanctionsrisk.risk.dataset.DatasetSanction;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** lambda(t) of the serving snapshot over a date range, split into its parts, with sanctions and heists marked. */
@Schema(name = "Intensity", description = "The fitted intensity over a date range, with sanctions and heists marked")
public record IntensityView(
        @Schema(example = "51") long snapshotId,
        @Schema(example = "cadence-1") String modelVersion,
        @Schema(example = "42") long dataVersion,
        @Schema(example = "heists per day") String unit,
        @Schema(example = "2015-01-01") LocalDate from,
        @Schema(example = "2025-11-30") LocalDate to,
        @Schema(example = "7") int stepDays,

        @Schema(
                example = "2025-11-30",
                description = "Last day of the fitted window; later points assume no" + " further heists")
        LocalDate windowEnd,

        List<Point> points,

        @Schema(description = "Sanctions in the range (weight 0: easing, no pressure)")
        List<DatasetSanction> sanctions,

        @Schema(description = "Heists in the range, where the model placed them")
        List<DatasetEvent> heists) {

    @Schema(name = "IntensityPoint", description = "lambda at 00:00 of the date and its three parts")
    public record Point(
            @Schema(example = "2016-03-01") LocalDate date,

            @Schema(example = "425.0", description = "Days from the window start")
            double time,

            @Schema(example = "0.0123") double total,
            @Schema(example = "0.0041") double baseline,
            @Schema(example = "0.0070") double sanctions,
            @Schema(example = "0.0012") double selfExcitation) {}
}
