package io.sanctionsrisk.sanctions.dto;

import io.sanctionsrisk.sanctions.Incident;
import io.sanctionsrisk.sanctions.IncidentData;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A heist incident as read: the written fields plus the derived region and dwell time, version and audit. */
@Schema(name = "Incident", description = "A heist or attempted heist")
public record IncidentView(
        @Schema(example = "2016-bangladesh-bank") String key,
        @Schema(example = "2016-02-04") LocalDate firstActionDate,
        @Schema(example = "day") String datePrecision,
        @Schema(example = "2015-01-29") LocalDate intrusionStartDate,
        @Schema(example = "apt38") String actor,
        @Schema(example = "85") Integer attributionConfidence,
        @Schema(example = "Bangladesh Bank") String victim,
        @Schema(example = "central-bank") String sector,
        @Schema(example = "BD") String country,

        @Schema(
                example = "southern-asia",
                description = "Derived from the country; when the country is unknown, the region written")
        String region,

        @Schema(example = "swift-fraud") String vector,
        @Schema(example = "951000000") Long attemptedUsd,
        @Schema(example = "81000000") Long realisedUsd,
        Boolean destructive,
        String note,
        String source,
        String sourceUrl,
        @Schema(example = "2017-06-13") LocalDate attributedOn,
        @Schema(example = "US-CERT") String attributedBy,
        @Schema(example = "2016-03-07") LocalDate reportedOn,

        @Schema(example = "371", description = "Days from intrusion start to first action; read-only")
        Long dwellDays,

        @Schema(example = "0") long version,
        Audit audit) {

    /** @param countryRegion the region of the incident's country, or null when the country is unknown */
    public static IncidentView of(Incident incident, String countryRegion) {
        IncidentData data = incident.toData();
        String region = data.country() == null ? data.region() : countryRegion;
        return new IncidentView(
                data.key(),
                data.firstActionDate(),
                data.datePrecision(),
                data.intrusionStartDate(),
                data.actor(),
                data.attributionConfidence(),
                data.victim(),
                data.sector(),
                data.country(),
                region,
                data.vector(),
                data.attemptedUsd(),
                data.realisedUsd(),
                data.destructive(),
                data.note(),
                data.source(),
                data.sourceUrl(),
                data.attributedOn(),
                data.attributedBy(),
                data.reportedOn(),
                incident.dwellDays(),
                incident.getVersion(),
                Audit.of(incident));
    }
}
