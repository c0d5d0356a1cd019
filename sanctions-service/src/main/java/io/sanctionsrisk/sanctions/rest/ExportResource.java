package io.sanctionsrisk.sanctions.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsrisk.sanctions.csv.CsvLayout;
import io.sanctionsrisk.sanctions.dto.DataVersionView;
import io.sanctionsrisk.sanctions.exporting.CsvExportWriter;
import io.sanctionsrisk.sanctions.exporting.ExportService;
import io.sanctionsrisk.sanctions.exporting.ExportSnapshot;
import io.sanctionsrisk.sanctions.exporting.JsonExportWriter;
import io.sanctionsrisk.sanctions.exporting.StixBundleWriter;
import io.sanctionsrisk.sanctions.service.DataVersionService;
import io.sanctionsrisk.sanctions.stix.Stix;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.Conditional;
import io.sanctionsrisk.sanctions.web.Params;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/exports")
@Tag(name = "exports", description = "All records as CSV, JSON or a STIX 2.1 bundle")
@RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
public class ExportResource {

    private final ExportService exports;
    private final DataVersionService dataVersion;
    private final ObjectMapper mapper;

    public ExportResource(ExportService exports, DataVersionService dataVersion, ObjectMapper mapper) {
        this.exports = exports;
        this.dataVersion = dataVersion;
        this.mapper = mapper;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ImportResource.CSV, Stix.MEDIA_TYPE})
    @Operation(
            summary = "Export the data",
            description = "json: {\"dataVersion\":n,\"actors\":[],\"sanctions\":[],\"incidents\":[]}; csv: one kind"
                    + " per file (?kind=actors|sanctions|incidents), in the seed files' layout; stix: a STIX 2.1"
                    + " bundle with deterministic ids. Each imports back unchanged. Tagged with the data version."
                    + " Read from one snapshot of the data (no lock: writes go on meanwhile) and streamed.")
    @APIResponse(responseCode = "200", description = "The export")
    @APIResponse(responseCode = "304", description = "Not modified since the data version in If-None-Match")
    @APIResponse(
            responseCode = "503",
            description = "The most exports that may run at once are running (busy); Retry-After says when to retry")
    public Response export(
            @Parameter(description = "csv, json or stix", example = "stix") @QueryParam("format") String format,
            @Parameter(description = "With format=csv: actors, sanctions or incidents", example = "incidents")
                    @QueryParam("kind")
                    String kind,
            @Context HttpHeaders headers,
            @Context RoutingContext routing) {
        String chosen = Params.text(format) == null ? "json" : format.strip();
        CsvLayout layout = null;
        String type;
        switch (chosen) {
            case "json" -> type = MediaType.APPLICATION_JSON;
            case "stix" -> type = Stix.MEDIA_TYPE + ";version=2.1";
            case "csv" -> {
                String kindName = Params.text(kind);
                if (kindName == null) {
                    throw ApiProblem.invalidParameter(
                            "kind", "a CSV export holds one kind: add kind=actors, kind=sanctions or kind=incidents");
                }
                layout = CsvLayout.ofKind(kindName)
                        .orElseThrow(() -> ApiProblem.invalidParameter(
                                "kind", "unknown kind '" + kindName + "' (actors, sanctions or incidents)"));
                type = ImportResource.CSV + ";charset=UTF-8";
            }
            default ->
                throw ApiProblem.invalidParameter("format", "unknown format '" + format + "' (csv, json or stix)");
        }
        DataVersionView current = dataVersion.current();
        if (Conditional.notModified(headers, current.entityTag())) {
            return Response.notModified()
                    .tag(SanctionResource.unquoted(current.entityTag()))
                    .header(Conditional.DATA_VERSION_HEADER, current.version())
                    .build();
        }
        ExportService.OpenExport export = exports.open();
        try {
            ExportSnapshot snapshot = export.snapshot();
            CsvLayout csvLayout = layout;
            StreamingOutput body = out -> {
                try (export) {
                    switch (chosen) {
                        case "json" -> JsonExportWriter.write(snapshot, mapper, out);
                        case "stix" -> StixBundleWriter.write(snapshot, mapper, out);
                        default -> CsvExportWriter.write(snapshot, csvLayout, out);
                    }
                }
            };
            // Whatever way the response ends (written, a HEAD that writes no body, a client gone before the body),
            // the snapshot and its connection are given back; after a written body this is a no-op.
            routing.addEndHandler(ended -> routing.vertx().executeBlocking(() -> {
                export.close();
                return null;
            }));
            String file = "sanctions-export-dv" + snapshot.version().version()
                    + (csvLayout == null ? "" : "-" + csvLayout.kind())
                    + (chosen.equals("stix") ? ".stix.json" : "." + chosen);
            return Response.ok(body, type)
                    .tag(SanctionResource.unquoted(snapshot.version().entityTag()))
                    .header(Conditional.DATA_VERSION_HEADER, snapshot.version().version())
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                    .build();
        } catch (RuntimeException e) {
            export.close();
            throw e;
        }
    }
}
