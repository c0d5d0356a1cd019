package io.sanctionsrisk.sanctions.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The read shapes of the vocabularies served under /api/v1/taxonomy. */
public final class TaxonomyEntries {

    private TaxonomyEntries() {}

    @Schema(name = "Sector")
    public record SectorEntry(
            @Schema(example = "central-bank") String code,
            @Schema(example = "Central bank") String name,

            @Schema(example = "financial-services", description = "STIX 2.1 industry-sector-ov value")
            String stixIndustrySector,

            String description) {}

    @Schema(name = "Region")
    public record RegionEntry(
            @Schema(example = "southern-asia", description = "STIX 2.1 region-ov value")
            String code,

            @Schema(example = "034") String m49Code,
            @Schema(example = "Southern Asia") String name,
            @Schema(example = "asia") String parentCode) {}

    @Schema(name = "Country")
    public record CountryEntry(
            @Schema(example = "BD") String alpha2,
            @Schema(example = "Bangladesh") String name,
            @Schema(example = "southern-asia") String region) {}

    @Schema(name = "Code", description = "A member of a fixed code vocabulary")
    public record CodeEntry(@Schema(example = "swift-fraud") String code, String label) {}

    @Schema(name = "MeasureCode", description = "A measure and its level in the severity rubric")
    public record MeasureEntry(
            @Schema(example = "bulk-cash-ban") String code,
            String label,
            @Schema(example = "4") int severityLevel) {}
}
