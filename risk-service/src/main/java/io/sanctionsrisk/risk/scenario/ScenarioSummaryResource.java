package io.sanctionsrisk.risk.scenario;

import io.sanctionsrisk.risk.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A saved scenario's PDF summary (GET /api/v1/scenarios/{id}/summary, Accept: application/pdf). */
@Path("/api/v1/scenarios/{id}/summary")
@Tag(name = "scenarios")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ScenarioSummaryResource {

    static final String PDF = "application/pdf";

    private final ScenarioReports reports;

    public ScenarioSummaryResource(ScenarioReports reports) {
        this.reports = reports;
    }

    @GET
    @Produces(PDF)
    @RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(
            operationId = "getScenarioSummary",
            summary = "A saved scenario's summary as a PDF",
            description = "What was asked (added and removed sanctions, horizon, paths, seed), the snapshot and"
                    + " versions, the totals of both worlds and their delta with 95% intervals, the cells that move"
                    + " most, the loss exceedance curve and the re-runs with whether each was identical. Read from"
                    + " what is stored; nothing is simulated again.")
    @APIResponse(
            responseCode = "200",
            description = "The summary",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such scenario")
    @APIResponse(responseCode = "406", description = "Accept does not allow application/pdf")
    public Response summary(@PathParam("id") long id) {
        return Response.ok(reports.summaryPdf(id), PDF)
                .header("Content-Disposition", "attachment; filename=\"scenario-" + id + "-summary.pdf\"")
                .build();
    }
}
