package io.sanctionsrisk.risk.scenario;

import io.sanctionsrisk.risk.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The expected heist rate of a saved scenario's two worlds (GET /api/v1/scenarios/{id}/intensity). */
@Path("/api/v1/scenarios/{id}/intensity")
@Tag(name = "scenarios")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ScenarioIntensityResource {

    private final ScenarioReports reports;

    public ScenarioIntensityResource(ScenarioReports reports) {
        this.reports = reports;
    }

    @GET
    @RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(
            operationId = "getScenarioIntensity",
            summary = "The expected heist rate of a saved scenario, baseline against scenario",
            description = "From the model's mean equation at the snapshot's estimates, over the scenario's horizon in"
                    + " steps of at most 183 points: the expected heists per day of each step in both worlds, whose"
                    + " steps add up to the result's analytic expected counts, with the added and removed sanctions"
                    + " to mark on the curve.")
    @APIResponse(
            responseCode = "200",
            description = "Both worlds' expected rate",
            content = @Content(schema = @Schema(implementation = ScenarioIntensityView.class)))
    @APIResponse(responseCode = "404", description = "No such scenario")
    @APIResponse(responseCode = "409", description = "The scenario's snapshot is no longer stored")
    public ScenarioIntensityView intensity(@PathParam("id") long id) {
        return reports.intensity(id);
    }
}
