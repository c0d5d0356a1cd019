package io.sanctionsrisk.sanctions.dto;

import io.sanctionsrisk.sanctions.SanctionData;
import io.sanctionsrisk.sanctions.SanctionEvent;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sanctions event as read: the written fields plus the severity in force, the version and the audit. */
@Schema(name = "Sanction", description = "A sanctions event")
public record SanctionView(
        @Schema(example = "UNSC-2094") String key,
        @Schema(example = "UNSC") String authority,
        @Schema(example = "Resolution 2094 (2013)") String title,
        @Schema(example = "KP") String targetJurisdiction,
        @Schema(example = "2013-03-07") LocalDate announcedDate,
        @Schema(example = "2013-03-07") LocalDate effectiveDate,

        @Schema(example = "[\"asset-freeze\",\"banking-restriction\",\"bulk-cash-ban\"]")
        List<String> measures,

        @Schema(example = "tightening") String direction,

        @Schema(example = "5", description = "Severity in force: the override if any, else the derived one")
        int severity,

        @Schema(example = "5", description = "Severity from the rubric over the measures")
        int derivedSeverity,

        Integer severityOverride,
        String severityOverrideReason,
        String note,
        String source,
        String sourceUrl,
        @Schema(example = "0") long version,
        Audit audit) {

    public static SanctionView of(SanctionEvent event) {
        SanctionData data = event.toData();
        return new SanctionView(
                data.key(),
                data.authority(),
                data.title(),
                data.targetJurisdiction(),
                data.announcedDate(),
                data.effectiveDate(),
                data.measures(),
                data.direction(),
                event.severity(),
                event.getDerivedSeverity(),
                data.severityOverride(),
                data.severityOverrideReason(),
                data.note(),
                data.source(),
                data.sourceUrl(),
                event.getVersion(),
                Audit.of(event));
    }
}
