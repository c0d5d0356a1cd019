package io.sanctionsrisk.sanctions.importing;

import io.sanctionsrisk.sanctions.web.Violation;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of an import (or of a dry run: what would happen). */
@Schema(name = "ImportReport", description = "Outcome of an import or of a dry run")
public record ImportReport(
        @Schema(example = "csv") String format,

        @Schema(description = "True when nothing was written")
        boolean dryRun,

        @Schema(description = "Records in the file by kind") Counts received,
        Counts created,
        Counts updated,

        @Schema(description = "Records identical to the stored ones")
        Counts unchanged,

        @Schema(description = "Always 0 in a report: a file with an invalid record is rejected whole (422)")
        int rejected,

        @Schema(description = "STIX objects of types this service does not hold, by type", example = "{\"malware\": 2}")
        Map<String, Integer> skipped,

        @Schema(
                description = "Properties of held STIX objects this service does not read, by type and name",
                example = "{\"incident.severity\": 2}")
        Map<String, Integer> ignoredProperties,

        @Schema(description = "Created and updated records (the first ones, up to a documented limit)")
        List<Change> changes,

        @Schema(description = "Changes not listed because of the limit")
        int changesNotListed,

        @Schema(description = "The data version after the import")
        long dataVersion) {

    /** The same report after a later change in its transaction moved the data version on. */
    public ImportReport withDataVersion(long version) {
        return new ImportReport(
                format,
                dryRun,
                received,
                created,
                updated,
                unchanged,
                rejected,
                skipped,
                ignoredProperties,
                changes,
                changesNotListed,
                version);
    }

    /** Records per kind. */
    public record Counts(int actors, int sanctions, int incidents) {

        public static final Counts ZERO = new Counts(0, 0, 0);

        public int total() {
            return actors + sanctions + incidents;
        }
    }

    /** One record the import created or updated. */
    public record Change(
            @Schema(example = "incident") String kind,
            @Schema(example = "2016-02-BANGLADESH-BANK") String key,
            @Schema(example = "created") String outcome,
            @Schema(example = "row 5") String ref) {}

    /** The problems of a rejected file, for the 422 answer. */
    public record Rejection(List<Violation> problems, int rejectedRecords, Counts received) {}
}
