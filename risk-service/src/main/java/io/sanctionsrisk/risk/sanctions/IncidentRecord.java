package io.sanctionsrisk.risk.sanctions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * A heist incident as the sanctions-service serves it (GET /api/v1/incidents), reduced to what the model
 * reads: the first fraudulent action (with its precision), attribution, the (sector, region) cell and the
 * amounts. {@code attributedOn} is the date of the first public attribution to the actor (null when unknown).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncidentRecord(
        String key,
        LocalDate firstActionDate,
        String datePrecision,
        String actor,
        Integer attributionConfidence,
        String sector,
        String country,
        String region,
        String vector,
        Long attemptedUsd,
        Long realisedUsd,
        LocalDate attributedOn) {}
