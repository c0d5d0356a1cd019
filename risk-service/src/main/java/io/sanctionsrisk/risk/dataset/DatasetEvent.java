package io.sanctionsrisk.risk.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A heist as the model saw it: its record, and the time (days from the window start) it was placed at. */
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
        @Schema(example = "81000000") Long realisedUsd) {}
