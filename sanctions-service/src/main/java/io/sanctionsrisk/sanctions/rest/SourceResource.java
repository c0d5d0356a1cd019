package io.sanctionsrisk.sanctions.rest;

import io.sanctionsrisk.sanctions.sources.ListSource;
import io.sanctionsrisk.sanctions.sources.ProposalService;
import io.sanctionsrisk.sanctions.sources.SourceLoadService;
import io.sanctionsrisk.sanctions.sources.SourceViews.LoadReport;
import io.sanctionsrisk.sanctions.sources.SourceViews.ProposalView;
import io.sanctionsrisk.sanctions.sources.SourceViews.Rejection;
import io.sanctionsrisk.sanctions.sources.SourceViews.SourceStatus;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.CallerResolver;
import io.sanctionsrisk.sanctions.web.Params;
import io.sanctionsrisk.sanctions.web.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Official sanctions lists and the review queue of the events their DPRK-related changes propose. */
@Path("/api/v1/sources")
@Tag(name = "sources", description = "Official sanctions lists (UN, OFAC) and the review queue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
@APIResponse(
        responseCode = "400",
        description = "Invalid input; the problem names it",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "401",
        description = "No or invalid token",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "The token lacks the role",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class SourceResource {

    private final SourceLoadService loads;
    private final ProposalService proposals;
    private final CallerResolver caller;

    public SourceResource(SourceLoadService loads, ProposalService proposals, CallerResolver caller) {
        this.loads = loads;
        this.proposals = proposals;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The official lists and their newest loaded file")
    @APIResponse(responseCode = "200", description = "The official lists and their newest loaded file")
    public List<SourceStatus> sources() {
        return loads.sources();
    }

    @POST
    @Path("/{source}/loads")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @RolesAllowed({Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(
            summary = "Load an official list file",
            description = "un-consolidated: the UN Security Council Consolidated List XML; ofac-sdn: OFAC's sdn.xml."
                    + " DPRK-related changes since the previous load of the source become pending proposals, one"
                    + " per listing date; the data do not change. The same file again changes nothing.")
    @APIResponse(responseCode = "200", description = "Loaded (or already loaded: unchanged)")
    @APIResponse(
            responseCode = "413",
            description = "File over sanctions.sources.max-file-bytes",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public LoadReport load(
            @Parameter(description = "un-consolidated or ofac-sdn", example = "ofac-sdn") @PathParam("source")
                    String source,
            @Parameter(description = "Record the file as the starting point without proposing anything")
                    @QueryParam("baseline")
                    String baseline,
            InputStream body) {
        ListSource list = ListSource.ofCode(source)
                .orElseThrow(() -> ApiProblem.notFound("source", source + " (un-consolidated, ofac-sdn)"));
        return loads.load(list, body, Params.bool("baseline", baseline), caller.current());
    }

    @GET
    @Path("/proposals")
    @Operation(summary = "The review queue, oldest listing date first")
    @APIResponse(responseCode = "200", description = "The proposals with this status, or all")
    public List<ProposalView> proposals(
            @Parameter(description = "pending, approved or rejected; all when absent") @QueryParam("status")
                    String status) {
        return proposals.list(Params.text(status));
    }

    @GET
    @Path("/proposals/{id}")
    @Operation(summary = "One proposal")
    @APIResponse(responseCode = "200", description = "The proposal")
    public ProposalView proposal(@PathParam("id") long id) {
        return proposals.get(id);
    }

    @POST
    @Path("/proposals/{id}/approval")
    @RolesAllowed({Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(summary = "Approve: write the sanctions event with its provenance (data version +1)")
    @APIResponse(
            responseCode = "409",
            description = "Already decided",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "Approved: the sanctions event is written")
    public ProposalView approve(@PathParam("id") long id) {
        return proposals.approve(id, caller.current());
    }

    @POST
    @Path("/proposals/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(summary = "Reject with a reason; the data do not change")
    @APIResponse(
            responseCode = "409",
            description = "Already decided",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "Rejected, with its reason")
    public ProposalView reject(@PathParam("id") long id, Rejection rejection) {
        return proposals.reject(id, rejection == null ? null : rejection.reason(), caller.current());
    }
}
