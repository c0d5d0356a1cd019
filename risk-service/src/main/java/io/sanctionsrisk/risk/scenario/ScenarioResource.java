package io.sanctionsrisk.risk.scenario;

import io.sanctionsrisk.risk.web.PageQuery;
import io.sanctionsrisk.risk.web.PageView;
import io.sanctionsrisk.risk.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/scenarios")
@Tag(
        name = "scenarios",
        description = "What-if scenarios: add or remove sanctions, simulate, compare with the baseline")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ScenarioResource {

    private final ScenarioService scenarios;

    public ScenarioResource(ScenarioService scenarios) {
        this.scenarios = scenarios;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.POLICY_ANALYST, Roles.ADMIN})
    @Operation(
            operationId = "createScenario",
            summary = "Run and save a what-if scenario",
            description = "Simulates the serving model over the horizon twice with the same random numbers: the"
                    + " baseline (the snapshot's sanctions) and the scenario (minus the removed, plus the added"
                    + " sanctions), conditioned on the observed heists. Answers counts and losses per (sector, region)"
                    + " cell and in total (mean with standard error, quantiles 5/50/95, probability of at least one),"
                    + " the total-loss exceedance curve, and the per-path deltas with intervals; the scenario is saved"
                    + " with its owner, seed and versions. Limits: 100 to 200,000 paths, a horizon of at most 3,650"
                    + " days, at most 100 added and 1,000 removed sanctions.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = ScenarioRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "new-package",
                                        summary = "A new UN package next month, banks in Southern Asia listed",
                                        value = "{\"name\": \"New UN package\", \"startDate\": \"2026-01-01\","
                                                + " \"horizonDays\": 365, \"paths\": 20000, \"seed\": 42,"
                                                + " \"addSanctions\": [{\"date\": \"2026-02-01\", \"authority\":"
                                                + " \"UNSC\", \"measures\": [\"asset-freeze\","
                                                + " \"banking-restriction\"], \"severity\": 4}], \"sectors\":"
                                                + " [\"commercial-bank\"], \"regions\": [\"southern-asia\"]}"),
                                @ExampleObject(
                                        name = "lifted",
                                        summary = "An existing package lifted, default horizon from today",
                                        value = "{\"removeSanctions\": [\"UNSC-2397\"]}")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "The scenario with its result, saved; Location is its URL",
            content = @Content(schema = @Schema(implementation = ScenarioView.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON or does not match the schema")
    @APIResponse(responseCode = "413", description = "More paths, added or removed sanctions than the limits")
    @APIResponse(
            responseCode = "422",
            description = "A sanction outside the horizon, an unknown removed sanction, a bad severity, weight,"
                    + " horizon, start date, loss basis or cell filter; every problem is listed with its field")
    @APIResponse(responseCode = "503", description = "No snapshot yet, or too many simulations at once; Retry-After")
    public Response create(ScenarioRequest request) {
        ScenarioView view = scenarios.create(request);
        return Response.created(URI.create("/api/v1/scenarios/" + view.id()))
                .entity(view)
                .build();
    }

    @GET
    @RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(
            operationId = "listScenarios",
            summary = "Saved scenarios, newest first",
            description = "Without their results; page from 0.")
    @APIResponse(
            responseCode = "200",
            description = "One page, newest first, without results",
            content = @Content(schema = @Schema(implementation = PageView.class)))
    @APIResponse(responseCode = "400", description = "A bad page or size")
    public PageView<ScenarioView> list(@BeanParam PageQuery paging) {
        return scenarios.list(paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(operationId = "getScenario", summary = "A saved scenario with its result")
    @APIResponse(
            responseCode = "200",
            description = "The saved scenario with its result",
            content = @Content(schema = @Schema(implementation = ScenarioView.class)))
    @APIResponse(responseCode = "404", description = "No such scenario")
    public ScenarioView get(@PathParam("id") long id) {
        return scenarios.get(id);
    }

    @POST
    @Path("/{id}/runs")
    @RolesAllowed({Roles.POLICY_ANALYST, Roles.ADMIN})
    @Operation(
            operationId = "rerunScenario",
            summary = "Re-run a saved scenario",
            description = "Runs the saved inputs (seed included) again on the snapshot the scenario first ran on and"
                    + " says whether the result is identical byte for byte (it is, unless the code changed). The"
                    + " re-run is recorded and audited.")
    @APIResponse(
            responseCode = "200",
            description = "The re-run and whether its result is identical to the first",
            content = @Content(schema = @Schema(implementation = ScenarioRunView.class)))
    @APIResponse(responseCode = "404", description = "No such scenario")
    @APIResponse(responseCode = "409", description = "The scenario's snapshot is no longer stored")
    public ScenarioRunView rerun(@PathParam("id") long id) {
        return scenarios.rerun(id);
    }
}
