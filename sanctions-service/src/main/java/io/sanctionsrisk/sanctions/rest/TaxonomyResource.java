package io.sanctionsrisk.sanctions.rest;

import io.sanctionsrisk.sanctions.AttackVector;
import io.sanctionsrisk.sanctions.Authority;
import io.sanctionsrisk.sanctions.CodedValue;
import io.sanctionsrisk.sanctions.DatePrecision;
import io.sanctionsrisk.sanctions.Direction;
import io.sanctionsrisk.sanctions.Measure;
import io.sanctionsrisk.sanctions.dto.TaxonomyEntries.CodeEntry;
import io.sanctionsrisk.sanctions.dto.TaxonomyEntries.CountryEntry;
import io.sanctionsrisk.sanctions.dto.TaxonomyEntries.MeasureEntry;
import io.sanctionsrisk.sanctions.dto.TaxonomyEntries.RegionEntry;
import io.sanctionsrisk.sanctions.dto.TaxonomyEntries.SectorEntry;
import io.sanctionsrisk.sanctions.service.DataVersionService;
import io.sanctionsrisk.sanctions.service.TaxonomyService;
import io.sanctionsrisk.sanctions.web.Conditional;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The vocabularies: the taxonomy tables and the fixed code lists. */
@Path("/api/v1/taxonomy")
@Tag(name = "taxonomy", description = "Sectors, regions, countries and the code vocabularies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
public class TaxonomyResource {

    private final TaxonomyService taxonomy;
    private final DataVersionService dataVersion;

    public TaxonomyResource(TaxonomyService taxonomy, DataVersionService dataVersion) {
        this.taxonomy = taxonomy;
        this.dataVersion = dataVersion;
    }

    @GET
    @Path("/sectors")
    @Operation(summary = "Financial sub-sectors with their STIX industry-sector-ov value")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SectorEntry.class)))
    public Response sectors(@Context HttpHeaders headers) {
        return Conditional.ok(headers, dataVersion.current(), taxonomy::sectors);
    }

    @GET
    @Path("/regions")
    @Operation(summary = "UN M49 regions (the 29 STIX region-ov values) with their parents")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RegionEntry.class)))
    public Response regions(@Context HttpHeaders headers) {
        return Conditional.ok(headers, dataVersion.current(), taxonomy::regions);
    }

    @GET
    @Path("/countries")
    @Operation(summary = "ISO 3166-1 countries with their M49 sub-region")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CountryEntry.class)))
    public Response countries(@Context HttpHeaders headers) {
        return Conditional.ok(headers, dataVersion.current(), taxonomy::countries);
    }

    @GET
    @Path("/authorities")
    @Operation(summary = "Authority codes of sanctions events")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CodeEntry.class)))
    public List<CodeEntry> authorities() {
        return codes(Authority.class);
    }

    @GET
    @Path("/measures")
    @Operation(summary = "Measure codes of sanctions events with their severity-rubric level")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = MeasureEntry.class)))
    public List<MeasureEntry> measures() {
        return Arrays.stream(Measure.values())
                .map(measure -> new MeasureEntry(measure.code(), measure.label(), measure.level()))
                .toList();
    }

    @GET
    @Path("/vectors")
    @Operation(summary = "Attack vector codes of incidents")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CodeEntry.class)))
    public List<CodeEntry> vectors() {
        return codes(AttackVector.class);
    }

    @GET
    @Path("/directions")
    @Operation(summary = "Direction codes of sanctions events")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CodeEntry.class)))
    public List<CodeEntry> directions() {
        return codes(Direction.class);
    }

    @GET
    @Path("/date-precisions")
    @Operation(summary = "Date precision codes of incidents")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CodeEntry.class)))
    public List<CodeEntry> datePrecisions() {
        return codes(DatePrecision.class);
    }

    private static <E extends Enum<E> & CodedValue> List<CodeEntry> codes(Class<E> vocabulary) {
        return Arrays.stream(vocabulary.getEnumConstants())
                .map(value -> new CodeEntry(value.code(), value.label()))
                .toList();
    }
}
