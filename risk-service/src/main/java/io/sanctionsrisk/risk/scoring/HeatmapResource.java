package io.sanctionsrisk.risk.scoring;

import io.sanctionsrisk.risk.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/heatmap")
@Tag(name = "heatmap", description = "Expected heists and losses by sector and region")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class HeatmapResource {

    private final HeatmapService heatmaps;

    public HeatmapResource(HeatmapService heatmaps) {
        this.heatmaps = heatmaps;
    }

    @GET
    @RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(
            operationId = "getHeatmap",
            summary = "Every sector x region cell over a horizon",
            description = "For each cell of the serving snapshot: the expected heist count over [from, to) (the"
                    + " cadence forecast of the total count times the cell's posterior mean share), the probability"
                    + " of at least one (Poisson approximation 1 - exp(-expectedCount)), and the expected realised"
                    + " (expectedLoss) and attempted losses. No exposure factor is applied: a cell is its typical"
                    + " institution. The cells' counts and losses sum to the total. The horizon starts today, or the"
                    + " day after the snapshot's window if that is later.")
    @APIResponse(
            responseCode = "200",
            description = "Every sector x region cell with its expected count, probability and losses",
            content = @Content(schema = @Schema(implementation = HeatmapView.class)))
    @APIResponse(responseCode = "400", description = "horizonDays is not a whole number in 1..3650")
    @APIResponse(responseCode = "503", ref = "NoSnapshot")
    public HeatmapView heatmap(
            @Parameter(
                            description = "Days ahead (1..3650); default 365",
                            example = "365",
                            schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam("horizonDays")
                    String horizonDays) {
        return heatmaps.heatmap(horizonDays);
    }
}
