package io.sanctionsrisk.sanctions.rest;

import io.sanctionsrisk.sanctions.AuditedEntity;
import io.sanctionsrisk.sanctions.Authority;
import io.sanctionsrisk.sanctions.Direction;
import io.sanctionsrisk.sanctions.Measure;
import io.sanctionsrisk.sanctions.SanctionData;
import io.sanctionsrisk.sanctions.dto.DataVersionView;
import io.sanctionsrisk.sanctions.dto.SanctionView;
import io.sanctionsrisk.sanctions.persistence.SanctionEventRepository;
import io.sanctionsrisk.sanctions.service.DataVersionService;
import io.sanctionsrisk.sanctions.service.SanctionService;
import io.sanctionsrisk.sanctions.service.Vocabularies;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.CallerResolver;
import io.sanctionsrisk.sanctions.web.Conditional;
import io.sanctionsrisk.sanctions.web.Paging;
import io.sanctionsrisk.sanctions.web.Params;
import io.sanctionsrisk.sanctions.web.Problem;
import io.sanctionsrisk.sanctions.web.ProblemType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sanctions")
@Tag(name = "sanctions", description = "Sanctions events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
@APIResponse(
        responseCode = "400",
        description = "Invalid input; the problem names the field",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "401",
        description = "No or invalid token",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "The token lacks the role",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "404",
        description = "No record with this key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class SanctionResource {

    private final SanctionService service;
    private final DataVersionService dataVersion;
    private final Paging paging;
    private final CallerResolver caller;

    public SanctionResource(
            SanctionService service, DataVersionService dataVersion, Paging paging, CallerResolver caller) {
        this.service = service;
        this.dataVersion = dataVersion;
        this.paging = paging;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "List sanctions events",
            description = "Ordered by announcement date, then key. Tagged with the data version (ETag).")
    @APIResponse(responseCode = "200", description = "A page of sanctions events")
    @APIResponse(responseCode = "304", description = "Not modified since the data version in If-None-Match")
    public Response list(
            @Parameter(description = "Announced on or after (yyyy-mm-dd)", example = "2013-01-01") @QueryParam("from")
                    String from,
            @Parameter(description = "Announced on or before (yyyy-mm-dd)", example = "2017-12-31") @QueryParam("to")
                    String to,
            @Parameter(description = "Authority code", example = "UNSC") @QueryParam("authority") String authority,
            @Parameter(description = "tightening or easing") @QueryParam("direction") String direction,
            @Parameter(description = "Target jurisdiction (alpha-2)", example = "KP") @QueryParam("jurisdiction")
                    String jurisdiction,
            @Parameter(description = "Events that include this measure", example = "bulk-cash-ban")
                    @QueryParam("measure")
                    String measure,
            @Parameter(description = "Page, from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1..500 (default 50)", example = "50") @QueryParam("size") String size,
            @Context HttpHeaders headers) {
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        Params.range(fromDate, toDate);
        SanctionEventRepository.Filter filter = new SanctionEventRepository.Filter(
                fromDate,
                toDate,
                Vocabularies.parameter(Authority.class, "authority", authority),
                Vocabularies.parameter(Direction.class, "direction", direction),
                Params.text(jurisdiction),
                Vocabularies.parameter(Measure.class, "measure", measure));
        Paging.Request request = paging.parse(page, size);
        DataVersionView version = dataVersion.current();
        return Conditional.ok(
                headers, version, () -> service.list(filter, request.page(), request.size(), version.version()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one sanctions event by its key", description = "Tagged with the event's entity tag.")
    @APIResponse(
            responseCode = "200",
            description = "The event",
            content = @Content(schema = @Schema(implementation = SanctionView.class)))
    public Response get(
            @Parameter(description = "Natural key", example = "UNSC-2094") @PathParam("id") String id,
            @Context HttpHeaders headers) {
        DataVersionView version = dataVersion.current();
        SanctionView view = service.get(id);
        return Conditional.ok(headers, tag(view), version, () -> view);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(summary = "Create a sanctions event", description = "409 if the key exists.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = SanctionView.class)))
    public Response create(SanctionData body, @Context UriInfo uri) {
        SanctionView view = service.create(required(body), caller.current());
        return Response.created(uri.getAbsolutePathBuilder().path(view.key()).build())
                .tag(unquoted(tag(view)))
                .entity(view)
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(
            summary = "Replace a sanctions event",
            description = "Send the version last read in the body, or its ETag in If-Match. A stale version is a 409,"
                    + " a non-matching If-Match a 412, neither a 428.")
    @APIResponse(
            responseCode = "200",
            description = "Updated (or unchanged)",
            content = @Content(schema = @Schema(implementation = SanctionView.class)))
    public Response update(
            @Parameter(description = "Natural key", example = "UNSC-2094") @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            SanctionData body) {
        SanctionView view = service.update(id, required(body), ifMatch, caller.current());
        return Response.ok(view).tag(unquoted(tag(view))).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(summary = "Delete a sanctions event", description = "If-Match is honoured when sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch, caller.current());
        return Response.noContent().build();
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new ApiProblem(ProblemType.MALFORMED_BODY, "the request needs a JSON body");
        }
        return body;
    }

    static String unquoted(String tag) {
        return tag.substring(1, tag.length() - 1);
    }

    private static String tag(SanctionView view) {
        return AuditedEntity.entityTag(view.version(), view.audit().createdAt());
    }
}
