package io.sanctionsrisk.risk.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A heist as the model saw it: its record, the time (days from the window start) it was placed at, and when it was
 * first publicly attributed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ModelEvent", description = "A heist in the model's input")
public record DatasetEvent(
        @Schema(example = "2016-bangladesh-bank") String key,
        @Schema(example = "2016-02-04") LocalDate date,
        @Schema(example = "day") String datePrecision,

        @Schema(example = "764.5", description = "Days from the window start at which the model places it")
        double time,

        @Schema(example = "central-bank") String sector,
        @Schema(example = "southern-asia") String region,
        @Schema(example = "BD") String country,
        @Schema(example = "apt38") String actor,
        @Schema(example = "85") Integer attributionConfidence,
        @Schema(example = "951000000") Long attemptedUsd,
        @Schema(example = "81000000") Long realisedUsd,

        @Schema(
                example = "2016-05-26",
                nullable = true,
                description = "Date of the first public attribution to the actor: a backtest origin before it does"
                        + " not know the heist (null: unknown, known from its own date)")
        LocalDate attributedOn) {

    /**
     * Model time from which the heist was known: the start of the day after its attribution (the attribution is
     * public during that day), never before the heist itself; its own time when the attribution date is unknown.
     */
    public double knownFrom(LocalDate windowStart) {
        if (attributedOn == null) {
            return time;
        }
        return Math.max(time, java.time.temporal.ChronoUnit.DAYS.between(windowStart, attributedOn) + 1.0);
    }
}
