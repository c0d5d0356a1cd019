package io.sanctionsrisk.risk.card;

import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.PageQuery;
import io.sanctionsrisk.risk.web.PageView;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The model card of the serving snapshot and of any stored one, as JSON or PDF, and the snapshot history. */
@Path("/api/v1/model")
@Tag(name = "model card", description = "Model cards of the stored snapshots, and their history")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ModelCardResource {

    static final String PDF = "application/pdf";

    private final CardService cards;

    public ModelCardResource(CardService cards) {
        this.cards = cards;
    }

    @GET
    @Path("/card")
    @Produces({MediaType.APPLICATION_JSON, PDF})
    @RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(
            operationId = "getModelCard",
            summary = "The serving snapshot's model card",
            description = "The data (versions, counts, window, records left out), the estimates with their 95%"
                    + " intervals, the diagnostics, the sensitivity to the kernel shape, the latest stored backtest"
                    + " against the risk.card.backtest thresholds (not-run when none), the limitations and the changes"
                    + " since the snapshot before. JSON by default; PDF with Accept: application/pdf.")
    @APIResponse(
            responseCode = "200",
            description = "The model card, as JSON or PDF",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelCard.class)),
                @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "406", description = "Accept names neither JSON nor PDF")
    @APIResponse(responseCode = "503", ref = "NoSnapshot")
    public Response servingCard(@Context HttpHeaders headers) {
        MediaType type = negotiate(headers);
        return answer(cards.serving(), type);
    }

    @GET
    @Path("/snapshots/{id}/card")
    @Produces({MediaType.APPLICATION_JSON, PDF})
    @RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(
            operationId = "getSnapshotCard",
            summary = "A stored snapshot's model card",
            description = "As GET /api/v1/model/card, for any stored snapshot; the change log compares it with the"
                    + " snapshot stored just before it.")
    @APIResponse(
            responseCode = "200",
            description = "The model card, as JSON or PDF",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelCard.class)),
                @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "400", description = "The id is not a positive integer")
    @APIResponse(responseCode = "404", description = "No snapshot with this id is stored")
    @APIResponse(responseCode = "406", description = "Accept names neither JSON nor PDF")
    public Response snapshotCard(
            @Parameter(description = "Snapshot id", example = "51", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("id")
                    String id,
            @Context HttpHeaders headers) {
        MediaType type = negotiate(headers);
        return answer(cards.forSnapshot(id), type);
    }

    @GET
    @Path("/snapshots")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(
            operationId = "listSnapshots",
            summary = "The stored snapshots, newest first",
            description = "Id, creation time, model, code and data versions, counts, window, trigger; page from 0.")
    @APIResponse(responseCode = "200", description = "A page of snapshots")
    @APIResponse(responseCode = "400", description = "A bad page or size")
    public PageView<SnapshotSummary> snapshots(@BeanParam PageQuery paging) {
        return cards.list(paging.page(), paging.size());
    }

    /** JSON unless the client prefers PDF; Accept's order of preference (quality first) decides. */
    static MediaType negotiate(HttpHeaders headers) {
        MediaType pdf = MediaType.valueOf(PDF);
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
            if (accepted.isCompatible(pdf)) {
                return pdf;
            }
        }
        throw new ApiProblem(
                ProblemType.NOT_ACCEPTABLE, "the model card is available as application/json or application/pdf");
    }

    private static Response answer(ModelCard card, MediaType type) {
        if (MediaType.APPLICATION_JSON_TYPE.equals(type)) {
            return Response.ok(card, type).build();
        }
        return Response.ok(CardPdf.render(card), type)
                .header("Content-Disposition", "inline; filename=\"model-card-" + card.snapshotId() + ".pdf\"")
                .build();
    }
}
